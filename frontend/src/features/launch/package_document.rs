//! One document of the package: its latest version, a new version, the history.

use crate::access;
use crate::api;
use crate::api::attachments::AttachTo;
use crate::auth::use_auth;
use crate::features::launch::innovation_map::{EDITED_NO_MORE, MAP_FIELDS};
use crate::features::launch::version_review::VersionView;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::attachments::Attachments;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::field_error::server_message;
use crate::ui::form_actions::FormActions;
use crate::ui::loading::Loading;
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::package::{DocumentKind, InnovationMap, PackageDocument, VersionInput, VersionStatus};
use openapi::{OrganisationId, ProjectId};

/// The document's name, its latest version with the review and the thread, a form for
/// a new version (the programme's text, the map's nine fields, or a button that records
/// the plan or the indicators) and the history of versions on demand.
#[component]
pub fn PackageDocumentCard(
    /// The project.
    project: ProjectId,
    /// Its school.
    org: OrganisationId,
    /// The document with its latest version.
    document: PackageDocument,
    /// Called after a new version, a decision or a comment.
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_submit = auth
        .with_me_untracked(|me| access::may_edit_resources(me, org))
        .unwrap_or(false);
    let kind = document.kind;
    let adding = RwSignal::new(false);
    let showing_history = RwSignal::new(false);
    let latest = document.latest.clone();
    // The new version starts from the latest one's content.
    let (first_text, first_map) = match latest.as_ref().map(|v| &v.content) {
        Some(openapi::package::DocumentContent::Programme { text }) => (text.clone(), InnovationMap::default()),
        Some(openapi::package::DocumentContent::InnovationMap { map }) => (String::new(), map.clone()),
        _ => (String::new(), InnovationMap::default()),
    };
    let text = RwSignal::new(first_text);
    let note = RwSignal::new(String::new());
    let map_values: Vec<RwSignal<String>> = MAP_FIELDS
        .iter()
        .map(|(_, _, field)| {
            let mut map = first_map.clone();
            RwSignal::new(field(&mut map).clone())
        })
        .collect();
    let submit = Action::new_local(move |input: &VersionInput| {
        let input = input.clone();
        async move {
            let saved = api::package::submit_version(project, kind, &input).await;
            if saved.is_ok() {
                adding.set(false);
                on_changed.run(());
            }
            saved
        }
    });
    let error = failure(submit);
    let values = map_values.clone();
    let build = move || {
        let mut map = InnovationMap::default();
        for ((name, _, field), value) in MAP_FIELDS.iter().zip(&values) {
            if *name != EDITED_NO_MORE {
                *field(&mut map) = value.get_untracked().trim().to_owned();
            }
        }
        VersionInput {
            text: (kind == DocumentKind::Programme).then(|| text.get_untracked().trim().to_owned()),
            map: (kind == DocumentKind::InnovationMap).then_some(map),
            note: note.get_untracked().trim().to_owned(),
        }
    };
    let fields = match kind {
        DocumentKind::Programme => view! {
            <TextAreaField
                id="version-text"
                label=|t| t.launch.programme_text
                rows=8
                value=text
                error=server_message(error, "text")
            />
        }
        .into_any(),
        DocumentKind::InnovationMap => MAP_FIELDS
            .iter()
            .zip(map_values)
            .filter(|((name, _, _), _)| *name != EDITED_NO_MORE)
            .map(|((name, label, _), value)| {
                let id: &'static str = match *name {
                    "problem" => "map-problem",
                    "idea" => "map-idea",
                    "goal" => "map-goal",
                    "tasks" => "map-tasks",
                    "expected_results" => "map-expected_results",
                    "products" => "map-products",
                    "resources" => "map-resources",
                    _ => "map-consumers",
                };
                let field = format!("map.{name}");
                view! {
                    <TextAreaField
                        id=id
                        label=*label
                        rows=2
                        value=value
                        error=crate::ui::field_error::server_message_for(error, move || field.clone())
                    />
                }
            })
            .collect_view()
            .into_any(),
        DocumentKind::WorkPlan => view! { <p class="hint">{move || i18n.t().launch.snapshot_plan_hint}</p> }.into_any(),
        DocumentKind::ResultsTracking => {
            view! { <p class="hint">{move || i18n.t().launch.snapshot_tracking_hint}</p> }.into_any()
        }
    };
    let snapshot = matches!(kind, DocumentKind::WorkPlan | DocumentKind::ResultsTracking);
    let history = LocalResource::new(move || async move {
        if showing_history.get() {
            api::package::list_versions(project, kind).await.map(Some)
        } else {
            Ok(None)
        }
    });
    let history_view = move || {
        let Some(result) = history.get() else {
            return showing_history.get().then(|| view! { <Loading/> }.into_any());
        };
        Some(match result {
            Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
            Ok(None) => ().into_any(),
            // The latest version is shown above; the history lists the earlier ones.
            Ok(Some(versions)) if versions.len() < 2 => view! {
                <p class="muted" data-testid="no-earlier-versions">{move || i18n.t().launch.no_earlier_versions}</p>
            }
            .into_any(),
            Ok(Some(versions)) => versions
                .into_iter()
                .skip(1)
                .map(|version| view! { <VersionView version=version org=org on_changed=on_changed compact=true/> })
                .collect_view()
                .into_any(),
        })
    };
    // The latest version's files; while it is under review its editors add and remove them.
    let attachments = latest.as_ref().map(|version| {
        let open = may_submit && version.status == VersionStatus::UnderReview;
        let upload_to = open.then_some(AttachTo::DocumentVersion(version.id));
        view! { <Attachments files=version.attachments.clone() upload_to=upload_to may_delete=open/> }
    });
    let latest_view = match latest {
        Some(version) => view! { <VersionView version=version org=org on_changed=on_changed/> }.into_any(),
        None => view! { <p class="muted" data-testid="no-version">{move || i18n.t().launch.no_version}</p> }.into_any(),
    };

    view! {
        <article class="card block" data-testid="package-document" data-kind=kind.as_str()>
            <div class="section-head">
                <h3>{move || i18n.t().launch.document(kind)}</h3>
                <AddButton label=|t| t.launch.new_version testid="new-version" open=adding allowed=may_submit/>
            </div>
                <form
                    hidden=move || !adding.get()
                    class="form subform"
                    data-testid="version-form"
                    novalidate
                    on:submit={
                        let build = build.clone();
                        move |event| {
                            event.prevent_default();
                            submit.dispatch(build());
                        }
                    }
                >
                    {fields}
                    <TextAreaField id="version-note" label=|t| t.launch.note rows=2 value=note error=server_message(error, "note")/>
                    <ErrorAlert error=error testid="version-form-error"/>
                    <FormActions
                        submit=if snapshot { |t| t.launch.submit_snapshot } else { |t| t.launch.submit_version }
                        pending=submit.pending()
                        submit_testid="version-submit"
                        on_cancel=Callback::new(move |()| adding.set(false))
                    />
                </form>
            {latest_view}
            {attachments}
            <button
                type="button"
                class="link-button"
                data-testid="toggle-history"
                on:click=move |_| showing_history.update(|on| *on = !*on)
            >
                {move || if showing_history.get() { i18n.t().launch.hide_history } else { i18n.t().launch.show_history }}
            </button>
            <div class="history" data-testid="version-history">{history_view}</div>
        </article>
    }
}
