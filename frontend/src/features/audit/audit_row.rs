//! One recorded change in a table of the change log.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::audit::AuditEntry;

/// The row: when, who (the platform itself when nobody), optionally the school and the
/// record (its kind, its title, and a link when it is a project or a resource), and the
/// action, all in the language in use.
#[component]
pub fn AuditRow(
    /// The change.
    entry: AuditEntry,
    /// The school's name, when the table has a school column.
    #[prop(optional, into)]
    school: Option<Signal<String>>,
    /// Whether the table has a record column (not in one record's own history).
    #[prop(default = true)]
    record: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let at = entry.at;
    let actor = entry.actor_name.clone();
    let actor = move || actor.clone().unwrap_or_else(|| i18n.t().audit.system.to_owned());
    let school = school.map(|school| view! { <td>{move || school.get()}</td> });
    let record = record.then(|| record_cell(&entry));
    let action = entry.action.clone();
    let action = move || {
        i18n.t()
            .audit
            .action(&action)
            .map_or_else(|| action.clone(), str::to_owned)
    };

    view! {
        <tr data-testid="audit-row" data-entity=entry.entity.clone() data-entity-id=entry.entity_id.to_string()>
            <td class="nowrap">{move || i18n.t().date_time(&at)}</td>
            <td data-testid="audit-actor">{actor}</td>
            {school}
            {record}
            <td data-testid="audit-action">{action}</td>
        </tr>
    }
}

/// The record's kind, its title as recorded, and a link to it when it has a page.
fn record_cell(entry: &AuditEntry) -> AnyView {
    let i18n = use_i18n();
    let entity = entry.entity.clone();
    let kind = move || {
        i18n.t()
            .audit
            .entity(&entity)
            .map_or_else(|| entity.clone(), str::to_owned)
    };
    let label = record_label(entry).unwrap_or_else(|| format!("№ {}", entry.entity_id));
    let href = match entry.entity.as_str() {
        "project" => Some(format!("/projects/{}", entry.entity_id)),
        "resource" => Some(format!("/resources/{}", entry.entity_id)),
        _ => None,
    };
    let name = match href {
        Some(href) => view! { <A href=href.to_string() {..} data-testid="audit-record-link">{label}</A> }.into_any(),
        None => view! { <span>{label}</span> }.into_any(),
    };
    view! {
        <td data-testid="audit-record">
            <span class="muted">{kind}</span>
            <br/>
            {name}
        </td>
    }
    .into_any()
}

/// The record's title (or name) as it was written after the change, or before it.
fn record_label(entry: &AuditEntry) -> Option<String> {
    let state = entry.after.as_ref().or(entry.before.as_ref())?;
    ["title", "full_name", "short_name", "name"]
        .into_iter()
        .find_map(|key| state.get(key)?.as_str().map(str::to_owned))
}
