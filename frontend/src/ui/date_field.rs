//! A date input: the browser's date picker, read as a [`NaiveDate`].

use crate::i18n::{Pick, use_i18n};
use crate::ui::text_field::TextField;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A labelled `<input type="date">`; an empty or unreadable date is reported as required
/// once the form was submitted (`checked`), else the server's message is shown.
#[component]
pub fn DateField(
    /// The input's id and `data-testid`.
    #[prop(into)]
    id: String,
    /// The label's text.
    label: Pick,
    /// The value as `yyyy-mm-dd`, as the input gives it.
    value: RwSignal<String>,
    /// Whether the form was submitted (then a missing date is reported).
    checked: RwSignal<bool>,
    /// The server's message, if any.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = Signal::derive(move || {
        if checked.get() && parse_date(&value.get()).is_none() {
            Some(i18n.t().field_required)
        } else {
            error.get()
        }
    });
    view! {
        <TextField id=id label=label input_type="date" autocomplete="off" value=value error=message/>
    }
}

/// The date of a date input's value, `yyyy-mm-dd`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// Today in the browser's time zone, as a date input's value.
pub fn today_value() -> String {
    let today = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    )
}

#[cfg(test)]
mod tests {
    use super::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn a_date_input_s_value_is_read_and_anything_else_is_not() {
        assert_eq!(parse_date("2026-08-31"), NaiveDate::from_ymd_opt(2026, 8, 31));
        assert_eq!(parse_date(" 2026-01-05 "), NaiveDate::from_ymd_opt(2026, 1, 5));
        for value in ["", "31.08.2026", "2026-02-30", "2026-13-01", "завтра"] {
            assert_eq!(parse_date(value), None, "{value}");
        }
    }
}
