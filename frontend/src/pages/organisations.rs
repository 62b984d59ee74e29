//! `/organisations`: the schools and the committee of the municipality.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::accounts::organisation_form::OrganisationForm;
use crate::i18n::{Pick, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::data_table::{DataTable, paging};
use crate::ui::filter_select::FilterSelect;
use crate::ui::search_filters::SearchFilters;
use leptos::prelude::*;
use openapi::organisations::{Organisation, OrganisationFilter, OrganisationKind};

/// The headings of the organisation table.
const COLUMNS: &[Pick] = &[
    |t| t.organisation_name,
    |t| t.short_name,
    |t| t.kind,
    |t| t.municipality,
    |t| t.created,
];

/// The paginated list with search and a kind filter; platform administrators also get
/// the «Добавить организацию» form.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_create = Memo::new(move |_| auth.with_me(access::may_create_organisations).unwrap_or(false));
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let kind = RwSignal::new(None::<OrganisationKind>);
    let creating = RwSignal::new(false);

    let organisations = LocalResource::new(move || {
        let filter = OrganisationFilter {
            q: query.get(),
            kind: kind.get(),
        };
        let paging = paging(page);
        async move { api::organisations::list_organisations(&filter, paging).await }
    });
    let reload = Callback::new(move |()| organisations.refetch());
    let row = move |organisation: Organisation| {
        let created = organisation.created_at;
        let kind = organisation.kind;
        view! {
            <tr data-testid="organisation-row">
                <td>{organisation.name}</td>
                <td>{organisation.short_name}</td>
                <td>{move || i18n.t().kind(kind)}</td>
                <td>{organisation.municipality}</td>
                <td>{move || i18n.t().date(&created)}</td>
            </tr>
        }
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t().organisations_title}</h1>
                <AddButton label=|t| t.add_organisation testid="add-organisation" open=creating allowed=may_create/>
            </div>
            <Show when=move || may_create.get() && creating.get()>
                <OrganisationForm on_created=reload on_cancel=Callback::new(move |()| creating.set(false))/>
            </Show>
            <SearchFilters
                id="organisation-search"
                placeholder=|t| t.search_organisations_hint
                query=query
                page=page
            >
                <FilterSelect id="organisation-kind-filter" label=|t| t.kind value=kind page=page/>
            </SearchFilters>
            <DataTable list=organisations page=page headers=COLUMNS testid="organisations-table" row=row/>
        </section>
    }
}
