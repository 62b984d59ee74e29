//! A drop-down whose options are not a closed set: schools, committees, accounts of a
//! school, school years. The functions below load the usual option lists.

use crate::api;
use crate::i18n::{Pick, use_i18n};
use crate::ui::field_error::FieldError;
use leptos::prelude::*;
use openapi::organisations::{Organisation, OrganisationFilter, OrganisationKind};
use openapi::pagination::MAX_PER_PAGE;
use openapi::users::{Role, UserFilter};
use openapi::{OrganisationId, PageQuery, UserId};
use std::fmt::Display;

/// A label and a select with an optional empty choice and one option per entry of
/// `options`, bound to `value`; with a message under it when a problem is given.
#[component]
pub fn OptionSelect<K>(
    /// The select's id (and `data-testid` unless `testid` is off); the message's id is
    /// `<id>-error`.
    #[prop(into)]
    id: String,
    /// The label's text in the catalogue.
    label: Pick,
    /// The text of the empty choice («Все», «— выберите —»), if there is one.
    #[prop(optional)]
    none: Option<Pick>,
    /// The choices: a value and its text.
    #[prop(into)]
    options: Signal<Vec<(K, String)>>,
    /// The value chosen, `None` for the empty choice; the select changes it.
    value: RwSignal<Option<K>>,
    /// The message, if the field has a problem.
    #[prop(optional, into)]
    error: Option<Signal<Option<&'static str>>>,
    /// Called after the user chose (a filter goes back to the first page).
    #[prop(optional)]
    on_change: Option<Callback<()>>,
    /// Whether the select carries its id as `data-testid` too; off where the id changes
    /// from row to row.
    #[prop(default = true)]
    testid: bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Display + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let described_by = error.is_some().then(|| error_id.clone());
    let error = error.map(|message| view! { <FieldError id=error_id message=message/> });
    let empty = none.map(|none| {
        view! {
            <option value="" selected=move || value.with(Option::is_none)>
                {move || none(i18n.t())}
            </option>
        }
    });
    let choices = move || {
        options
            .get()
            .into_iter()
            .map(|(key, text)| {
                view! {
                    <option value=key.to_string() selected=move || value.get() == Some(key)>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <div class="field">
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <select
                id=id.clone()
                data-testid=testid.then(|| id.clone())
                aria-describedby=described_by
                on:change=move |event| {
                    let key = event_target_value(&event);
                    let chosen = options.with_untracked(|options| {
                        options.iter().find(|(value, _)| value.to_string() == key).map(|(value, _)| *value)
                    });
                    value.set(chosen);
                    if let Some(on_change) = on_change {
                        on_change.run(());
                    }
                }
            >
                {empty}
                {choices}
            </select>
            {error}
        </div>
    }
}

/// The organisations of a kind (every kind without one), by name; empty until loaded
/// or when the list cannot be read.
pub fn organisations(kind: Option<OrganisationKind>) -> Signal<Vec<Organisation>> {
    let list = LocalResource::new(move || async move {
        let filter = OrganisationFilter { q: None, kind };
        api::organisations::list_organisations(&filter, whole_list()).await
    });
    Signal::derive(move || {
        list.get()
            .and_then(Result::ok)
            .map(|page| page.items)
            .unwrap_or_default()
    })
}

/// The organisations of a kind (every kind without one) but `own`, as choices by short
/// name: whom a school asks or serves.
pub fn other_organisations(
    kind: Option<OrganisationKind>,
    own: Option<OrganisationId>,
) -> Signal<Vec<(OrganisationId, String)>> {
    let all = organisations(kind);
    Signal::derive(move || {
        all.get()
            .into_iter()
            .filter(|org| Some(org.id) != own)
            .map(|org| (org.id, org.short_name))
            .collect()
    })
}

/// The active accounts of the school `org` (with `role`, if given) as choices by full
/// name; nothing is asked when `allowed` is false, since only the school's administration
/// may list its accounts.
pub fn school_accounts(org: OrganisationId, role: Option<Role>, allowed: bool) -> Signal<Vec<(UserId, String)>> {
    let list = LocalResource::new(move || async move {
        if !allowed {
            return Vec::new();
        }
        let filter = UserFilter {
            q: None,
            role,
            active: Some(true),
        };
        api::users::list_users(org, &filter, whole_list())
            .await
            .map(|page| page.items.into_iter().map(|user| (user.id, user.full_name)).collect())
            .unwrap_or_default()
    });
    Signal::derive(move || list.get().unwrap_or_default())
}

/// The first page at the largest page size: the whole list for a municipality's
/// organisations or a school's staff.
fn whole_list() -> PageQuery {
    PageQuery {
        page: Some(1),
        per_page: Some(MAX_PER_PAGE),
    }
}
