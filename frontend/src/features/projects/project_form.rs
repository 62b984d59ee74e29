//! Registering a project, or changing one.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::projects::directions_editor::{DirectionDraft, DirectionsEditor};
use crate::features::projects::problem_picker::ProblemPicker;
use crate::i18n::{self, Pick, use_i18n};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, organisations, school_accounts};
use crate::ui::select_field::SelectField;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::projects::{PlatformStatus, Project, ProjectInput, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::users::Role;
use openapi::{OrganisationId, UserId};

/// How many school years a project may span after its first one.
const MAX_SPAN: i32 = rules::limits::MAX_PROJECT_SPAN;
/// How far from the current school year the first year may be chosen.
const YEARS_AROUND: i32 = 10;

/// The project card as a form: title, problem, origin with the competition and the
/// customer (a committee), level with the platform status or the scientific supervisor
/// (an account of the school, or anyone by name with their affiliation), the directions
/// of work, the problems of the school's rankings it answers, school years and status. Fields that
/// do not apply are hidden and sent empty; the server's objections appear next to
/// each field.
#[component]
pub fn ProjectForm(
    /// The project to change; a new one is registered without it.
    #[prop(optional)]
    project: Option<Project>,
    /// Called with the saved project.
    on_saved: Callback<Project>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let id = project.as_ref().map(|project| (project.id, project.version));
    let notice = StaleNotice::get();
    let org = project
        .as_ref()
        .map(|project| project.org_id)
        .or_else(|| auth.with_me_untracked(|me| me.organisation.id))
        .unwrap_or(OrganisationId(0));
    let lists_accounts = auth
        .with_me_untracked(access::may_list_school_accounts)
        .unwrap_or(false);

    let current = project.as_ref();
    let title = RwSignal::new(current.map(|p| p.title.clone()).unwrap_or_default());
    let problem = RwSignal::new(current.map(|p| p.problem.clone()).unwrap_or_default());
    let origin = RwSignal::new(current.map_or(ProjectOrigin::OwnInitiative, |p| p.origin));
    let competition = RwSignal::new(current.and_then(|p| p.competition.clone()).unwrap_or_default());
    let customer = RwSignal::new(current.and_then(|p| p.customer_org_id));
    let level = RwSignal::new(current.map_or(ProjectLevel::Platform, |p| p.level));
    let platform_status = RwSignal::new(
        current
            .and_then(|p| p.platform_status)
            .unwrap_or(PlatformStatus::Municipal),
    );
    let supervisor = RwSignal::new(current.and_then(|p| p.supervisor_id));
    let affiliation = RwSignal::new(
        current
            .and_then(|p| p.supervisor_affiliation.clone())
            .unwrap_or_default(),
    );
    let directions = RwSignal::new(DirectionDraft::rows(
        current.map(|p| p.directions.as_slice()).unwrap_or_default(),
    ));
    let problem_ids = RwSignal::new(
        current
            .map(|p| p.problems.iter().map(|c| c.id).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    let cited = current.map(|p| p.problems.clone()).unwrap_or_default();
    let supervisor_name = RwSignal::new(
        current
            .filter(|p| p.supervisor_id.is_none())
            .and_then(|p| p.supervisor_name.clone())
            .unwrap_or_default(),
    );
    let first_year = current.map_or_else(i18n::current_school_year, |p| p.start_year);
    let start_year = RwSignal::new(Some(first_year));
    let end_year = RwSignal::new(Some(current.map_or(first_year + 2, |p| p.end_year)));
    let status = RwSignal::new(current.map_or(ProjectStatus::Draft, |p| p.status));

    // The customer is a committee; the supervisor an account of the school with that role
    // (listed for the administration) or the one already chosen.
    let committees = organisations(Some(OrganisationKind::Committee));
    let committee_options = Signal::derive(move || {
        committees
            .get()
            .into_iter()
            .map(|org| (org.id, org.name))
            .collect::<Vec<_>>()
    });
    let listed = school_accounts(org, Some(Role::Supervisor), lists_accounts);
    let chosen: Option<(UserId, String)> =
        current.and_then(|p| Some((p.supervisor_id?, p.supervisor_name.clone().unwrap_or_default())));
    let supervisor_options = Signal::derive(move || {
        let mut options = listed.get();
        if let Some((id, name)) = chosen.clone()
            && !options.iter().any(|(listed, _)| *listed == id)
        {
            options.push((id, name));
        }
        options
    });

    let start_options = Signal::derive(move || {
        let now = i18n::current_school_year();
        let mut years: Vec<i32> = (now - YEARS_AROUND..=now + YEARS_AROUND).collect();
        if !years.contains(&first_year) {
            years.push(first_year);
            years.sort_unstable();
        }
        years
            .into_iter()
            .map(|year| (year, i18n::school_year(year)))
            .collect::<Vec<_>>()
    });
    let end_options = Signal::derive(move || {
        let start = start_year.get().unwrap_or(first_year);
        (start..=start + MAX_SPAN)
            .map(|year| (year, i18n::school_year(year)))
            .collect::<Vec<_>>()
    });
    // A new first year keeps the last one within its range.
    Effect::new(move |_| {
        if let Some(start) = start_year.get() {
            let end = end_year.get_untracked().unwrap_or(start);
            end_year.set(Some(end.clamp(start, start + MAX_SPAN)));
        }
    });

    let save = Action::new_local(move |input: &ProjectInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some((id, version)) => {
                    let result = api::projects::update_project(id, version, &input).await;
                    notice.or_current(result, || api::projects::get_project(id)).await
                }
                None => api::projects::create_project(&input).await,
            };
            if let Ok(project) = &saved {
                on_saved.run(project.clone());
            }
            saved
        }
    });
    let error = failure(save);
    // A missing supervisor is reported next to the name while no account is chosen, else
    // next to the choice.
    let supervisor_error = server_message(error, "supervisor_id");
    let account_error = Signal::derive(move || supervisor_error.get().filter(|_| supervisor.with(Option::is_some)));
    let name_message = server_message(error, "supervisor_name");
    let name_error = Signal::derive(move || name_message.get().or_else(|| supervisor_error.get()));
    let submit_label: Pick = if id.is_some() { |t| t.save } else { |t| t.create };
    let competitive = move || origin.get() == ProjectOrigin::Competitive;
    let laboratory = move || level.get() == ProjectLevel::Laboratory;
    let submit = move || {
        let competitive = origin.get_untracked() == ProjectOrigin::Competitive;
        let laboratory = level.get_untracked() == ProjectLevel::Laboratory;
        let supervisor = supervisor.get_untracked().filter(|_| laboratory);
        let name = Some(trimmed(supervisor_name)).filter(|name| laboratory && supervisor.is_none() && !name.is_empty());
        ProjectInput {
            title: trimmed(title),
            problem: trimmed(problem),
            origin: origin.get_untracked(),
            competition: Some(trimmed(competition)).filter(|text| competitive && !text.is_empty()),
            customer_org_id: customer.get_untracked().filter(|_| competitive),
            level: level.get_untracked(),
            platform_status: (!laboratory).then(|| platform_status.get_untracked()),
            supervisor_id: supervisor,
            supervisor_affiliation: Some(trimmed(affiliation)).filter(|text| name.is_some() && !text.is_empty()),
            supervisor_name: name,
            directions: directions.with_untracked(|rows| DirectionDraft::texts(rows)),
            problem_ids: problem_ids.get_untracked(),
            start_year: start_year.get_untracked().unwrap_or(first_year),
            end_year: end_year.get_untracked().unwrap_or(first_year),
            status: Some(status.get_untracked()),
        }
    };

    view! {
        <form
            class="card form"
            data-testid="project-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(submit());
            }
        >
            <h2>{move || if id.is_some() { i18n.t().projects.edit_heading } else { i18n.t().projects.new }}</h2>
            <TextField
                id="project-title"
                label=|t| t.projects.title
                autocomplete="off"
                value=title
                error=server_message(error, "title")
            />
            <TextAreaField
                id="project-problem"
                label=|t| t.projects.problem
                value=problem
                error=server_message(error, "problem")
            />
            <div class="form-grid form-grid-fill">
                <SelectField id="project-origin" label=|t| t.projects.origin value=origin/>
                <Show when=competitive>
                    <TextField
                        id="project-competition"
                        label=|t| t.projects.competition
                        autocomplete="off"
                        value=competition
                        error=server_message(error, "competition")
                    />
                    <OptionSelect
                        id="project-customer"
                        label=|t| t.projects.customer
                        none=|t| t.projects.choose
                        options=committee_options
                        value=customer
                        error=server_message(error, "customer_org_id")
                    />
                </Show>
            </div>
            <div class="form-grid form-grid-fill">
                <SelectField id="project-level" label=|t| t.projects.level value=level/>
                <Show when=move || !laboratory()>
                    <SelectField
                        id="project-platform-status"
                        label=|t| t.projects.platform_status
                        value=platform_status
                        error=server_message(error, "platform_status")
                    />
                </Show>
                <Show when=move || laboratory() && !supervisor_options.with(Vec::is_empty)>
                    <OptionSelect
                        id="project-supervisor"
                        label=|t| t.projects.supervisor
                        none=|t| t.projects.supervisor_external
                        options=supervisor_options
                        value=supervisor
                        error=account_error
                    />
                </Show>
                <Show when=move || laboratory() && supervisor.with(Option::is_none)>
                    <TextField
                        id="project-supervisor-name"
                        label=|t| t.projects.supervisor_name
                        autocomplete="off"
                        hint=|t| t.projects.supervisor_name_hint
                        value=supervisor_name
                        error=name_error
                    />
                    <TextField
                        id="project-affiliation"
                        label=|t| t.launch.affiliation
                        autocomplete="off"
                        hint=|t| t.launch.affiliation_hint
                        value=affiliation
                        error=server_message(error, "supervisor_affiliation")
                    />
                </Show>
            </div>
            <DirectionsEditor rows=directions error=error/>
            <ProblemPicker org=org chosen=problem_ids cited=cited error=error/>
            <div class="form-grid form-grid-fill">
                <OptionSelect
                    id="project-start-year"
                    label=|t| t.projects.start_year
                    options=start_options
                    value=start_year
                    error=server_message(error, "start_year")
                />
                <OptionSelect
                    id="project-end-year"
                    label=|t| t.projects.end_year
                    options=end_options
                    value=end_year
                    error=server_message(error, "end_year")
                />
                <SelectField id="project-status" label=|t| t.status value=status error=server_message(error, "status")/>
            </div>
            <ErrorAlert error=error testid="project-form-error"/>
            <FormActions
                submit=submit_label
                pending=save.pending()
                submit_testid="project-submit"
                on_cancel=on_cancel
            />
        </form>
    }
}
