//! CSV for spreadsheets used in Russia: UTF-8 with a byte-order mark (so Excel reads
//! Cyrillic), `;` between fields (the list separator of the Russian locale), fields
//! quoted when they contain `;`, `"` or a line break, lines ended by CRLF. A text cell
//! that a spreadsheet would run as a formula is defused with a leading apostrophe.

use std::borrow::Cow;

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One CSV line with its CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let field = defused(field.as_ref());
        if field.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
    out
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell that would start a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
/// first) with an apostrophe in front, which spreadsheets show as text; a plain number
/// such as `-12,5` stays a number.
fn defused(field: &str) -> Cow<'_, str> {
    if field.starts_with(FORMULA_STARTS) && !is_number(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Whether a cell is a plain decimal: an optional minus, digits, at most one `,` or `.`
/// followed by digits.
fn is_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once([',', '.']).unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A decimal with a comma, as the Russian locale writes it; empty when absent.
pub fn decimal(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}").replace('.', ",")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(line(&["СОШ № 61", "12"]), "СОШ № 61;12\r\n");
        assert_eq!(
            line(&["МБОУ «СОШ»; корпус 2", "a\"b"]),
            "\"МБОУ «СОШ»; корпус 2\";\"a\"\"b\"\r\n"
        );
        assert_eq!(line(&["строка\nвторая"]), "\"строка\nвторая\"\r\n");
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_defused() {
        assert_eq!(
            line(&["=HYPERLINK(\"http://x\")"]),
            "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
        );
        assert_eq!(line(&["+7 (999)", "-2+3", "@SUM(A1)"]), "'+7 (999);'-2+3;'@SUM(A1)\r\n");
        assert_eq!(line(&["\tcmd", "\r=1"]), "'\tcmd;\"'\r=1\"\r\n");
        assert_eq!(line(&["Школа = площадка", "a-b"]), "Школа = площадка;a-b\r\n");
    }

    #[test]
    fn negative_figures_stay_numbers() {
        assert_eq!(
            line(&[decimal(Some(-100.0)), decimal(Some(-5.5)), "-3".to_owned()]),
            "-100,0;-5,5;-3\r\n"
        );
        assert_eq!(line(&["-", "-,5", "-1,2,3"]), "'-;'-,5;'-1,2,3\r\n");
    }

    #[test]
    fn decimals_use_a_comma_and_absent_values_are_empty() {
        assert_eq!(decimal(Some(66.66)), "66,7");
        assert_eq!(decimal(Some(-100.0)), "-100,0");
        assert_eq!(decimal(None), "");
    }
}
