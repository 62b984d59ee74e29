//! The file chooser of every upload: the labelled «Выбрать файл» button over a visually
//! hidden file input, the chosen file's name, the accepted types, and the upload's errors.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use leptos::html::Input;
use leptos::prelude::*;

/// Choosing a file starts `upload` at once. The native input is hidden visually (the
/// browser would label it in its own language) but stays focusable; its label is the
/// visible button. A refused type or content is shown under the input, other errors as an
/// alert. Test ids: `testid` on the input, `<testid>-button`, `<testid>-name`.
#[component]
pub fn FilePicker<T>(
    /// The input's id.
    id: String,
    /// The input's test id, the prefix of the others.
    testid: &'static str,
    /// The test id of the refused-file message.
    error_testid: &'static str,
    /// The test id of the other errors' alert.
    alert_testid: &'static str,
    /// The input, for the upload to read the chosen file from.
    input: NodeRef<Input>,
    /// The upload; it reads the file from `input`.
    upload: Action<(), Result<T, ApiError>>,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let chosen_name = RwSignal::new(None::<String>);
    let file_error = Signal::derive(move || {
        upload.value().with(|result| match result {
            Some(Err(error)) if error.field("file_name").is_some() || error.field("file").is_some() => {
                Some(i18n.t().lifecycle.file_refused)
            }
            _ => None,
        })
    });
    let other_error = Signal::derive(move || failure(upload).get().filter(|_| file_error.get().is_none()));
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field file-field">
            <div class="file-picker">
                <input
                    id=id.clone()
                    type="file"
                    class="visually-hidden"
                    data-testid=testid
                    aria-describedby=hint_id.clone()
                    node_ref=input
                    accept=rules::files::accept_attribute()
                    disabled=move || upload.pending().get()
                    on:change=move |_| {
                        let name = input
                            .get_untracked()
                            .and_then(|input| input.files())
                            .and_then(|files| files.get(0))
                            .map(|file| file.name());
                        if name.is_some() {
                            chosen_name.set(name);
                            upload.dispatch(());
                        }
                    }
                />
                <label for=id class="button" data-testid=format!("{testid}-button")>
                    {move || i18n.t().lifecycle.upload}
                </label>
                <span class="file-name" data-testid=format!("{testid}-name")>
                    {move || chosen_name.get().unwrap_or_else(|| i18n.t().lifecycle.no_file_chosen.to_owned())}
                </span>
            </div>
            <p class="hint" id=hint_id>{move || i18n.t().lifecycle.upload_hint}</p>
            <Show when=move || file_error.get().is_some()>
                <p class="field-error" role="alert" data-testid=error_testid>{move || file_error.get()}</p>
            </Show>
            <ErrorAlert error=other_error testid=alert_testid/>
        </div>
    }
}
