//! `/projects`: the innovation projects of the user's school, or of every school for the
//! committee.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::projects::project_form::ProjectForm;
use crate::i18n::{self, Pick, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::data_table::{DataTable, paging};
use crate::ui::filter_select::FilterSelect;
use crate::ui::option_select::{OptionSelect, organisations};
use crate::ui::search_filters::SearchFilters;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use openapi::organisations::OrganisationKind;
use openapi::projects::{Project, ProjectFilter, ProjectLevel, ProjectStatus};

/// The headings of the project table.
const COLUMNS: &[Pick] = &[
    |t| t.projects.title,
    |t| t.projects.school,
    |t| t.projects.level,
    |t| t.projects.school_years,
    |t| t.status,
];

/// How many school years back and ahead the school-year filter offers.
const FILTER_YEARS: i32 = 5;

/// The paginated table of projects with search and filters by status, level and school
/// year (and by school for the committee); the school's administration and council also
/// get «Добавить проект», which opens the new project's page once registered.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let navigate = use_navigate();
    let may_create = Memo::new(move |_| auth.with_me(access::may_create_projects).unwrap_or(false));
    let every_school = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<ProjectStatus>);
    let level = RwSignal::new(None::<ProjectLevel>);
    let school_year = RwSignal::new(None::<i32>);
    let school = RwSignal::new(None);
    let creating = RwSignal::new(false);

    let projects = LocalResource::new(move || {
        let filter = ProjectFilter {
            q: query.get(),
            org_id: school.get(),
            status: status.get(),
            level: level.get(),
            school_year: school_year.get(),
        };
        let paging = paging(page);
        async move { api::projects::list_projects(&filter, paging).await }
    });
    let years = Signal::derive(move || {
        let now = i18n::current_school_year();
        (now - FILTER_YEARS..=now + FILTER_YEARS)
            .rev()
            .map(|year| (year, i18n::school_year(year)))
            .collect::<Vec<_>>()
    });
    let first_page = Callback::new(move |()| page.set(1));
    let school_filter = every_school.then(|| {
        let schools = organisations(Some(OrganisationKind::School));
        let options = Signal::derive(move || {
            schools
                .get()
                .into_iter()
                .map(|org| (org.id, org.short_name))
                .collect::<Vec<_>>()
        });
        view! {
            <OptionSelect
                id="project-school-filter"
                label=|t| t.projects.school
                none=|t| t.projects.school_filter_all
                options=options
                value=school
                on_change=first_page
            />
        }
    });
    let created =
        Callback::new(move |project: Project| navigate(&format!("/projects/{}", project.id), Default::default()));
    let row = move |project: Project| {
        let Project {
            id,
            org_short_name,
            title,
            level,
            platform_status,
            start_year,
            end_year,
            status,
            ..
        } = project;
        view! {
            <tr data-testid="project-row" data-project-id=id.to_string()>
                <td>
                    <A href=format!("/projects/{id}") {..} data-testid="project-link">{title}</A>
                </td>
                <td class="nowrap">{org_short_name}</td>
                <td>{move || i18n.t().projects.level_with_status(level, platform_status)}</td>
                <td class="nowrap">{i18n::school_years(start_year, end_year)}</td>
                <td>
                    <span class="badge badge-status" data-status=status.as_str()>
                        {move || i18n.t().projects.status(status)}
                    </span>
                </td>
            </tr>
        }
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t().projects.heading}</h1>
                <AddButton label=|t| t.projects.add testid="add-project" open=creating allowed=may_create/>
            </div>
            <Show when=move || may_create.get() && creating.get()>
                <ProjectForm on_saved=created on_cancel=Callback::new(move |()| creating.set(false))/>
            </Show>
            <SearchFilters
                id="project-search"
                placeholder=|t| t.projects.search_hint
                query=query
                page=page
                testid="project-filters"
                submit_testid="project-search-submit"
            >
                <FilterSelect id="project-status-filter" label=|t| t.status value=status page=page/>
                <FilterSelect id="project-level-filter" label=|t| t.projects.level value=level page=page/>
                <OptionSelect
                    id="project-year-filter"
                    label=|t| t.projects.school_year
                    none=|t| t.filter_all
                    options=years
                    value=school_year
                    on_change=first_page
                />
                {school_filter}
            </SearchFilters>
            <DataTable list=projects page=page headers=COLUMNS testid="projects-table" row=row/>
        </section>
    }
}
