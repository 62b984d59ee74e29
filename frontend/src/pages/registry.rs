//! `/registry`: the committee's registry of schools: projects, resources, requests,
//! deliveries, satisfaction and the dissemination of a school year per school, filtered by
//! project level, platform status and activity, with a CSV export of the same selection.

use crate::api::{self, ApiError};
use crate::features::dissemination::dissemination_panel::school_year_options;
use crate::files;
use crate::i18n::{self, Pick, use_i18n};
use crate::ui::data_table::{DataTable, paging};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::filter_select::FilterSelect;
use crate::ui::option_select::OptionSelect;
use crate::ui::search_filters::SearchFilters;
use leptos::prelude::*;
use openapi::feedback::{RegistryFilter, RegistryItem};
use openapi::projects::{PlatformStatus, ProjectLevel};

/// The headings of the registry table.
const COLUMNS: &[Pick] = &[
    |t| t.catalogue.school,
    |t| t.registry.projects,
    |t| t.registry.resources,
    |t| t.registry.requests,
    |t| t.deliveries.deliveries,
    |t| t.deliveries.schools,
    |t| t.deliveries.responses,
    |t| t.deliveries.app_responses,
    |t| t.deliveries.link_responses,
    |t| t.feedback_links.respondents,
    |t| t.deliveries.csat,
    |t| t.deliveries.nps,
    |t| t.dissemination.pilots,
    |t| t.dissemination.trained_hours,
    |t| t.dissemination.consultations,
    |t| t.dissemination.events_attendees,
    |t| t.dissemination.schools_reached,
    |t| t.dissemination.fair_rating,
];

/// The schools with their figures, a search, the filters and «Выгрузить в CSV».
#[component]
pub fn RegistryPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let level = RwSignal::new(None::<ProjectLevel>);
    let platform_status = RwSignal::new(None::<PlatformStatus>);
    let active = RwSignal::new(None::<bool>);
    let current = i18n::current_school_year();
    let school_year = RwSignal::new(Some(current));
    let filter = move || RegistryFilter {
        q: query.get(),
        level: level.get(),
        platform_status: platform_status.get(),
        active: active.get(),
        school_year: school_year.get(),
    };
    let list = LocalResource::new(move || {
        let filter = filter();
        let paging = paging(page);
        async move { api::registry::list_registry(&filter, paging).await }
    });
    let export = Action::new_local(move |(): &()| {
        let filter = untrack(filter);
        async move {
            let bytes = api::registry::export_registry(&filter).await?;
            files::save("registry.csv", &bytes);
            Ok::<(), ApiError>(())
        }
    });
    let activity = Signal::derive(move || {
        let t = i18n.t();
        vec![
            (true, t.registry.with_active.to_owned()),
            (false, t.registry.without_active.to_owned()),
        ]
    });
    let first_page = Callback::new(move |()| page.set(1));
    let row = move |school: RegistryItem| {
        let rating = school
            .fair_rating
            .map_or_else(|| "—".to_owned(), |rating| format!("{rating:.2}"));
        let (csat, nps) = (school.csat_percent, school.nps);
        view! {
            <tr data-testid="registry-row">
                <td>{school.short_name}</td>
                <td>{format!("{} / {}", school.active_projects, school.projects)}</td>
                <td>{format!("{} / {}", school.published_resources, school.resources)}</td>
                <td>{school.requests_received}</td>
                <td>{school.deliveries}</td>
                <td>{school.adopting_schools}</td>
                <td data-testid="registry-responses">{school.responses}</td>
                <td data-testid="registry-app-responses">{school.app_responses}</td>
                <td data-testid="registry-link-responses">{school.link_responses}</td>
                <td data-testid="registry-respondents">{school.respondents}</td>
                <td class="nowrap">{move || i18n.t().deliveries.figure(csat, " %")}</td>
                <td class="nowrap">{move || i18n.t().deliveries.figure(nps, "")}</td>
                <td data-testid="registry-pilots">{school.pilots}</td>
                <td data-testid="registry-trained">{format!("{} / {}", school.teachers_trained, school.training_hours)}</td>
                <td data-testid="registry-consultations">{school.consultations}</td>
                <td data-testid="registry-events">{format!("{} / {}", school.events, school.attendees)}</td>
                <td data-testid="registry-reached">{school.schools_reached}</td>
                <td data-testid="registry-fair-rating">{rating}</td>
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
                <FilterSelect id="registry-level-filter" label=|t| t.projects.level value=level page=page/>
                <FilterSelect
                    id="registry-status-filter"
                    label=|t| t.projects.platform_status
                    value=platform_status
                    page=page
                />
                <OptionSelect
                    id="registry-year-filter"
                    label=|t| t.dissemination.school_year
                    options=Signal::stored(school_year_options(current))
                    value=school_year
                    on_change=first_page
                />
                <OptionSelect
                    id="registry-active-filter"
                    label=|t| t.registry.active
                    none=|t| t.filter_all
                    options=activity
                    value=active
                    on_change=first_page
                />
            </SearchFilters>
            <DataTable list=list page=page headers=COLUMNS testid="registry-table" row=row/>
        </section>
    }
}
