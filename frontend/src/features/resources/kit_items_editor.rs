//! The products of a material kit, as rows to add and remove.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::ui::field_error::{FieldError, server_message_for, server_message_own};
use crate::ui::select_field::SelectField;
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use openapi::FieldErrorCode;
use openapi::resources::{KitItem, KitItemType};

/// One product of the kit as edited.
#[derive(Debug, Clone, Copy)]
pub struct KitDraft {
    key: u32,
    item_type: RwSignal<KitItemType>,
    title: RwSignal<String>,
}

impl KitDraft {
    /// A row for `item` (an empty one without), told apart from the others by `key`.
    pub fn new(key: u32, item: Option<&KitItem>) -> Self {
        Self {
            key,
            item_type: RwSignal::new(item.map_or(KitItemType::MethodologicalRecommendations, |item| item.item_type)),
            title: RwSignal::new(item.map(|item| item.title.clone()).unwrap_or_default()),
        }
    }

    /// The product as sent.
    pub fn item(&self) -> KitItem {
        KitItem {
            item_type: self.item_type.get_untracked(),
            title: self.title.get_untracked().trim().to_owned(),
        }
    }
}

/// A fieldset with one row per product (its type and title, and a removal button), a
/// button that adds a row, and the server's objections next to each field.
#[component]
pub fn KitItemsEditor(
    /// The rows; the editor adds and removes them.
    rows: RwSignal<Vec<KitDraft>>,
    /// The last failed save, whose field errors are shown.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_| {
        rows.update(|rows| {
            let key = rows.iter().map(|row| row.key).max().map_or(0, |key| key + 1);
            rows.push(KitDraft::new(key, None));
        });
    };
    let kit_message = server_message_own(
        error,
        || "kit_items".to_owned(),
        |t, code| (code == FieldErrorCode::Required).then_some(t.resources.kit_required),
    );

    let row = move |row: KitDraft| {
        let key = row.key;
        let index = move || rows.with(|rows| rows.iter().position(|other| other.key == key).unwrap_or(usize::MAX));
        view! {
            <div class="row-editor" data-testid="kit-item-row">
                <SelectField
                    id=format!("kit-{key}-type")
                    label=|t| t.resources.kit_item_type
                    value=row.item_type
                    testid=false
                />
                <TextField
                    id=format!("kit-{key}-title")
                    label=|t| t.resources.kit_item_title
                    autocomplete="off"
                    testid=false
                    value=row.title
                    error=server_message_for(error, move || format!("kit_items[{}].title", index()))
                />
                <button
                    type="button"
                    class="button button-small row-editor-remove"
                    data-testid="remove-kit-item"
                    on:click=move |_| rows.update(|rows| rows.retain(|other| other.key != key))
                >
                    {move || i18n.t().resources.remove}
                </button>
            </div>
        }
    };

    view! {
        <fieldset class="row-editors" aria-describedby="resource-kit-items-error" data-testid="resource-kit-items">
            <legend>{move || i18n.t().resources.kit_items}</legend>
            <For each=move || rows.get() key=|row| row.key children=row/>
            <div class="row-editors-foot">
                <button type="button" class="button button-small" data-testid="add-kit-item" on:click=add>
                    {move || i18n.t().resources.add_kit_item}
                </button>
            </div>
            <FieldError id="resource-kit-items-error" message=kit_message/>
        </fieldset>
    }
}
