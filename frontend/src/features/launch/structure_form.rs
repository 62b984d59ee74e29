//! Forming a managing structure, or changing its composition.

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::{FieldError, server_message, server_message_for};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, school_accounts};
use crate::ui::select_field::SelectField;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use openapi::structures::{MemberFunction, MemberInput, Structure, StructureInput, StructureKind};
use openapi::{OrganisationId, ProjectId, UserId};

/// One member row of the form.
#[derive(Debug, Clone, Copy)]
struct MemberDraft {
    key: u32,
    user: RwSignal<Option<UserId>>,
    function: RwSignal<MemberFunction>,
    competence: RwSignal<String>,
}

/// Kind, name and the members (an account of the school, a function and what they are
/// responsible for). The school's administration chooses among all its accounts; the
/// council, who may not list them, among the council members and the current members.
#[component]
pub fn StructureForm(
    /// The project.
    project: ProjectId,
    /// Its school.
    org: OrganisationId,
    /// The structure to change; a new one is formed without it.
    #[prop(optional)]
    structure: Option<Structure>,
    /// Called with the saved structure.
    on_saved: Callback<Structure>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let lists_accounts = auth
        .with_me_untracked(access::may_list_school_accounts)
        .unwrap_or(false);
    let me = auth.with_me_untracked(|me| (me.id, me.full_name.clone()));
    let id = structure.as_ref().map(|s| (s.id, s.version));
    let notice = StaleNotice::get();
    let kind = RwSignal::new(structure.as_ref().map_or(StructureKind::CreativeGroup, |s| s.kind));
    let name = RwSignal::new(structure.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let current: Vec<(UserId, String)> = structure
        .as_ref()
        .map(|s| s.members.iter().map(|m| (m.user_id, m.name.clone())).collect())
        .unwrap_or_default();
    let first_rows: Vec<MemberDraft> = match &structure {
        Some(s) => s
            .members
            .iter()
            .zip(0..)
            .map(|(m, key)| MemberDraft {
                key,
                user: RwSignal::new(Some(m.user_id)),
                function: RwSignal::new(m.function),
                competence: RwSignal::new(m.competence.clone()),
            })
            .collect(),
        None => vec![MemberDraft {
            key: 0,
            user: RwSignal::new(None),
            function: RwSignal::new(MemberFunction::Head),
            competence: RwSignal::new(String::new()),
        }],
    };
    let rows = RwSignal::new(first_rows);

    // Everyone the user may choose: the school's accounts for the administration; for the
    // council the council members known from the rankings, themselves and the current members.
    let listed = school_accounts(org, None, lists_accounts);
    let council = LocalResource::new(move || async move {
        if lists_accounts {
            return Vec::new();
        }
        let mut found = Vec::new();
        if let Ok(rounds) = api::ranking::list_rounds(Some(org), None).await {
            for round in rounds {
                if let Ok(ranking) = api::ranking::get_ranking(round.id).await {
                    found.extend(ranking.council.into_iter().map(|member| (member.id, member.name)));
                }
            }
        }
        found
    });
    let accounts = Signal::derive(move || {
        let mut options = listed.get();
        options.extend(council.get().unwrap_or_default());
        if !lists_accounts && let Some(me) = me.clone() {
            options.push(me);
        }
        options.extend(current.iter().cloned());
        let mut seen = Vec::new();
        options.retain(|(id, _)| {
            let fresh = !seen.contains(id);
            seen.push(*id);
            fresh
        });
        options
    });

    let save = Action::new_local(move |input: &StructureInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some((id, version)) => {
                    let result = api::structures::update_structure(id, version, &input).await;
                    notice
                        .or_current(result, || api::structures::find_structure(project, id))
                        .await
                }
                None => api::structures::create_structure(project, &input).await,
            };
            if let Ok(structure) = &saved {
                on_saved.run(structure.clone());
            }
            saved
        }
    });
    let error: Signal<Option<ApiError>> = failure(save);
    let add = move |_| {
        rows.update(|rows| {
            let key = rows.iter().map(|row| row.key).max().map_or(0, |key| key + 1);
            rows.push(MemberDraft {
                key,
                user: RwSignal::new(None),
                function: RwSignal::new(MemberFunction::Member),
                competence: RwSignal::new(String::new()),
            });
        });
    };
    let row = move |row: MemberDraft| {
        let key = row.key;
        let index = move || rows.with(|rows| rows.iter().position(|other| other.key == key).unwrap_or(usize::MAX));
        let field = move |name: &'static str| move || format!("members[{}].{name}", index());
        view! {
            <div class="row-editor" data-testid="member-row">
                <OptionSelect
                    id=format!("member-{key}-account")
                    label=|t| t.launch.member
                    none=|t| t.projects.choose
                    options=accounts
                    value=row.user
                    error=server_message_for(error, field("user_id"))
                    testid=false
                />
                <SelectField
                    id=format!("member-{key}-function")
                    label=|t| t.launch.function
                    value=row.function
                    error=server_message_for(error, field("function"))
                    testid=false
                />
                <TextField
                    id=format!("member-{key}-competence")
                    label=|t| t.launch.competence
                    autocomplete="off"
                    testid=false
                    value=row.competence
                    error=server_message_for(error, field("competence"))
                />
                <button
                    type="button"
                    class="button button-small row-editor-remove"
                    data-testid="remove-member"
                    on:click=move |_| rows.update(|rows| rows.retain(|other| other.key != key))
                >
                    {move || i18n.t().launch.remove}
                </button>
            </div>
        }
    };
    let submit = move || StructureInput {
        kind: kind.get_untracked(),
        name: trimmed(name),
        members: rows.with_untracked(|rows| {
            rows.iter()
                .map(|row| MemberInput {
                    user_id: row.user.get_untracked().unwrap_or(UserId(0)),
                    function: row.function.get_untracked(),
                    competence: row.competence.get_untracked().trim().to_owned(),
                })
                .collect()
        }),
    };

    view! {
        <form
            class="card form"
            data-testid="structure-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save.dispatch(submit());
            }
        >
            <h3>{move || if id.is_some() { i18n.t().launch.structure_edit } else { i18n.t().launch.structure_new }}</h3>
            <div class="form-grid">
                <SelectField id="structure-kind" label=|t| t.launch.structure_kind value=kind/>
                <TextField
                    id="structure-name"
                    label=|t| t.launch.structure_name
                    autocomplete="off"
                    value=name
                    error=server_message(error, "name")
                />
            </div>
            <fieldset class="row-editors" data-testid="structure-members">
                <legend>{move || i18n.t().launch.members}</legend>
                <Show when=move || !lists_accounts>
                    <p class="hint" data-testid="accounts-limited">{move || i18n.t().launch.accounts_limited}</p>
                </Show>
                <For each=move || rows.get() key=|row| row.key children=row/>
                <div class="row-editors-foot">
                    <button type="button" class="button button-small" data-testid="add-member" on:click=add>
                        {move || i18n.t().launch.add_member}
                    </button>
                </div>
                <FieldError id="structure-members-error" message=server_message(error, "members")/>
            </fieldset>
            <ErrorAlert error=error testid="structure-form-error"/>
            <FormActions
                submit=|t| t.save
                pending=save.pending()
                submit_testid="structure-submit"
                on_cancel=on_cancel
            />
        </form>
    }
}
