//! «Версии» of a resource: the numbered design documents and products with their files.

use crate::api::{self, ApiError};
use crate::files;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::file_picker::FilePicker;
use crate::ui::form_actions::FormActions;
use crate::ui::select_field::SelectField;
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use openapi::ResourceId;
use openapi::resources::{ResourceFile, ResourceVersion, VersionInput, VersionKind};

/// The versions as the server orders them (newest first), with their files to download; for the school's
/// administration, council and teachers «Новая версия» and a file upload per version.
#[component]
pub fn Versions(
    /// The resource.
    resource: ResourceId,
    /// Whether the user may add versions and files.
    may_edit: bool,
    /// Changes whenever a version or a file was added.
    changed: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let versions = LocalResource::new(move || {
        changed.track();
        api::lifecycle::list_versions(resource)
    });
    let added = Callback::new(move |()| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });

    view! {
        <section class="section" data-testid="versions">
            <div class="section-head">
                <h2>{move || i18n.t().lifecycle.versions}</h2>
                <AddButton
                    label=|t| t.lifecycle.new_version
                    testid="add-version"
                    open=adding
                    allowed=Signal::stored(may_edit)
                />
            </div>
            <Show when=move || adding.get()>
                <VersionForm resource=resource on_added=added on_cancel=Callback::new(move |()| adding.set(false))/>
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match versions.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().lifecycle.no_versions}</p> }.into_any()
                        }
                        Ok(page) => {
                            page.items
                                .into_iter()
                                .map(|version| view! { <VersionRow version=version may_edit=may_edit changed=changed/> })
                                .collect_view()
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// One version: its number and kind, notes, files and, for editors, the upload.
#[component]
fn VersionRow(version: ResourceVersion, may_edit: bool, changed: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, kind) = (version.id, version.kind);
    let input = NodeRef::<leptos::html::Input>::new();
    let upload = Action::new_local(move |(): &()| async move {
        let chosen = match input.get_untracked() {
            Some(input) => files::read_chosen(&input).await,
            None => None,
        };
        let Some((name, bytes)) = chosen else {
            return Err(ApiError::Unexpected);
        };
        let uploaded = api::lifecycle::upload_file(id, name, bytes).await;
        if uploaded.is_ok() {
            // The list is reloaded, and this row rebuilt, after the action has finished.
            queue_microtask(move || changed.update(|count| *count += 1));
        }
        uploaded
    });
    let files = if version.files.is_empty() {
        view! { <p class="empty">{move || i18n.t().lifecycle.no_files}</p> }.into_any()
    } else {
        view! { <ul class="files">{version.files.into_iter().map(file_link).collect_view()}</ul> }.into_any()
    };
    let uploader = may_edit.then(|| {
        view! {
            <FilePicker
                id=format!("version-file-{id}")
                testid="version-file"
                error_testid="file-error"
                alert_testid="upload-error"
                input=input
                upload=upload
            />
        }
    });
    view! {
        <article class="card version" data-testid="version-row" data-kind=kind.as_str()>
            <h3>
                {move || format!("{} {}", i18n.t().lifecycle.version_number, version.number)} " · "
                <span data-testid="version-kind-name">{move || i18n.t().lifecycle.kind(kind)}</span>
            </h3>
            <p class="meta">{move || i18n.t().date_time(&version.created_at)}</p>
            {(!version.notes.is_empty()).then(|| view! { <p data-testid="version-notes-text">{version.notes.clone()}</p> })}
            {files}
            {uploader}
        </article>
    }
}

/// A file of a version: a button that downloads it with the session's token.
fn file_link(file: ResourceFile) -> impl IntoView {
    let i18n = use_i18n();
    let name = file.file_name.clone();
    let kilobytes = u64::try_from(file.size).unwrap_or(0).div_ceil(1024);
    let download = Action::new_local(move |(): &()| {
        let name = name.clone();
        async move {
            let bytes = api::lifecycle::download_file(file.id).await?;
            files::save(&name, &bytes);
            Ok::<(), ApiError>(())
        }
    });
    view! {
        <li data-testid="version-file-row">
            <button type="button" class="link-button" data-testid="download-file" on:click=move |_| {
                download.dispatch(());
            }>
                {file.file_name}
            </button>
            {move || format!(" ({kilobytes} {})", i18n.t().lifecycle.kb)}
            <ErrorAlert error=failure(download)/>
        </li>
    }
}

/// «Новая версия»: its kind and notes.
#[component]
fn VersionForm(resource: ResourceId, on_added: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(VersionKind::Design);
    let notes = RwSignal::new(String::new());
    let create = Action::new_local(move |input: &VersionInput| {
        let input = input.clone();
        async move {
            let created = api::lifecycle::create_version(resource, &input).await;
            if created.is_ok() {
                queue_microtask(move || on_added.run(()));
            }
            created
        }
    });
    let notes_error = Signal::derive(move || {
        create.value().with(|result| match result {
            Some(Err(error)) => error.field("notes").map(|code| i18n.t().field_error(code)),
            _ => None,
        })
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        create.dispatch(VersionInput {
            kind: kind.get_untracked(),
            notes: notes.get_untracked().trim().to_owned(),
        });
    };
    view! {
        <form class="card form" data-testid="version-form" on:submit=submit>
            <SelectField id="version-kind" label=|t| t.lifecycle.kind value=kind/>
            <TextAreaField id="version-notes" label=|t| t.lifecycle.notes value=notes error=notes_error/>
            <ErrorAlert error=failure(create)/>
            <FormActions
                submit=|t| t.lifecycle.create_version
                pending=create.pending()
                submit_testid="version-submit"
                on_cancel=on_cancel
            />
        </form>
    }
}
