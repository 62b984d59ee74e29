//! The risk register of a project or a pilot: the risks sorted by score with a status
//! filter, a 5×5 heat map (likelihood × impact), the form that adds or changes a risk and
//! each risk's history.

use crate::access;
use crate::api;
use crate::api::risks::Register;
use crate::auth::use_auth;
use crate::i18n::{Texts, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::date_field::today_value;
use crate::ui::error_alert::{ErrorAlert, general_failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, school_accounts};
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::risks::{Risk, RiskCategory, RiskField, RiskFilter, RiskInput, RiskStatus};
use openapi::{OrganisationId, RiskId, UserId};

/// The register: the status filter, the heat map, the risks from the highest score, and
/// «Добавить риск» for those who may change it.
#[component]
pub fn RiskRegister(
    /// Whose register.
    register: Register,
    /// The school whose accounts may own a risk.
    org: OrganisationId,
    /// Whether the user may add and change risks.
    may_edit: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let changed = RwSignal::new(0_usize);
    let status = RwSignal::new(None::<RiskStatus>);
    let risks = LocalResource::new(move || {
        changed.track();
        let filter = RiskFilter { status: status.get() };
        async move { api::risks::list_risks(register, &filter).await }
    });
    let added = Callback::new(move |()| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });
    let status_options = Signal::derive(move || {
        let t = i18n.t();
        RiskStatus::ALL
            .iter()
            .map(|&status| (StatusKey(status), t.pilots.risk_status_name(status).to_owned()))
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(None::<StatusKey>);
    Effect::new(move |_| {
        let key = chosen.get().map(|key| key.0);
        if status.get_untracked() != key {
            status.set(key);
        }
    });
    // Each pilot's register on the resource page has ids of its own.
    let filter_id = match register {
        Register::Project(id) => format!("risk-filter-project-{id}"),
        Register::Pilot(id) => format!("risk-filter-pilot-{id}"),
    };
    view! {
        <section class="section" data-testid="risks">
            <div class="section-head">
                <h3>{move || i18n.t().pilots.risks_heading}</h3>
                <AddButton label=|t| t.pilots.risk_add testid="add-risk" open=adding allowed=Signal::stored(may_edit)/>
            </div>
            <Show when=move || adding.get()>
                <RiskForm
                    register=register
                    org=org
                    risk=None
                    on_saved=added
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <div data-testid="risk-filter">
                <OptionSelect
                    id=filter_id
                    label=|t| t.pilots.risk_status
                    none=|t| t.pilots.all_statuses
                    options=status_options
                    value=chosen
                    testid=false
                />
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match risks.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty" data-testid="risks-empty">{move || i18n.t().pilots.risks_none}</p> }
                                .into_any()
                        }
                        Ok(page) => {
                            let map = heat_map(&page.items);
                            view! {
                                {map}
                                <ul class="rows">
                                    {page
                                        .items
                                        .into_iter()
                                        .map(|risk| {
                                            view! { <RiskRow register=register org=org risk=risk may_edit=may_edit changed=changed/> }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// A risk status as a key of the filter's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StatusKey(RiskStatus);

impl std::fmt::Display for StatusKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.0.as_str())
    }
}

/// The class of a score's band, coloured by the stylesheet (green, yellow, orange, red):
/// classes, not inline styles, which the Content-Security-Policy refuses.
pub fn score_class(score: u8) -> &'static str {
    match score {
        0..=4 => "score score-low",
        5..=9 => "score score-medium",
        10..=14 => "score score-high",
        _ => "score score-critical",
    }
}

/// How many risks are in each cell: `[impact - 1][likelihood - 1]`.
pub fn cell_counts(risks: &[Risk]) -> [[usize; 5]; 5] {
    let mut counts = [[0; 5]; 5];
    for risk in risks {
        let (likelihood, impact) = (usize::from(risk.likelihood), usize::from(risk.impact));
        if (1..=5).contains(&likelihood) && (1..=5).contains(&impact) {
            counts[impact - 1][likelihood - 1] += 1;
        }
    }
    counts
}

/// The 5×5 heat map: impact upwards, likelihood to the right, the count in each cell.
fn heat_map(risks: &[Risk]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let counts = cell_counts(risks);
    let rows = (1..=5_u8)
        .rev()
        .map(|impact| {
            let cells = (1..=5_u8)
                .map(|likelihood| {
                    let count = counts[usize::from(impact) - 1][usize::from(likelihood) - 1];
                    let score = likelihood * impact;
                    view! {
                        <td
                            class=score_class(score)
                            data-testid=format!("heat-{likelihood}-{impact}")
                            title=move || format!("{}: {score}", i18n.t().pilots.score)
                        >
                            {(count > 0).then(|| count.to_string())}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{impact}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="heat-map" data-testid="heat-map">
            <figcaption>{move || i18n.t().pilots.heat_map}</figcaption>
            <table>
                <tbody>
                    {rows}
                    <tr>
                        <th scope="col">{move || i18n.t().pilots.heat_impact}</th>
                        {(1..=5_u8).map(|likelihood| view! { <th scope="col">{likelihood}</th> }).collect_view()}
                    </tr>
                </tbody>
            </table>
            <p class="meta">{move || i18n.t().pilots.heat_likelihood}</p>
        </figure>
    }
}

/// One risk: title, category, likelihood × impact = score, status, owner, review date,
/// the ways to overcome it; «Изменить риск» and «История риска».
#[component]
fn RiskRow(
    register: Register,
    org: OrganisationId,
    risk: Risk,
    may_edit: bool,
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let showing_history = RwSignal::new(false);
    let (category, status, score) = (risk.category, risk.status, risk.score);
    let (likelihood, impact) = (risk.likelihood, risk.impact);
    let review = risk.next_review_on;
    let overdue = risk.review_overdue;
    let id = RiskId(risk.id);
    let saved = Callback::new(move |()| {
        editing.set(false);
        changed.update(|count| *count += 1);
    });
    let edited = risk.clone();
    view! {
        <li class="card risk" data-testid="risk-row">
            <p>
                <strong data-testid="risk-title">{risk.title.clone()}</strong>
                " · " {move || i18n.t().pilots.category_name(category)}
                " · "
                <span data-testid="risk-score" class=score_class(score)>
                    {format!("{likelihood} × {impact} = {score}")}
                </span>
                " · "
                <span class="badge badge-status" data-testid="risk-status">
                    {move || i18n.t().pilots.risk_status_name(status)}
                </span>
            </p>
            <p class="meta">
                {move || i18n.t().pilots.owner} ": " {risk.owner_name.clone()}
                {review
                    .map(|day| {
                        view! {
                            " · " {move || i18n.t().pilots.next_review_on} ": " {move || i18n.t().day(day)}
                            {overdue.then(|| view! { " (" <span class="field-error">{move || i18n.t().pilots.overdue}</span> ")" })}
                        }
                    })}
            </p>
            <p>{move || i18n.t().pilots.mitigation} ": " {risk.mitigation.clone()}</p>
            <div class="form-actions">
                <Show when=move || may_edit && !editing.get()>
                    <button type="button" class="button" data-testid="edit-risk" on:click=move |_| editing.set(true)>
                        {move || i18n.t().pilots.risk_edit}
                    </button>
                </Show>
                <button
                    type="button"
                    class="button"
                    data-testid="risk-history-toggle"
                    aria-expanded=move || showing_history.get().to_string()
                    on:click=move |_| showing_history.update(|shown| *shown = !*shown)
                >
                    {move || i18n.t().pilots.history}
                </button>
            </div>
            <Show when=move || editing.get()>
                <RiskForm
                    register=register
                    org=org
                    risk=Some(edited.clone())
                    on_saved=saved
                    on_cancel=Callback::new(move |()| editing.set(false))
                />
            </Show>
            <Show when=move || showing_history.get()>
                <RiskHistory risk=id changed=changed/>
            </Show>
        </li>
    }
}

/// «История риска»: who changed what, when, from what to what, and why.
#[component]
fn RiskHistory(risk: RiskId, changed: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let history = LocalResource::new(move || {
        changed.track();
        api::risks::risk_history(risk)
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match history.await {
                    Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                    Ok(page) if page.items.is_empty() => {
                        view! { <p class="empty" data-testid="risk-history-empty">{move || i18n.t().pilots.history_none}</p> }
                            .into_any()
                    }
                    Ok(page) => {
                        view! {
                            <ul class="history" data-testid="risk-history">
                                {page
                                    .items
                                    .into_iter()
                                    .map(|change| {
                                        let at = change.at;
                                        let field = change.field;
                                        let from = change.from.clone();
                                        let to = change.to.clone();
                                        let note = change.note.clone().map(|note| format!(" — {note}"));
                                        view! {
                                            <li data-testid="risk-change">
                                                {move || i18n.t().date_time(&at)} " · "
                                                {change.actor_name.clone()} " · "
                                                {move || i18n.t().pilots.field_name(field)} ": "
                                                {move || {
                                                    let t = i18n.t();
                                                    format!(
                                                        "{} → {}",
                                                        change_value(t, field, from.as_deref()),
                                                        change_value(t, field, to.as_deref()),
                                                    )
                                                }}
                                                {note}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// A value of a change as the user reads it: a status by its name, a day as `dd.mm.yyyy`,
/// a number as it is, «—» for none.
pub fn change_value(t: &Texts, field: RiskField, value: Option<&str>) -> String {
    let Some(value) = value else {
        return t.pilots.empty_value.to_owned();
    };
    match field {
        RiskField::Status => RiskStatus::parse(value).map_or_else(
            || value.to_owned(),
            |status| t.pilots.risk_status_name(status).to_owned(),
        ),
        RiskField::NextReviewOn => {
            NaiveDate::parse_from_str(value, "%Y-%m-%d").map_or_else(|_| value.to_owned(), |day| t.day(day))
        }
        RiskField::Likelihood | RiskField::Impact => value.to_owned(),
    }
}

/// A risk's fields to add one or change it: title, category, likelihood, impact, the ways
/// to overcome it, owner, status, next review and, on a change, why.
#[component]
fn RiskForm(
    register: Register,
    org: OrganisationId,
    risk: Option<Risk>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let me = auth.with_me_untracked(|me| (me.id, me.full_name.clone()));
    let lists_accounts = auth
        .with_me_untracked(|me| access::may_list_school_accounts(me) && me.organisation.id == org)
        .unwrap_or(false);
    let editing = risk.as_ref().map(|risk| (RiskId(risk.id), risk.version));
    let title = RwSignal::new(risk.as_ref().map(|risk| risk.title.clone()).unwrap_or_default());
    let category = RwSignal::new(risk.as_ref().map_or(RiskCategory::Organisational, |risk| risk.category));
    let likelihood = RwSignal::new(
        risk.as_ref()
            .map_or(String::from("3"), |risk| risk.likelihood.to_string()),
    );
    let impact = RwSignal::new(risk.as_ref().map_or(String::from("3"), |risk| risk.impact.to_string()));
    let mitigation = RwSignal::new(risk.as_ref().map(|risk| risk.mitigation.clone()).unwrap_or_default());
    let owner = RwSignal::new(risk.as_ref().map(|risk| risk.owner_id).or(me.as_ref().map(|me| me.0)));
    let status = RwSignal::new(risk.as_ref().map_or(RiskStatus::Open, |risk| risk.status));
    let review = RwSignal::new(
        risk.as_ref()
            .and_then(|risk| risk.next_review_on)
            .map(|day| day.format("%Y-%m-%d").to_string())
            .unwrap_or_else(today_value),
    );
    let note = RwSignal::new(String::new());
    let accounts = school_accounts(org, None, lists_accounts);
    let known_owner = risk.as_ref().map(|risk| (risk.owner_id, risk.owner_name.clone()));
    let owner_options = Signal::derive(move || {
        let mut options: Vec<(UserId, String)> = accounts.get();
        for extra in [me.clone(), known_owner.clone()].into_iter().flatten() {
            if !options.iter().any(|(id, _)| *id == extra.0) {
                options.push(extra);
            }
        }
        options
    });
    let save = Action::new_local(move |input: &RiskInput| {
        let input = input.clone();
        async move {
            let saved = match editing {
                Some((id, version)) => api::risks::update_risk(id, version, &input).await,
                None => api::risks::create_risk(register, &input).await,
            };
            if saved.is_ok() {
                queue_microtask(move || on_saved.run(()));
            }
            saved
        }
    });
    let missing = RwSignal::new(false);
    let field = move |name: &'static str| {
        Signal::derive(move || {
            let t = i18n.t();
            let required = match name {
                "title" => title.with(|text| text.trim().is_empty()),
                "mitigation" => mitigation.with(|text| text.trim().is_empty()),
                "owner_id" => owner.with(Option::is_none),
                _ => false,
            };
            if missing.get() && required {
                return Some(t.field_required);
            }
            save.value().with(|result| match result {
                Some(Err(error)) => error.field(name).map(|code| t.field_error(code)),
                _ => None,
            })
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(owner_id) = owner.get_untracked() else {
            missing.set(true);
            return;
        };
        if trimmed(title).is_empty() || trimmed(mitigation).is_empty() {
            missing.set(true);
            return;
        }
        missing.set(false);
        let note = trimmed(note);
        save.dispatch(RiskInput {
            title: trimmed(title),
            category: category.get_untracked(),
            // Out of range is sent as 0, which the server refuses naming the field.
            likelihood: trimmed(likelihood).parse().unwrap_or(0),
            impact: trimmed(impact).parse().unwrap_or(0),
            mitigation: trimmed(mitigation),
            owner_id,
            status: Some(status.get_untracked()),
            next_review_on: NaiveDate::parse_from_str(&review.get_untracked(), "%Y-%m-%d").ok(),
            note: (!note.is_empty()).then_some(note),
        });
    };
    let not_saved = general_failure(save);
    let heading = if editing.is_some() {
        |t: &Texts| t.pilots.risk_edit
    } else {
        |t: &Texts| t.pilots.risk_add
    };
    view! {
        <form class="card form" data-testid="risk-form" on:submit=submit>
            <h3>{move || heading(i18n.t())}</h3>
            <TextField id="risk-title-input" label=|t| t.pilots.risk_title value=title error=field("title") autocomplete="off"/>
            <SelectField id="risk-category" label=|t| t.pilots.category value=category error=field("category")/>
            <TextField id="risk-likelihood" label=|t| t.pilots.likelihood value=likelihood
                error=field("likelihood") autocomplete="off" input_type="number"/>
            <TextField id="risk-impact" label=|t| t.pilots.impact value=impact
                error=field("impact") autocomplete="off" input_type="number"/>
            <TextAreaField id="risk-mitigation" label=|t| t.pilots.mitigation value=mitigation error=field("mitigation")/>
            <OptionSelect id="risk-owner" label=|t| t.pilots.owner none=|t| t.pilots.choose
                options=owner_options value=owner error=field("owner_id")/>
            <SelectField id="risk-status-input" label=|t| t.pilots.risk_status value=status error=field("status")/>
            <TextField id="risk-review" label=|t| t.pilots.next_review_on value=review
                error=field("next_review_on") autocomplete="off" input_type="date"/>
            {editing
                .is_some()
                .then(|| view! { <TextField id="risk-note" label=|t| t.pilots.note value=note error=field("note") autocomplete="off"/> })}
            <ErrorAlert error=not_saved testid="risk-error"/>
            <FormActions submit=|t| t.pilots.save pending=save.pending() submit_testid="risk-submit" on_cancel=on_cancel/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, RU};

    #[test]
    fn a_change_reads_statuses_by_name_and_days_as_dotted_dates() {
        assert_eq!(change_value(&RU, RiskField::Status, Some("mitigated")), "Снижен");
        assert_eq!(change_value(&EN, RiskField::Status, Some("open")), "Open");
        assert_eq!(
            change_value(&RU, RiskField::NextReviewOn, Some("2026-09-01")),
            "01.09.2026"
        );
        assert_eq!(change_value(&RU, RiskField::Impact, Some("4")), "4");
        assert_eq!(change_value(&RU, RiskField::NextReviewOn, None), "—");
    }

    #[test]
    fn cells_are_coloured_by_score_from_green_to_red() {
        assert_eq!(score_class(1), score_class(4));
        assert_ne!(score_class(4), score_class(5));
        assert_ne!(score_class(9), score_class(10));
        assert_ne!(score_class(14), score_class(15));
        assert_eq!(score_class(15), score_class(25));
    }
}
