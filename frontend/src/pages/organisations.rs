//! `/organisations`: the schools and the committee of the municipality.

use crate::access;
use crate::api;
use crate::app::use_auth;
use crate::components::empty_state::EmptyState;
use crate::components::error_alert::ErrorAlert;
use crate::components::loading::Loading;
use crate::components::organisation_form::OrganisationForm;
use crate::components::pager::Pager;
use crate::i18n::{self, use_i18n};
use leptos::prelude::*;
use openapi::PageQuery;
use openapi::organisations::{OrganisationFilter, OrganisationKind};

/// Rows per page of the organisation table.
const PER_PAGE: u32 = 20;

/// The paginated list with search and a kind filter; platform administrators also get
/// the «Добавить организацию» form.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_create = Memo::new(move |_| auth.with_me(access::may_create_organisations).unwrap_or(false));
    let page = RwSignal::new(1_u32);
    let search = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<OrganisationKind>);
    let creating = RwSignal::new(false);
    let refreshing = RwSignal::new(false);

    let organisations = LocalResource::new(move || {
        let filter = OrganisationFilter {
            q: Some(query.get()).filter(|q| !q.is_empty()),
            kind: kind.get(),
        };
        let paging = PageQuery {
            page: Some(page.get()),
            per_page: Some(PER_PAGE),
        };
        async move { api::organisations::list_organisations(&filter, paging).await }
    });
    let reload = Callback::new(move |()| organisations.refetch());

    let table = move || {
        Suspend::new(async move {
            match organisations.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.items.is_empty() => view! { <EmptyState/> }.into_any(),
                Ok(list) => {
                    let page_count = list.page_count();
                    let rows = list
                        .items
                        .into_iter()
                        .map(|organisation| {
                            let created = i18n::date(&organisation.created_at);
                            let kind = organisation.kind;
                            view! {
                                <tr data-testid="organisation-row">
                                    <td>{organisation.name}</td>
                                    <td>{organisation.short_name}</td>
                                    <td>{move || i18n.t().kind(kind)}</td>
                                    <td>{organisation.municipality}</td>
                                    <td>{created}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="table" data-testid="organisations-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().organisation_name}</th>
                                        <th scope="col">{move || i18n.t().short_name}</th>
                                        <th scope="col">{move || i18n.t().kind}</th>
                                        <th scope="col">{move || i18n.t().municipality}</th>
                                        <th scope="col">{move || i18n.t().created}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        <Pager page=page page_count=page_count/>
                    }
                    .into_any()
                }
            }
        })
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t().organisations_title}</h1>
                <Show when=move || may_create.get() && !creating.get()>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="add-organisation"
                        on:click=move |_| creating.set(true)
                    >
                        {move || i18n.t().add_organisation}
                    </button>
                </Show>
            </div>
            <Show when=move || may_create.get() && creating.get()>
                <OrganisationForm on_created=reload on_cancel=Callback::new(move |()| creating.set(false))/>
            </Show>
            <form
                class="filters"
                role="search"
                on:submit=move |event| {
                    event.prevent_default();
                    page.set(1);
                    query.set(search.get_untracked().trim().to_owned());
                }
            >
                <div class="field">
                    <label for="organisation-search">{move || i18n.t().search}</label>
                    <input
                        id="organisation-search"
                        type="search"
                        data-testid="organisation-search"
                        placeholder=move || i18n.t().search_organisations_hint
                        bind:value=search
                    />
                </div>
                <button type="submit" class="button">{move || i18n.t().search_submit}</button>
                <div class="field">
                    <label for="organisation-kind-filter">{move || i18n.t().kind}</label>
                    <select
                        id="organisation-kind-filter"
                        data-testid="organisation-kind-filter"
                        on:change=move |event| {
                            page.set(1);
                            kind.set(OrganisationKind::parse(&event_target_value(&event)));
                        }
                    >
                        <option value="" selected=move || kind.get().is_none()>{move || i18n.t().filter_all}</option>
                        {OrganisationKind::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.as_str() selected=move || kind.get() == Some(option)>
                                        {move || i18n.t().kind(option)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>
            <div class="list" class:stale=move || refreshing.get() aria-busy=move || refreshing.get().to_string()>
                <Transition fallback=|| view! { <Loading/> } set_pending=refreshing.write_only()>
                    {table}
                </Transition>
            </div>
        </section>
    }
}
