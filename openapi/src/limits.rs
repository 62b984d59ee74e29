//! The lengths the server accepts for free-text fields of requests, stated once: the
//! server checks them (`backend::domain::text::bounded`) and the OpenAPI document
//! publishes them from the same constants ([`PUBLISHED`]), as `minLength`, `maxLength`
//! and a `pattern`.

/// The accepted length of a free-text field, in characters (Unicode scalar values, as
/// JSON Schema counts them): at most `max` as sent, and at least `min` once the
/// surrounding white space is trimmed; no control characters inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// The fewest characters after trimming.
    pub min: usize,
    /// The most characters as sent.
    pub max: usize,
}

impl Text {
    /// A length of `min..=max` characters.
    pub const fn new(min: usize, max: usize) -> Self {
        Self { min, max }
    }

    /// The JSON Schema `pattern` of the rule: optional white space around a core that
    /// starts and ends with a visible character, is at least `min` long and holds no
    /// control character. White space is spelled out as Rust's `char::is_whitespace`
    /// reads it, so that the pattern and the server agree on every character.
    pub fn pattern(self) -> String {
        let edge = format!("[^{WHITE_SPACE}{CONTROL}]");
        let inner = format!("[^{CONTROL}]");
        let core = match self.min {
            0 | 1 => format!("(?:{edge}(?:{inner}*{edge})?)"),
            min => format!("{edge}{inner}{{{},}}{edge}", min - 2),
        };
        format!("^[{WHITE_SPACE}]*{core}[{WHITE_SPACE}]*$")
    }
}

/// The characters `char::is_whitespace` trims, as a character class body.
const WHITE_SPACE: &str = "\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/// The characters `char::is_control` refuses, as a character class body.
const CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";

/// A person's full name (accounts, the signed-in user's profile).
pub const FULL_NAME: Text = Text::new(3, 200);
/// An organisation's official name.
pub const ORGANISATION_NAME: Text = Text::new(3, 300);
/// An organisation's short name for lists.
pub const ORGANISATION_SHORT_NAME: Text = Text::new(2, 100);
/// The municipality of an organisation.
pub const MUNICIPALITY: Text = Text::new(2, 200);

/// Every request field whose length the document states: schema, property, rule.
pub const PUBLISHED: &[(&str, &str, Text)] = &[
    ("CreateUser", "full_name", FULL_NAME),
    ("UpdateUser", "full_name", FULL_NAME),
    ("UpdateMe", "full_name", FULL_NAME),
    ("CreateOrganisation", "name", ORGANISATION_NAME),
    ("CreateOrganisation", "short_name", ORGANISATION_SHORT_NAME),
    ("CreateOrganisation", "municipality", MUNICIPALITY),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_names_the_shortest_core() {
        assert_eq!(
            FULL_NAME.pattern(),
            format!(
                "^[{WHITE_SPACE}]*[^{WHITE_SPACE}{CONTROL}][^{CONTROL}]{{1,}}[^{WHITE_SPACE}{CONTROL}][{WHITE_SPACE}]*$"
            )
        );
        assert!(
            Text::new(1, 30).pattern().contains(")?)"),
            "one visible character suffices"
        );
    }
}
