//! Page requests of lists: parsed and bounded once; and keyset cursors, which carry the
//! page number and the sort key of the last row shown.

use crate::domain::error::DomainError;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

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
        crate::domain::text::in_range("per_page", per_page, PER_PAGE)?;
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
            total_capped: false,
            next_cursor: None,
        }
    }
}

/// The sort key of a list with keyset pagination, as a cursor writes it.
pub trait SortKey: Sized {
    /// The key as text.
    fn write(&self) -> String;
    /// The key back from its text; `None` if it is not one.
    fn read(text: &str) -> Option<Self>;
}

/// Newest first: the id.
impl SortKey for i64 {
    fn write(&self) -> String {
        self.to_string()
    }

    fn read(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// By a name, ties by id.
impl SortKey for (String, i64) {
    fn write(&self) -> String {
        format!("{}\n{}", self.1, self.0)
    }

    fn read(text: &str) -> Option<Self> {
        let (id, name) = text.split_once('\n')?;
        Some((name.to_owned(), id.parse().ok()?))
    }
}

/// The rows of one page, and the sort key of its last row when another page follows
/// (see [`Keyset::split`]).
pub type Split<T, K> = (Vec<T>, Option<K>);

/// A page request of a list with keyset pagination: by number (`after` is `None`, the
/// rows are skipped) or by cursor (the rows after the key, whatever the page's number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyset<K> {
    /// The page's number and size.
    pub page: PageRequest,
    /// The sort key of the last row before this page, from the cursor.
    pub after: Option<K>,
}

impl<K: SortKey> Keyset<K> {
    /// Parses `?page=&per_page=&cursor=`: a cursor, when given, decides the page.
    pub fn parse(query: &openapi::PageQuery, cursor: &openapi::CursorQuery) -> Result<Self, DomainError> {
        let mut page = PageRequest::parse(query)?;
        let Some(cursor) = cursor.cursor.as_deref() else {
            return Ok(Self { page, after: None });
        };
        let invalid = || {
            DomainError::field(
                "cursor",
                openapi::FieldErrorCode::InvalidFormat,
                "is not a cursor of this list",
            )
        };
        if cursor.len() > openapi::pagination::MAX_CURSOR_LEN {
            return Err(invalid());
        }
        let text = URL_SAFE_NO_PAD
            .decode(cursor)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(invalid)?;
        let (number, key) = text.split_once('\n').ok_or_else(invalid)?;
        page.page = number.parse().ok().filter(|n| *n > 1).ok_or_else(invalid)?;
        let after = K::read(key).ok_or_else(invalid)?;
        Ok(Self {
            page,
            after: Some(after),
        })
    }

    /// Rows to skip: none after a cursor.
    pub fn offset(&self) -> i64 {
        if self.after.is_some() { 0 } else { self.page.offset() }
    }

    /// Rows to read: one more than a page, to tell whether another page follows.
    pub fn limit(&self) -> i64 {
        self.page.limit() + 1
    }

    /// Splits the rows read (up to [`Self::limit`]) into the page's rows and, when a row
    /// beyond them was read, the sort key of the page's last row: where the next page
    /// starts.
    pub fn split<T>(&self, mut rows: Vec<T>, key: impl Fn(&T) -> K) -> Split<T, K> {
        let per_page = usize::try_from(self.page.per_page).unwrap_or(usize::MAX);
        let more = rows.len() > per_page;
        rows.truncate(per_page);
        let next = rows.last().filter(|_| more).map(key);
        (rows, next)
    }

    /// The page of rows already split, with the cursor of the next page when one follows
    /// (`next`, from [`Self::split`]).
    pub fn page<T>(&self, items: Vec<T>, total: i64, next: Option<K>) -> openapi::Page<T> {
        let next_cursor = next.map(|key| {
            let number = self.page.page.saturating_add(1);
            URL_SAFE_NO_PAD.encode(format!("{number}\n{}", key.write()))
        });
        openapi::Page {
            next_cursor,
            ..self.page.wrap(items, total)
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

    #[test]
    fn a_cursor_carries_the_next_page_and_the_last_key_and_nothing_else_is_one() {
        let query = openapi::PageQuery {
            page: Some(7),
            per_page: Some(2),
        };
        let first = Keyset::<(String, i64)>::parse(&query, &openapi::CursorQuery::default()).unwrap();
        assert_eq!((first.offset(), first.limit()), (12, 3));
        let rows = vec![("Б".to_owned(), 4), ("В\nГ".to_owned(), 2), ("Д".to_owned(), 9)];
        let (items, after) = first.split(rows.clone(), Clone::clone);
        assert_eq!(items, rows[..2]);
        let page = first.page(items, 30, after);
        let cursor = openapi::CursorQuery {
            cursor: page.next_cursor,
        };
        let next = Keyset::<(String, i64)>::parse(&query, &cursor).unwrap();
        assert_eq!(next.page.page, 8, "the cursor's page, not the query's");
        assert_eq!(next.after, Some(("В\nГ".to_owned(), 2)));
        assert_eq!(next.offset(), 0);
        assert_eq!(next.split(rows[..2].to_vec(), Clone::clone).1, None, "the last page");
        for bad in [
            "",
            "%%%",
            "MQ",
            &URL_SAFE_NO_PAD.encode("0\n1"),
            &URL_SAFE_NO_PAD.encode("2\nx"),
        ] {
            let cursor = openapi::CursorQuery {
                cursor: Some(bad.to_owned()),
            };
            let err = Keyset::<i64>::parse(&query, &cursor).unwrap_err();
            assert_eq!(
                err.fields(),
                vec![("cursor", openapi::FieldErrorCode::InvalidFormat)],
                "{bad:?}"
            );
        }
    }
}
