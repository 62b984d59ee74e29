//! The directions of a project's work as a list of rows to add and remove.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::ui::field_error::{FieldError, server_message, server_message_for};
use leptos::prelude::*;

use rules::limits::MAX_DIRECTIONS;

/// One row of the editor: a key for the list and its text.
#[derive(Debug, Clone, Copy)]
pub struct DirectionDraft {
    key: u32,
    text: RwSignal<String>,
}

impl DirectionDraft {
    /// The rows of `directions`, in order.
    pub fn rows(directions: &[String]) -> Vec<Self> {
        directions
            .iter()
            .zip(0..)
            .map(|(text, key)| Self {
                key,
                text: RwSignal::new(text.clone()),
            })
            .collect()
    }

    /// The directions as they will be sent: trimmed, empty rows left out.
    pub fn texts(rows: &[Self]) -> Vec<String> {
        rows.iter()
            .map(|row| row.text.get_untracked().trim().to_owned())
            .filter(|text| !text.is_empty())
            .collect()
    }
}

/// A row per direction with «Убрать», and «Добавить направление» up to ten rows; the
/// server's objections appear under the row they concern.
#[component]
pub fn DirectionsEditor(
    /// The rows.
    rows: RwSignal<Vec<DirectionDraft>>,
    /// The last failed save.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_| {
        rows.update(|rows| {
            if rows.len() < MAX_DIRECTIONS {
                let key = rows.iter().map(|row| row.key).max().map_or(0, |key| key + 1);
                rows.push(DirectionDraft {
                    key,
                    text: RwSignal::new(String::new()),
                });
            }
        });
    };
    let row = move |row: DirectionDraft| {
        let key = row.key;
        let index = move || rows.with(|rows| rows.iter().position(|other| other.key == key).unwrap_or(usize::MAX));
        let error_id = format!("direction-{key}-error");
        view! {
            <div class="row-editor" data-testid="direction-row">
                <div class="field">
                    <label for=format!("direction-{key}")>
                        {move || format!("{} {}", i18n.t().launch.direction, index() + 1)}
                    </label>
                    <input id=format!("direction-{key}") type="text" autocomplete="off" bind:value=row.text/>
                    <FieldError
                        id=error_id
                        message=server_message_for(error, move || format!("directions[{}]", index()))
                    />
                </div>
                <button
                    type="button"
                    class="button button-small row-editor-remove"
                    data-testid="remove-direction"
                    on:click=move |_| rows.update(|rows| rows.retain(|other| other.key != key))
                >
                    {move || i18n.t().launch.remove}
                </button>
            </div>
        }
    };

    view! {
        <fieldset class="row-editors" data-testid="directions-editor">
            <legend>{move || i18n.t().launch.directions}</legend>
            <For each=move || rows.get() key=|row| row.key children=row/>
            <div class="row-editors-foot">
                <button
                    type="button"
                    class="button button-small"
                    data-testid="add-direction"
                    disabled=move || rows.with(|rows| rows.len() >= MAX_DIRECTIONS)
                    on:click=add
                >
                    {move || i18n.t().launch.add_direction}
                </button>
                <span class="hint">{move || i18n.t().launch.directions_limit}</span>
            </div>
            <FieldError id="directions-error" message=server_message(error, "directions")/>
        </fieldset>
    }
}
