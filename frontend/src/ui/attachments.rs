//! Files attached to a document's version or to a plan item: the list with downloads,
//! and for editors the upload and the removal.

use crate::api::attachments::AttachTo;
use crate::api::{self, ApiError};
use crate::files;
use crate::i18n::use_i18n;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::file_picker::FilePicker;
use leptos::prelude::*;
use openapi::plan::Attachment;

/// «Приложенные файлы» (hidden while there are none and nothing may be added): each file downloads with the session's token and shows its size;
/// with `may_delete` each has «Удалить» (after a confirmation), with `upload_to` the
/// labelled «Выбрать файл» button uploads the chosen file at once.
#[component]
pub fn Attachments(
    /// The files as the server listed them.
    files: Vec<Attachment>,
    /// Where a new file goes; without it there is no upload.
    #[prop(default = None)]
    upload_to: Option<AttachTo>,
    /// Whether the files may be removed.
    #[prop(optional)]
    may_delete: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(files);
    let deleting = RwSignal::new(None::<Attachment>);
    let delete = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            let done = api::attachments::delete(id).await;
            if done.is_ok() {
                list.update(|files| files.retain(|file| file.id != id));
            }
            done
        }
    });
    let rows = move || {
        list.with(|files| {
            if files.is_empty() {
                view! { <p class="muted" data-testid="no-attachments">{move || i18n.t().launch.no_attachments}</p> }
                    .into_any()
            } else {
                let rows = files
                    .iter()
                    .cloned()
                    .map(|file| view! { <AttachmentRow file=file may_delete=may_delete deleting=deleting/> })
                    .collect_view();
                view! { <ul class="files">{rows}</ul> }.into_any()
            }
        })
    };
    let uploader = upload_to.map(|to| view! { <Uploader to=to list=list/> });
    // Without files and without the upload there is nothing to show.
    let shown = upload_to.is_some();
    view! {
        <div
            class="attachments"
            data-testid="attachments"
            hidden=move || !shown && list.with(Vec::is_empty)
        >
            <p class="attachments-head">
                <strong>{move || i18n.t().launch.attachments}</strong>
            </p>
            {rows}
            <ErrorAlert error=failure(delete) testid="delete-attachment-error"/>
            {uploader}
            {move || {
                deleting
                    .get()
                    .map(|file| {
                        view! {
                            <ConfirmDialog
                                title=|t| t.launch.delete_attachment_title
                                text=|t| t.launch.delete_attachment_text
                                subject=file.file_name.clone()
                                confirm=|t| t.launch.delete
                                on_confirm=Callback::new(move |()| {
                                    deleting.set(None);
                                    delete.dispatch(file.id);
                                })
                                on_cancel=Callback::new(move |()| deleting.set(None))
                            />
                        }
                    })
            }}
        </div>
    }
}

/// One file: a button that downloads it, its size and, for editors, «Удалить».
#[component]
fn AttachmentRow(file: Attachment, may_delete: bool, deleting: RwSignal<Option<Attachment>>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, name) = (file.id, file.file_name.clone());
    let kilobytes = u64::try_from(file.size).unwrap_or(0).div_ceil(1024);
    let download = Action::new_local(move |(): &()| {
        let name = name.clone();
        async move {
            let bytes = api::attachments::download(id).await?;
            files::save(&name, &bytes);
            Ok::<(), ApiError>(())
        }
    });
    let remove = may_delete.then(|| {
        let file = file.clone();
        view! {
            " "
            <button
                type="button"
                class="button button-small button-danger"
                data-testid="delete-attachment"
                on:click=move |_| deleting.set(Some(file.clone()))
            >
                {move || i18n.t().launch.delete}
            </button>
        }
    });
    view! {
        <li data-testid="attachment-row">
            <button type="button" class="link-button" data-testid="download-attachment" on:click=move |_| {
                download.dispatch(());
            }>
                {file.file_name.clone()}
            </button>
            <span class="muted" data-testid="attachment-size">
                {move || format!(" ({kilobytes} {})", i18n.t().lifecycle.kb)}
            </span>
            {remove}
            <ErrorAlert error=failure(download)/>
        </li>
    }
}

/// The labelled «Выбрать файл» button over a visually hidden file input; the chosen file
/// is uploaded at once and added to `list`.
#[component]
fn Uploader(to: AttachTo, list: RwSignal<Vec<Attachment>>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let upload = Action::new_local(move |(): &()| async move {
        let chosen = match input.get_untracked() {
            Some(input) => files::read_chosen(&input).await,
            None => None,
        };
        let Some((name, bytes)) = chosen else {
            return Err(ApiError::Unexpected);
        };
        let uploaded = api::attachments::upload(to, name, bytes).await;
        if let Ok(file) = &uploaded {
            list.update(|files| files.push(file.clone()));
        }
        // The same file may be chosen again.
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
        uploaded
    });
    view! {
        <FilePicker
            id=format!("attachment-file-{}", to.key())
            testid="attachment-file"
            error_testid="attachment-file-error"
            alert_testid="attachment-upload-error"
            input=input
            upload=upload
        />
    }
}
