//! `/users`: the administrator's management of their organisation's accounts.

use crate::api::{self, ApiError};
use crate::app::use_auth;
use crate::components::empty_state::EmptyState;
use crate::components::error_alert::ErrorAlert;
use crate::components::loading::Loading;
use crate::components::pager::Pager;
use crate::components::user_create_form::UserCreateForm;
use crate::components::user_row::UserRow;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::PageQuery;
use openapi::users::{Role, UserFilter};

/// Rows per page of the user table.
const PER_PAGE: u32 = 20;

/// The paginated table of accounts with search, role and status filters, the
/// «Добавить пользователя» form, and per-row editing, (de)activation and password reset.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let organisation = auth.with_me_untracked(|me| me.organisation.id);
    let page = RwSignal::new(1_u32);
    let search = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Role>);
    let active = RwSignal::new(None::<bool>);
    let creating = RwSignal::new(false);
    let refreshing = RwSignal::new(false);

    let users = LocalResource::new(move || {
        let filter = UserFilter {
            q: Some(query.get()).filter(|q| !q.is_empty()),
            role: role.get(),
            active: active.get(),
        };
        let paging = PageQuery {
            page: Some(page.get()),
            per_page: Some(PER_PAGE),
        };
        async move {
            match organisation {
                Some(organisation) => api::users::list_users(organisation, &filter, paging).await,
                None => Err(ApiError::SignedOut),
            }
        }
    });
    let reload = Callback::new(move |()| users.refetch());

    let table = move || {
        Suspend::new(async move {
            match users.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(list) if list.items.is_empty() => view! { <EmptyState/> }.into_any(),
                Ok(list) => {
                    let page_count = list.page_count();
                    let rows = list
                        .items
                        .into_iter()
                        .map(|user| view! { <UserRow user=user on_changed=reload/> })
                        .collect_view();
                    view! {
                        <div class="table-wrap">
                            <table class="table" data-testid="users-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().full_name}</th>
                                        <th scope="col">{move || i18n.t().email}</th>
                                        <th scope="col">{move || i18n.t().roles}</th>
                                        <th scope="col">{move || i18n.t().status}</th>
                                        <th scope="col">{move || i18n.t().created}</th>
                                        <th scope="col">{move || i18n.t().actions}</th>
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
                <h1>{move || i18n.t().users_title}</h1>
                <Show when=move || !creating.get()>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="add-user"
                        on:click=move |_| creating.set(true)
                    >
                        {move || i18n.t().add_user}
                    </button>
                </Show>
            </div>
            {move || {
                match (creating.get(), organisation) {
                    (true, Some(organisation)) => Some(view! {
                        <UserCreateForm
                            organisation=organisation
                            on_created=reload
                            on_cancel=Callback::new(move |()| creating.set(false))
                        />
                    }),
                    _ => None,
                }
            }}
            <form
                class="filters"
                role="search"
                data-testid="user-filters"
                on:submit=move |event| {
                    event.prevent_default();
                    page.set(1);
                    query.set(search.get_untracked().trim().to_owned());
                }
            >
                <div class="field">
                    <label for="user-search">{move || i18n.t().search}</label>
                    <input
                        id="user-search"
                        type="search"
                        data-testid="user-search"
                        placeholder=move || i18n.t().search_users_hint
                        bind:value=search
                    />
                </div>
                <button type="submit" class="button" data-testid="user-search-submit">
                    {move || i18n.t().search_submit}
                </button>
                <div class="field">
                    <label for="user-role-filter">{move || i18n.t().roles}</label>
                    <select
                        id="user-role-filter"
                        data-testid="user-role-filter"
                        on:change=move |event| {
                            page.set(1);
                            role.set(Role::parse(&event_target_value(&event)));
                        }
                    >
                        <option value="" selected=move || role.get().is_none()>{move || i18n.t().filter_all}</option>
                        {Role::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option value=option.as_str() selected=move || role.get() == Some(option)>
                                        {move || i18n.t().role(option)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="user-status-filter">{move || i18n.t().status}</label>
                    <select
                        id="user-status-filter"
                        data-testid="user-status-filter"
                        on:change=move |event| {
                            page.set(1);
                            active.set(match event_target_value(&event).as_str() {
                                "active" => Some(true),
                                "inactive" => Some(false),
                                _ => None,
                            });
                        }
                    >
                        <option value="" selected=move || active.get().is_none()>{move || i18n.t().filter_all}</option>
                        <option value="active" selected=move || active.get() == Some(true)>
                            {move || i18n.t().filter_active}
                        </option>
                        <option value="inactive" selected=move || active.get() == Some(false)>
                            {move || i18n.t().filter_inactive}
                        </option>
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
