//! Page requests of lists: parsed and bounded once.

use crate::domain::error::DomainError;

/// A validated page request: 1-based page and rows per page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// 1-based page number.
    pub page: u32,
    /// Rows per page.
    pub per_page: u32,
}

impl PageRequest {
    /// Parses `?page=&per_page=`: page ≥ 1, within `openapi::limits::PAGE` and `PER_PAGE`.
    pub fn parse(query: &openapi::PageQuery) -> Result<Self, DomainError> {
        use openapi::FieldErrorCode::OutOfRange;
        use openapi::limits::{PAGE, PER_PAGE};
        use openapi::pagination::DEFAULT_PER_PAGE;
        let page = query.page.unwrap_or(1);
        let per_page = query.per_page.unwrap_or(DEFAULT_PER_PAGE);
        if !PAGE.contains(page) {
            return Err(DomainError::field(
                "page",
                OutOfRange,
                format!("must be {} or more", PAGE.min),
            ));
        }
        if !PER_PAGE.contains(per_page) {
            return Err(DomainError::field(
                "per_page",
                OutOfRange,
                format!("must be from {} to {}", PER_PAGE.min, PER_PAGE.max),
            ));
        }
        Ok(Self { page, per_page })
    }

    /// Rows to skip.
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }

    /// Rows to take.
    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }

    /// Wraps the rows of this page.
    pub fn wrap<T>(self, items: Vec<T>, total: i64) -> openapi::Page<T> {
        openapi::Page {
            items,
            page: self.page,
            per_page: self.per_page,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::FieldErrorCode::OutOfRange;

    #[test]
    fn page_requests_are_bounded() {
        let query = |page, per_page| openapi::PageQuery { page, per_page };
        assert_eq!(
            PageRequest::parse(&query(None, None)).unwrap(),
            PageRequest { page: 1, per_page: 20 }
        );
        assert_eq!(PageRequest::parse(&query(Some(3), Some(10))).unwrap().offset(), 20);
        assert_eq!(
            PageRequest::parse(&query(Some(0), None)).unwrap_err().fields(),
            vec![("page", OutOfRange)]
        );
        assert_eq!(
            PageRequest::parse(&query(None, Some(101))).unwrap_err().fields(),
            vec![("per_page", OutOfRange)]
        );
    }
}
