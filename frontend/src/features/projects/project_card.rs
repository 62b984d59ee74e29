//! The card of one project.

use crate::i18n::{self, use_i18n};
use crate::ui::option_select::organisations;
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::projects::Project;

/// Every field of the project in Russian: school, problem, origin with the competition
/// and the customer, level with the platform status or the supervisor, school years,
/// status, and when it was registered and last changed.
#[component]
pub fn ProjectCard(
    /// The project.
    project: Project,
) -> impl IntoView {
    let i18n = use_i18n();
    let Project {
        org_short_name,
        problem,
        origin,
        competition,
        customer_org_id,
        level,
        platform_status,
        supervisor_name,
        supervisor_affiliation,
        directions,
        problems,
        start_year,
        end_year,
        status,
        created_at,
        updated_at,
        ..
    } = project;

    let competition = competition.map(|competition| {
        view! {
            <dt>{move || i18n.t().projects.competition}</dt>
            <dd data-testid="project-competition-value">{competition}</dd>
        }
    });
    let customer = customer_org_id.map(|customer| {
        let committees = organisations(Some(OrganisationKind::Committee));
        let name = move || {
            committees.with(|list| {
                list.iter()
                    .find(|org| org.id == customer)
                    .map(|org| org.name.clone())
                    .unwrap_or_default()
            })
        };
        view! {
            <dt>{move || i18n.t().projects.customer}</dt>
            <dd data-testid="project-customer-value">{name}</dd>
        }
    });
    let supervisor = supervisor_name.map(|name| {
        view! {
            <dt>{move || i18n.t().projects.supervisor}</dt>
            <dd data-testid="project-supervisor-value">{name}</dd>
        }
    });

    let affiliation = supervisor_affiliation.map(|affiliation| {
        view! {
            <dt>{move || i18n.t().launch.affiliation}</dt>
            <dd data-testid="project-affiliation-value">{affiliation}</dd>
        }
    });
    let directions = if directions.is_empty() {
        view! { <span class="muted">{move || i18n.t().launch.none}</span> }.into_any()
    } else {
        let items = directions
            .into_iter()
            .map(|direction| view! { <li>{direction}</li> })
            .collect_view();
        view! { <ol class="plain-list">{items}</ol> }.into_any()
    };
    let problems = if problems.is_empty() {
        view! { <span class="muted">{move || i18n.t().launch.none}</span> }.into_any()
    } else {
        let items = problems
            .into_iter()
            .map(|problem| {
                let frozen = problem.ranking_frozen;
                view! {
                    <li data-testid="cited-problem">
                        {problem.title} " "
                        <span class="muted">
                            "(" {i18n::school_year(problem.school_year)} ", "
                            {move || if frozen { i18n.t().launch.ranking_frozen } else { i18n.t().launch.ranking_open }}
                            ")"
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="plain-list">{items}</ul> }.into_any()
    };

    view! {
        <article class="card" data-testid="project-card">
            <dl class="facts">
                <dt>{move || i18n.t().projects.school}</dt>
                <dd data-testid="project-school">{org_short_name}</dd>
                <dt>{move || i18n.t().projects.problem}</dt>
                <dd class="prose" data-testid="project-problem-value">{problem}</dd>
                <dt>{move || i18n.t().projects.origin}</dt>
                <dd data-testid="project-origin-value">{move || i18n.t().projects.origin(origin)}</dd>
                {competition}
                {customer}
                <dt>{move || i18n.t().projects.level}</dt>
                <dd data-testid="project-level-value">
                    {move || i18n.t().projects.level_with_status(level, platform_status)}
                </dd>
                {supervisor}
                {affiliation}
                <dt>{move || i18n.t().launch.directions}</dt>
                <dd data-testid="project-directions">{directions}</dd>
                <dt>{move || i18n.t().launch.cited_problems}</dt>
                <dd data-testid="project-problems">{problems}</dd>
                <dt>{move || i18n.t().projects.school_years}</dt>
                <dd data-testid="project-years">{i18n::school_years(start_year, end_year)}</dd>
                <dt>{move || i18n.t().status}</dt>
                <dd>
                    <span class="badge badge-status" data-status=status.as_str() data-testid="project-status">
                        {move || i18n.t().projects.status(status)}
                    </span>
                </dd>
                <dt>{move || i18n.t().projects.registered}</dt>
                <dd>{move || i18n.t().date(&created_at)}</dd>
                <dt>{move || i18n.t().projects.updated}</dt>
                <dd>{move || i18n.t().date(&updated_at)}</dd>
            </dl>
        </article>
    }
}
