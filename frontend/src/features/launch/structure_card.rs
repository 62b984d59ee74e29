//! One managing structure: members, status, approval history and its actions.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::launch::structure_form::StructureForm;
use crate::i18n::use_i18n;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::stale_notice::StaleNotice;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::structures::{Structure, StructureMember, StructureStatus};

/// The structure's kind, name and status badge, its members with function and
/// competence, «Изменить состав» for the administration and council, «Утвердить состав»
/// for the director (after a confirmation) and the approvals, the latest first.
#[component]
pub fn StructureCard(
    /// The structure.
    structure: Structure,
    /// Its school.
    org: OrganisationId,
    /// Called with the structure after a change or an approval.
    on_changed: Callback<Structure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_manage = auth
        .with_me_untracked(|me| access::may_manage_project(me, org))
        .unwrap_or(false);
    let director = auth
        .with_me_untracked(|me| access::is_director_of(me, org))
        .unwrap_or(false);
    let editing = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let id = structure.id;
    let status = structure.status;
    let version = structure.version;
    let project = structure.project_id;
    let notice = StaleNotice::get();
    // The director approves the composition shown: its version names it.
    let approve = Action::new_local(move |(): &()| async move {
        let approved = api::structures::approve_structure(id, version).await;
        let approved = notice
            .or_current(approved, || api::structures::find_structure(project, id))
            .await;
        if let Ok(structure) = &approved {
            on_changed.run(structure.clone());
        }
        approved
    });
    let name = structure.name.clone();
    let kind = structure.kind;
    let members = structure.members.clone();
    let history = if structure.approvals.is_empty() {
        view! { <p class="muted">{move || i18n.t().launch.approvals_none}</p> }.into_any()
    } else {
        structure
            .approvals
            .iter()
            .map(|approval| {
                let (number, approved_at) = (approval.number, approval.approved_at);
                let approved_by = approval.approved_by_name.clone().unwrap_or_default();
                let line = move || format!("№ {number} · {} · {approved_by}", i18n.t().date(&approved_at));
                let names = approval
                    .members
                    .iter()
                    .map(|member| member.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li data-testid="structure-approval">
                        <strong>{line}</strong> <br/> <span class="muted">{names}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let subject = structure.name.clone();
    let editable = structure.clone();

    view! {
        <article class="card block" data-testid="structure" data-structure-id=id.to_string()>
            <div class="section-head">
                <h3>
                    <span class="muted">{move || i18n.t().launch.structure_kind(kind)} ": "</span>
                    <span data-testid="structure-name">{name}</span>
                </h3>
                <span class="badge badge-status" data-status=status.as_str() data-testid="structure-status">
                    {move || i18n.t().launch.structure_status(status)}
                </span>
            </div>
            <Show
                when=move || editing.get()
                fallback=move || member_table(members.clone())
            >
                <StructureForm
                    project=editable.project_id
                    org=org
                    structure=editable.clone()
                    on_saved=Callback::new(move |saved: Structure| {
                        editing.set(false);
                        on_changed.run(saved);
                    })
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
            <div class="form-actions">
                <Show when=move || may_manage && !editing.get()>
                    <button type="button" class="button" data-testid="edit-structure" on:click=move |_| editing.set(true)>
                        {move || i18n.t().launch.change_composition}
                    </button>
                </Show>
                <Show when=move || director && status != StructureStatus::Approved>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="approve-structure"
                        on:click=move |_| asking.set(true)
                    >
                        {move || i18n.t().launch.approve_structure}
                    </button>
                </Show>
            </div>
            <ErrorAlert error=failure(approve)/>
            <h4>{move || i18n.t().launch.approvals_history}</h4>
            <ul class="plain-list">{history}</ul>
            <Show when=move || asking.get()>
                <ConfirmDialog
                    title=|t| t.launch.approve_title
                    text=|t| t.launch.approve_text
                    subject=subject.clone()
                    confirm=|t| t.launch.approve_structure
                    on_confirm=Callback::new(move |()| {
                        asking.set(false);
                        approve.dispatch(());
                    })
                    on_cancel=Callback::new(move |()| asking.set(false))
                />
            </Show>
        </article>
    }
}

/// The members as a table: name, function, competence.
fn member_table(members: Vec<StructureMember>) -> AnyView {
    let i18n = use_i18n();
    let rows = members
        .into_iter()
        .map(|member| {
            let function = member.function;
            view! {
                <tr data-testid="structure-member">
                    <td>{member.name}</td>
                    <td>{move || i18n.t().launch.function(function)}</td>
                    <td>{member.competence}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().launch.member}</th>
                        <th scope="col">{move || i18n.t().launch.function}</th>
                        <th scope="col">{move || i18n.t().launch.competence}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
