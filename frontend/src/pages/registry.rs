//! `/registry`: the committee's registry of schools: projects, resources, requests,
//! deliveries and satisfaction per school, with a CSV export.

use crate::api::{self, ApiError};
use crate::components::data_table::{DataTable, paging};
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::search_filters::SearchFilters;
use crate::files;
use crate::i18n::{Pick, use_i18n};
use leptos::prelude::*;
use openapi::feedback::{RegistryFilter, RegistrySchool};

/// The headings of the registry table.
const COLUMNS: &[Pick] = &[
    |t| t.catalogue.school,
    |t| t.registry.projects,
    |t| t.registry.resources,
    |t| t.registry.requests,
    |t| t.deliveries.deliveries,
    |t| t.deliveries.schools,
    |t| t.deliveries.csat,
    |t| t.deliveries.nps,
];

/// The schools with their figures, a search and «Выгрузить в CSV».
#[component]
pub fn RegistryPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let list = LocalResource::new(move || {
        let filter = RegistryFilter {
            q: query.get(),
            ..RegistryFilter::default()
        };
        let paging = paging(page);
        async move { api::registry::list_registry(&filter, paging).await }
    });
    let export = Action::new_local(move |(): &()| {
        let filter = RegistryFilter {
            q: query.get_untracked(),
            ..RegistryFilter::default()
        };
        async move {
            let bytes = api::registry::export_registry(&filter).await?;
            files::save("registry.csv", &bytes);
            Ok::<(), ApiError>(())
        }
    });
    let row = move |school: RegistrySchool| {
        let metrics = school.metrics;
        view! {
            <tr data-testid="registry-row">
                <td>{school.organisation.short_name}</td>
                <td>{format!("{} / {}", school.active_projects, school.projects)}</td>
                <td>{format!("{} / {}", school.published_resources, school.resources)}</td>
                <td>{school.requests_received}</td>
                <td>{metrics.deliveries}</td>
                <td>{metrics.adopting_schools}</td>
                <td class="nowrap">{move || i18n.t().deliveries.figure(metrics.csat_percent, " %")}</td>
                <td class="nowrap">{move || i18n.t().deliveries.figure(metrics.nps, "")}</td>
            </tr>
        }
    };
    view! {
        <section class="page" data-testid="registry-page">
            <div class="page-head">
                <h1>{move || i18n.t().registry.heading}</h1>
                <button
                    type="button"
                    class="button"
                    data-testid="registry-export"
                    disabled=move || export.pending().get()
                    on:click=move |_| {
                        export.dispatch(());
                    }
                >
                    {move || i18n.t().registry.export}
                </button>
            </div>
            <ErrorAlert error=failure(export)/>
            <SearchFilters
                id="registry-search"
                placeholder=|t| t.registry.search_hint
                query=query
                page=page
                testid="registry-filters"
                submit_testid="registry-search-submit"
            >
                <span></span>
            </SearchFilters>
            <DataTable list=list page=page headers=COLUMNS testid="registry-table" row=row/>
        </section>
    }
}
