//! Choosing a user's roles.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use openapi::users::Role;

/// A fieldset with one labelled checkbox per role.
#[component]
pub fn RoleCheckboxes(
    /// The roles ticked; the checkboxes change it.
    selected: RwSignal<Vec<Role>>,
    /// A prefix that makes the checkbox ids unique on the page.
    id_prefix: String,
    /// The id of the message describing a problem with the roles.
    #[prop(into)]
    described_by: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let boxes = Role::ALL
        .into_iter()
        .map(|role| {
            let id = format!("{id_prefix}-role-{}", role.as_str());
            let toggle = move |checked: bool| {
                selected.update(|roles| {
                    roles.retain(|held| *held != role);
                    if checked {
                        roles.push(role);
                        roles.sort();
                    }
                });
            };
            view! {
                <label class="check" for=id.clone()>
                    <input
                        type="checkbox"
                        id=id.clone()
                        value=role.as_str()
                        data-testid=format!("role-{}", role.as_str())
                        prop:checked=move || selected.with(|roles| roles.contains(&role))
                        on:change=move |event| toggle(event_target_checked(&event))
                    />
                    {move || i18n.t().role(role)}
                </label>
            }
        })
        .collect_view();

    view! {
        <fieldset class="field checks" aria-describedby=described_by>
            <legend>{move || i18n.t().roles}</legend>
            {boxes}
        </fieldset>
    }
}
