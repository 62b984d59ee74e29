//! One version of a package document: its content, the council's decision and the thread.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::launch::innovation_map::{EDITED_NO_MORE, MAP_FIELDS};
use crate::features::launch::map_risks::MapRisks;
use crate::features::launch::review_thread::ReviewThread;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::stale_notice::StaleNotice;
use leptos::prelude::*;
use openapi::OrganisationId;
use openapi::package::{DocumentContent, DocumentVersion, ReviewDecision, VersionStatus};

/// «Версия N», its status, who submitted it and when, what changed, the content, who
/// decided, and for the council while it is under review «Одобрить» / «Вернуть на
/// доработку» with a comment (required to return). The thread follows.
#[component]
pub fn VersionView(
    /// The version.
    version: DocumentVersion,
    /// The school.
    org: OrganisationId,
    /// Called after a decision or a comment.
    on_changed: Callback<()>,
    /// A version of the history: shown without the review form.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let reviewer = auth
        .with_me_untracked(|me| access::may_review_package(me, org))
        .unwrap_or(false);
    let status = version.status;
    let id = version.id;
    let record_version = version.version;
    let notice = StaleNotice::get();
    let number = version.number;
    let by = version.created_by_name.clone().unwrap_or_default();
    let at = version.created_at;
    let note = (!version.note.is_empty()).then(|| view! { <p class="muted">{version.note.clone()}</p> });
    let content = match version.content.clone() {
        DocumentContent::Programme { text } => {
            view! { <div class="prose document-text" data-testid="version-content">{text}</div> }.into_any()
        }
        DocumentContent::InnovationMap { map } => {
            // The free-text risks show only where an old version has them; the register
            // follows the map.
            let rows = MAP_FIELDS
                .iter()
                .filter_map(|(name, label, field)| {
                    let mut map = map.clone();
                    let value = field(&mut map).clone();
                    let label = *label;
                    (*name != EDITED_NO_MORE || !value.is_empty()).then(|| {
                        view! {
                            <dt>{move || label(i18n.t())}</dt>
                            <dd class="prose">{value}</dd>
                        }
                    })
                })
                .collect_view();
            let project = version.project_id;
            view! {
                <dl class="facts" data-testid="version-content">
                    {rows}
                    {(!compact).then(|| view! { <MapRisks project=project/> })}
                </dl>
            }
            .into_any()
        }
        DocumentContent::WorkPlan { items } => {
            let count = items.len();
            view! {
                <p data-testid="version-content">{move || i18n.t().launch.plan_items_count} ": " {count}</p>
            }
            .into_any()
        }
        DocumentContent::ResultsTracking { indicators } => {
            let count = indicators.len();
            view! {
                <p data-testid="version-content">{move || i18n.t().launch.indicators_count} ": " {count}</p>
            }
            .into_any()
        }
    };
    let decided = version.decided_at.map(|at| {
        let who = version.decided_by_name.clone().unwrap_or_default();
        view! { <p class="muted">{move || i18n.t().launch.decided_by} ": " {who.clone()} ", " {move || i18n.t().date_time(&at)}</p> }
    });
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let review = Action::new_local(move |decision: &ReviewDecision| {
        let decision = decision.clone();
        async move {
            let decided = api::package::review(id, record_version, &decision).await;
            // Decided, or changed by someone else: the package is read again as it is now.
            if decided.is_ok() || decided.as_ref().is_err_and(|error| notice.raise_if_stale(error)) {
                on_changed.run(());
            }
            decided
        }
    });
    let decide = move |approve: bool| {
        let text = comment.get_untracked().trim().to_owned();
        if approve {
            missing.set(false);
            review.dispatch(ReviewDecision::Approve {
                comment: (!text.is_empty()).then_some(text),
            });
        } else if text.is_empty() {
            missing.set(true);
        } else {
            missing.set(false);
            review.dispatch(ReviewDecision::Return { comment: text });
        }
    };
    let review_form = (reviewer && !compact && status == VersionStatus::UnderReview).then(|| {
        view! {
            <div class="form subform" data-testid="review-form">
                <div class="field field-wide">
                    <label for=format!("review-comment-{id}")>{move || i18n.t().launch.review_comment}</label>
                    <textarea
                        id=format!("review-comment-{id}")
                        data-testid="review-comment"
                        rows=2
                        bind:value=comment
                    ></textarea>
                    <p class="hint">{move || i18n.t().launch.review_comment_hint}</p>
                    <Show when=move || missing.get()>
                        <p class="field-error" data-testid="review-comment-error">
                            {move || i18n.t().launch.comment_required}
                        </p>
                    </Show>
                </div>
                <div class="form-actions">
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="approve-version"
                        disabled=move || review.pending().get()
                        on:click=move |_| decide(true)
                    >
                        {move || i18n.t().launch.approve}
                    </button>
                    <button
                        type="button"
                        class="button button-danger"
                        data-testid="return-version"
                        disabled=move || review.pending().get()
                        on:click=move |_| decide(false)
                    >
                        {move || i18n.t().launch.return_version}
                    </button>
                </div>
                <ErrorAlert error=failure(review)/>
            </div>
        }
    });

    view! {
        <div class="version" data-testid="document-version" data-number=number.to_string() data-status=status.as_str()>
            <p class="version-head">
                <strong>{move || i18n.t().launch.version} " " {number}</strong> " "
                <span class="badge badge-status" data-status=status.as_str() data-testid="version-status">
                    {move || i18n.t().launch.version_status(status)}
                </span> " "
                <span class="muted">{move || i18n.t().launch.submitted_by} ": " {by.clone()} ", " {move || i18n.t().date_time(&at)}</span>
            </p>
            {note}
            {content}
            {decided}
            {review_form}
            <ReviewThread version=id org=org comments=version.comments.clone() on_changed=on_changed compact=compact/>
        </div>
    }
}
