//! Page-number pagination shared by every list endpoint, and keyset (cursor) pagination
//! beside it on the big lists (the catalogue, the registry).

use serde::{Deserialize, Serialize};

/// The largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// The page size used when the client does not ask for one.
pub const DEFAULT_PER_PAGE: u32 = 20;
/// How many matches of a text search a list counts at most: past it, `total` is this
/// number and `total_capped` is set. A common word matches a large share of a big
/// catalogue, and counting every match would cost what the whole table costs; the page
/// itself and the next cursor are found however many match. Ten pages of twenty: a
/// search that matches more is one to narrow (decision 22).
pub const SEARCH_COUNT_CAP: i64 = 200;
/// The longest cursor a list gives (a registry cursor holds a short name of up to 100
/// characters).
pub const MAX_CURSOR_LEN: usize = 800;

/// One page of a list, with the total number of matching rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The rows of this page, in the list's order.
    pub items: Vec<T>,
    /// The 1-based number of this page.
    pub page: u32,
    /// How many rows a page holds.
    pub per_page: u32,
    /// How many rows match the filters across all pages — with `total_capped`, how many
    /// were counted: at least this many match.
    pub total: i64,
    /// Set when a text search matched more rows than a list counts (200): `total` is
    /// then that cap, the page numbers reach only that far, and `next_cursor` goes on
    /// past it. Absent otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub total_capped: bool,
    /// On lists with keyset pagination, the `cursor` of the next page; absent on the
    /// last page. A cursor page costs what the first page costs, however deep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// How many pages the list has (at least one, even when empty).
    pub fn page_count(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        let pages = (self.total + per_page - 1) / per_page;
        u32::try_from(pages.max(1)).unwrap_or(u32::MAX)
    }
}

/// Which page to return: `?page=2&per_page=50`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// The 1-based page number (default 1).
    #[cfg_attr(feature = "schema", param(value_type = Option<i64>))]
    pub page: Option<u32>,
    /// Rows per page (default 20).
    pub per_page: Option<u32>,
}

/// Which page to return by keyset: `?cursor=` from the previous page's `next_cursor`
/// (with the same filters and `per_page`). When given, `page` is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CursorQuery {
    /// An opaque cursor from a page's `next_cursor`.
    pub cursor: Option<String>,
}

/// The `cursor` parameter, bounded by [`MAX_CURSOR_LEN`] (the derive takes only a
/// literal length).
#[cfg(feature = "schema")]
impl utoipa::IntoParams for CursorQuery {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        use utoipa::openapi::{ObjectBuilder, Required, Type};
        vec![
            ParameterBuilder::new()
                .name("cursor")
                .parameter_in(ParameterIn::Query)
                .description(Some("An opaque cursor from a page's `next_cursor`."))
                .required(Required::False)
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .max_length(Some(MAX_CURSOR_LEN)),
                ))
                .build(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        let page = |total| Page::<()> {
            items: vec![],
            page: 1,
            per_page: 20,
            total,
            total_capped: false,
            next_cursor: None,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }

    #[cfg(feature = "schema")]
    #[test]
    fn the_spec_bounds_the_cursor_as_the_server_does() {
        use utoipa::IntoParams;
        let params = CursorQuery::into_params(|| None);
        let schema = serde_json::to_value(&params[0]).unwrap();
        assert_eq!(schema["schema"]["maxLength"], MAX_CURSOR_LEN);
    }
}
