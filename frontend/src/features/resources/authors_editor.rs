//! The authors of a resource and their shares, as rows to add and remove.

use crate::api::ApiError;
use crate::i18n::use_i18n;
use crate::ui::field_error::{FieldError, server_message_for, server_message_own};
use crate::ui::option_select::OptionSelect;
use crate::ui::text_field::TextField;
use leptos::prelude::*;
use openapi::resources::Author;
use openapi::{FieldErrorCode, UserId};

/// One author as edited: an account of the school or a name, and a share in percent.
#[derive(Debug, Clone, Copy)]
pub struct AuthorDraft {
    key: u32,
    user_id: RwSignal<Option<UserId>>,
    name: RwSignal<String>,
    share: RwSignal<String>,
}

impl AuthorDraft {
    /// A row for `author` (an empty one without), told apart from the others by `key`.
    pub fn new(key: u32, author: Option<&Author>) -> Self {
        Self {
            key,
            user_id: RwSignal::new(author.and_then(|author| author.user_id)),
            name: RwSignal::new(
                author
                    .filter(|author| author.user_id.is_none())
                    .map(|author| author.name.clone())
                    .unwrap_or_default(),
            ),
            share: RwSignal::new(author.map(|author| author.share.to_string()).unwrap_or_default()),
        }
    }

    /// The author as sent; a share that is not a number is sent as 0, which the server
    /// refuses next to the field.
    pub fn author(&self) -> Author {
        let user_id = self.user_id.get_untracked();
        Author {
            user_id,
            name: if user_id.is_some() {
                String::new()
            } else {
                self.name.get_untracked().trim().to_owned()
            },
            share: self.share.get_untracked().trim().parse().unwrap_or(0),
        }
    }

    /// The share typed, as a number (0 when it is not one; reactive).
    fn share_value(&self) -> u32 {
        self.share.with(|share| share.trim().parse().unwrap_or(0))
    }
}

/// A fieldset with one row per author: a choice of the school's accounts (when there are
/// any to offer) or a name, a share, and a removal button; a button that adds a row; the
/// running sum of the shares, and the server's objections next to each field.
#[component]
pub fn AuthorsEditor(
    /// The rows; the editor adds and removes them.
    rows: RwSignal<Vec<AuthorDraft>>,
    /// The accounts of the school that may be chosen.
    #[prop(into)]
    accounts: Signal<Vec<(UserId, String)>>,
    /// The last failed save, whose field errors are shown.
    #[prop(into)]
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || rows.with(|rows| rows.iter().map(AuthorDraft::share_value).sum::<u32>());
    let add = move |_| {
        rows.update(|rows| {
            let key = rows.iter().map(|row| row.key).max().map_or(0, |key| key + 1);
            rows.push(AuthorDraft::new(key, None));
        });
    };
    let authors_message = server_message_own(
        error,
        || "authors".to_owned(),
        |t, code| match code {
            FieldErrorCode::OutOfRange => Some(t.resources.shares_rule),
            FieldErrorCode::Required => Some(t.resources.authors_required),
            _ => None,
        },
    );

    let row = move |row: AuthorDraft| {
        let key = row.key;
        let index = move || rows.with(|rows| rows.iter().position(|other| other.key == key).unwrap_or(usize::MAX));
        let field = move |name: &'static str| move || format!("authors[{}].{name}", index());
        let account = move || {
            (!accounts.with(Vec::is_empty)).then(|| {
                view! {
                    <OptionSelect
                        id=format!("author-{key}-account")
                        label=|t| t.resources.author
                        none=|t| t.resources.author_other
                        options=accounts
                        value=row.user_id
                        error=server_message_for(error, field("user_id"))
                        testid=false
                    />
                }
            })
        };
        view! {
            <div class="row-editor" data-testid="author-row">
                {account}
                <Show when=move || row.user_id.with(Option::is_none)>
                    <TextField
                        id=format!("author-{key}-name")
                        label=|t| t.resources.author_name
                        autocomplete="off"
                        testid=false
                        value=row.name
                        error=server_message_for(error, field("name"))
                    />
                </Show>
                <div class="row-editor-share">
                    <TextField
                        id=format!("author-{key}-share")
                        label=|t| t.resources.share
                        input_type="number"
                        autocomplete="off"
                        testid=false
                        value=row.share
                        error=server_message_own(error, field("share"), |t, code| {
                            (code == FieldErrorCode::OutOfRange).then_some(t.resources.share_range)
                        })
                    />
                </div>
                <button
                    type="button"
                    class="button button-small row-editor-remove"
                    data-testid="remove-author"
                    on:click=move |_| rows.update(|rows| rows.retain(|other| other.key != key))
                >
                    {move || i18n.t().resources.remove}
                </button>
            </div>
        }
    };

    view! {
        <fieldset class="row-editors" aria-describedby="resource-authors-error" data-testid="resource-authors">
            <legend>{move || i18n.t().resources.authors}</legend>
            <For each=move || rows.get() key=|row| row.key children=row/>
            <div class="row-editors-foot">
                <button type="button" class="button button-small" data-testid="add-author" on:click=add>
                    {move || i18n.t().resources.add_author}
                </button>
                <span class="share-total" class:share-off=move || total() != 100 data-testid="share-total">
                    {move || format!("{}: {} %", i18n.t().resources.shares_total, total())}
                </span>
            </div>
            <FieldError id="resource-authors-error" message=authors_message/>
        </fieldset>
    }
}
