//! Page-number pagination shared by every list endpoint.

use serde::{Deserialize, Serialize};

/// The largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// The page size used when the client does not ask for one.
pub const DEFAULT_PER_PAGE: u32 = 20;

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
    /// How many rows match the filters across all pages.
    pub total: i64,
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
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }
}
