//! Planning an item of the work plan, or changing one.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::{self, use_i18n};
use crate::ui::date_field::{DateField, parse_date};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, school_accounts};
use crate::ui::select_field::SelectField;
use crate::ui::stale_notice::StaleNotice;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::plan::{PlanItem, PlanItemInput, PlanStatus};
use openapi::projects::Project;

/// School year, action, the responsible person (an account for the administration, or
/// a name), deadline, expected result, status, and once done the evidence and the date.
#[component]
pub fn PlanItemForm(
    /// The project.
    project: Project,
    /// The school year a new item starts in.
    year: i32,
    /// The item to change.
    #[prop(optional)]
    item: Option<PlanItem>,
    /// Called with the saved item.
    on_saved: Callback<PlanItem>,
    /// Called when the user closes the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let lists = auth
        .with_me_untracked(access::may_list_school_accounts)
        .unwrap_or(false);
    let id = item.as_ref().map(|item| (item.id, item.version));
    let notice = StaleNotice::get();
    let project_id = project.id;
    let (first, last) = (project.start_year, project.end_year);
    let school_year = RwSignal::new(Some(item.as_ref().map_or(year, |item| item.school_year)));
    let action = RwSignal::new(item.as_ref().map(|i| i.action.clone()).unwrap_or_default());
    let responsible = RwSignal::new(item.as_ref().and_then(|i| i.responsible_id));
    let responsible_name = RwSignal::new(
        item.as_ref()
            .filter(|i| i.responsible_id.is_none())
            .map(|i| i.responsible_name.clone())
            .unwrap_or_default(),
    );
    let deadline = RwSignal::new(
        item.as_ref()
            .map(|i| i.deadline.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let expected = RwSignal::new(item.as_ref().map(|i| i.expected_result.clone()).unwrap_or_default());
    let status = RwSignal::new(item.as_ref().map_or(PlanStatus::Planned, |i| i.status));
    let evidence = RwSignal::new(item.as_ref().map(|i| i.evidence.clone()).unwrap_or_default());
    let done_on = RwSignal::new(
        item.as_ref()
            .and_then(|i| i.done_on)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let checked = RwSignal::new(false);
    let done_checked = RwSignal::new(false);
    let years = Signal::derive(move || (first..=last).map(|y| (y, i18n::school_year(y))).collect::<Vec<_>>());
    let listed = school_accounts(project.org_id, None, lists);
    let chosen = item
        .as_ref()
        .and_then(|i| Some((i.responsible_id?, i.responsible_name.clone())));
    let accounts = Signal::derive(move || {
        let mut options = listed.get();
        if let Some((id, name)) = chosen.clone()
            && !options.iter().any(|(other, _)| *other == id)
        {
            options.push((id, name));
        }
        options
    });
    let save = Action::new_local(move |input: &PlanItemInput| {
        let input = input.clone();
        async move {
            let saved = match id {
                Some((id, version)) => {
                    let result = api::plan::update_item(id, version, &input).await;
                    notice.or_current(result, || api::plan::find_item(project_id, id)).await
                }
                None => api::plan::create_item(project_id, &input).await,
            };
            if let Ok(item) = &saved {
                on_saved.run(item.clone());
            }
            saved
        }
    });
    let error = failure(save);
    let done = move || status.get() == PlanStatus::Done;
    let submit = move || {
        checked.set(true);
        let is_done = status.get_untracked() == PlanStatus::Done;
        done_checked.set(is_done);
        let deadline = parse_date(&deadline.get_untracked())?;
        let done_on = if is_done {
            Some(parse_date(&done_on.get_untracked())?)
        } else {
            None
        };
        let account = responsible.get_untracked();
        Some(PlanItemInput {
            school_year: school_year.get_untracked().unwrap_or(first),
            action: trimmed(action),
            responsible_id: account,
            responsible_name: account.is_none().then(|| trimmed(responsible_name)),
            deadline,
            expected_result: trimmed(expected),
            status: Some(status.get_untracked()),
            evidence: trimmed(evidence),
            done_on,
        })
    };

    view! {
        <form
            class="card form"
            data-testid="plan-item-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                if let Some(input) = submit() {
                    save.dispatch(input);
                }
            }
        >
            <h3>{move || if id.is_some() { i18n.t().launch.item_edit } else { i18n.t().launch.item_new }}</h3>
            <TextAreaField id="plan-action" label=|t| t.launch.action rows=2 value=action error=server_message(error, "action")/>
            <div class="form-grid form-grid-fill">
                <OptionSelect
                    id="plan-item-year"
                    label=|t| t.launch.school_year
                    options=years
                    value=school_year
                    error=server_message(error, "school_year")
                />
                <DateField
                    id="plan-deadline"
                    label=|t| t.launch.deadline
                    value=deadline
                    checked=checked
                    error=server_message(error, "deadline")
                />
                <Show when=move || !accounts.with(Vec::is_empty)>
                    <OptionSelect
                        id="plan-responsible"
                        label=|t| t.launch.responsible
                        none=|t| t.launch.responsible_other
                        options=accounts
                        value=responsible
                        error=server_message(error, "responsible_id")
                    />
                </Show>
                <Show when=move || responsible.with(Option::is_none)>
                    <TextField
                        id="plan-responsible-name"
                        label=|t| t.launch.responsible_name
                        autocomplete="off"
                        value=responsible_name
                        error=server_message(error, "responsible_name")
                    />
                </Show>
            </div>
            <TextAreaField
                id="plan-expected"
                label=|t| t.launch.expected_result
                rows=2
                value=expected
                error=server_message(error, "expected_result")
            />
            <div class="form-grid form-grid-fill">
                <SelectField id="plan-status" label=|t| t.status value=status error=server_message(error, "status")/>
                <Show when=done>
                    <DateField
                        id="plan-done-on"
                        label=|t| t.launch.done_on
                        value=done_on
                        checked=done_checked
                        error=server_message(error, "done_on")
                    />
                </Show>
            </div>
            <TextField
                id="plan-evidence"
                label=|t| t.launch.evidence
                hint=|t| t.launch.evidence_hint
                autocomplete="off"
                value=evidence
                error=server_message(error, "evidence")
            />
            <ErrorAlert error=error testid="plan-item-form-error"/>
            <FormActions submit=|t| t.save pending=save.pending() submit_testid="plan-item-submit" on_cancel=on_cancel/>
        </form>
    }
}
