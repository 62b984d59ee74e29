//! Entity tags of versioned records.

use actix_web::http::header::HeaderValue;

/// The strong entity tag of a record at `version`: the version in double quotes.
pub fn etag_of(version: i32) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_etag_is_the_quoted_version() {
        assert_eq!(etag_of(12), HeaderValue::from_static("\"12\""));
    }
}
