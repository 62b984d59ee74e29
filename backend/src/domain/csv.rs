//! CSV for spreadsheets used in Russia: UTF-8 with a byte-order mark (so Excel reads
//! Cyrillic), `;` between fields (the list separator of the Russian locale), fields
//! quoted when they contain `;`, `"` or a line break, lines ended by CRLF.

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One CSV line with its CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let field = field.as_ref();
        if field.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
    out
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
    fn decimals_use_a_comma_and_absent_values_are_empty() {
        assert_eq!(decimal(Some(66.66)), "66,7");
        assert_eq!(decimal(Some(-100.0)), "-100,0");
        assert_eq!(decimal(None), "");
    }
}
