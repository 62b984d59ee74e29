//! `wire_enum!`: an enum that travels as a snake_case string, with its spellings listed
//! once for serde, the database and the OpenAPI schema.

/// Declares a wire enum with `ALL`, `as_str` and `parse`, and (with the `schema`
/// feature) its OpenAPI schema: a string whose `enum` lists exactly the wire spellings.
///
/// The schema is written here rather than derived: utoipa's derive does not see a
/// `#[serde(rename = $wire)]` whose literal comes from a macro (it arrives wrapped in an
/// invisible group), and so listed the Rust variant names instead of the spellings.
#[macro_export]
macro_rules! wire_enum {
    ($(#[doc = $doc:literal])* pub enum $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $wire:literal,)+ }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[doc = $vdoc])* #[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The spelling used on the wire and in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }

            /// Parses the wire spelling.
            pub fn parse(value: &str) -> Option<Self> {
                match value {
                    $($wire => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "schema")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let values: &[(&str, &[&str])] = &[$(($wire, &[$($vdoc),*])),+];
                let description = $crate::wire::describe(&[$($doc),*], values);
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(description))
                    .enum_values(Some(values.iter().map(|(wire, _)| *wire)))
                    .into()
            }
        }

        #[cfg(feature = "schema")]
        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}

/// One doc comment as a paragraph: its lines without the leading space, joined.
fn paragraph(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// The schema description of a wire enum: the enum's doc comment, then each spelling
/// with its variant's doc comment.
pub fn describe(doc: &[&str], values: &[(&str, &[&str])]) -> String {
    let mut description = paragraph(doc);
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    let items: Vec<String> = values
        .iter()
        .map(|(wire, doc)| match paragraph(doc) {
            text if text.is_empty() => format!("- `{wire}`"),
            text => format!("- `{wire}`: {}", text.replace('\n', " ")),
        })
        .collect();
    description.push_str(&items.join("\n"));
    description
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_description_lists_each_spelling_with_its_doc() {
        let text = super::describe(
            &[" The level of", " innovation work."],
            &[("laboratory", &[" A laboratory."]), ("platform", &[])],
        );
        assert_eq!(
            text,
            "The level of\ninnovation work.\n\n- `laboratory`: A laboratory.\n- `platform`"
        );
    }
}
