//! The card of one educational resource.

use crate::api;
use crate::features::lifecycle::stage_badge::StageBadge;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::resources::{KitItem, Resource};

/// Every field of the resource in Russian: school and project, form with its details,
/// stage, visibility, licence, description, the authors with their shares and the
/// products of a kit.
#[component]
pub fn ResourceCard(
    /// The resource.
    resource: Resource,
) -> impl IntoView {
    let i18n = use_i18n();
    let Resource {
        project_id,
        org_short_name,
        description,
        form,
        element,
        hours,
        programme_format,
        kit_items,
        authors,
        licence,
        visibility,
        stage,
        created_at,
        updated_at,
        ..
    } = resource;
    // The project's title, when the user may read the project (a partner reading a
    // published resource may not).
    let project = LocalResource::new(move || async move { api::projects::get_project(project_id).await.ok() });
    let project_link = move || {
        project.get().flatten().map(|project| {
            view! {
                <dt>{move || i18n.t().resources.project}</dt>
                <dd>
                    <A href=format!("/projects/{project_id}") {..} data-testid="resource-project-link">
                        {project.title}
                    </A>
                </dd>
            }
        })
    };
    let element = element.map(|element| {
        view! {
            <dt>{move || i18n.t().resources.element}</dt>
            <dd data-testid="resource-element-value">{move || i18n.t().resources.element(element)}</dd>
        }
    });
    let hours = hours.map(|hours| {
        view! {
            <dt>{move || i18n.t().resources.hours}</dt>
            <dd data-testid="resource-hours-value">{hours}</dd>
        }
    });
    let programme_format = programme_format.map(|format| {
        view! {
            <dt>{move || i18n.t().resources.programme_format}</dt>
            <dd>{move || i18n.t().resources.programme_format(format)}</dd>
        }
    });
    let description = (!description.is_empty()).then(|| {
        view! {
            <dt>{move || i18n.t().resources.description}</dt>
            <dd class="prose">{description}</dd>
        }
    });
    let authors = authors
        .into_iter()
        .map(|author| {
            view! {
                <li data-testid="resource-author">
                    <span>{author.name}</span>
                    <span class="share">{format!("{} %", author.share)}</span>
                </li>
            }
        })
        .collect_view();
    let kit = (!kit_items.is_empty()).then(|| {
        let items = kit_items
            .into_iter()
            .map(|KitItem { item_type, title }| {
                view! {
                    <li data-testid="resource-kit-item">
                        <span class="muted">{move || i18n.t().resources.kit_item_type(item_type)} ": "</span>
                        {title}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card-part">
                <h2>{move || i18n.t().resources.kit_items}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    });

    view! {
        <article class="card" data-testid="resource-card">
            <dl class="facts">
                <dt>{move || i18n.t().projects.school}</dt>
                <dd data-testid="resource-school">{org_short_name}</dd>
                {project_link}
                <dt>{move || i18n.t().resources.form}</dt>
                <dd data-testid="resource-form-value">{move || i18n.t().resources.form(form)}</dd>
                {element}
                {hours}
                {programme_format}
                <dt>{move || i18n.t().resources.stage}</dt>
                <dd><StageBadge stage=stage/></dd>
                <dt>{move || i18n.t().resources.visibility}</dt>
                <dd data-testid="resource-visibility-value">{move || i18n.t().resources.visibility(visibility)}</dd>
                <dt>{move || i18n.t().resources.licence}</dt>
                <dd data-testid="resource-licence-value">{licence}</dd>
                {description}
                <dt>{move || i18n.t().projects.registered}</dt>
                <dd>{move || i18n.t().date(&created_at)}</dd>
                <dt>{move || i18n.t().projects.updated}</dt>
                <dd>{move || i18n.t().date(&updated_at)}</dd>
            </dl>
            <section class="card-part">
                <h2>{move || i18n.t().resources.authors}</h2>
                <ul class="author-list" data-testid="resource-authors-list">{authors}</ul>
            </section>
            {kit}
        </article>
    }
}
