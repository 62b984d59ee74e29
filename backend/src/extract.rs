//! Request extractors whose failures are problem+json bodies: a JSON body that names the
//! offending field, and the configuration of actix's query and path extractors.

use crate::error::ApiError;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use openapi::{FieldError, FieldErrorCode};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

/// The largest JSON body the API accepts.
pub const JSON_LIMIT: usize = 64 * 1024;

/// A JSON request body. Unlike `web::Json`, a body of the wrong shape yields a
/// `422 validation_failed` naming the field, and a non-JSON body a `400 malformed_body`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|mime| {
                let mime = mime.trim().to_ascii_lowercase();
                mime == "application/json" || mime.ends_with("+json")
            })
            .unwrap_or(false);
        let declared_too_large = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok())
            .is_some_and(|length| length > JSON_LIMIT);
        let mut payload = payload.take();
        Box::pin(async move {
            if declared_too_large {
                return Err(ApiError::PayloadTooLarge);
            }
            if !is_json {
                return Err(ApiError::UnsupportedMediaType);
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|err| ApiError::body_read(&err, "the body"))?;
                if body.len() + chunk.len() > JSON_LIMIT {
                    return Err(ApiError::PayloadTooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(Json)
        })
    }
}

/// Parses a JSON body, telling a syntax error from a field of the wrong shape. Every
/// body of the API is an object: serde would read a struct from an array too, so
/// anything else is refused before it gets the chance.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().find(|byte| !byte.is_ascii_whitespace()) != Some(&b'{') {
        return match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            Ok(_) => Err(ApiError::field(
                ".",
                FieldErrorCode::InvalidFormat,
                "the body must be a JSON object",
            )),
            Err(err) => Err(ApiError::MalformedBody(format!("the body is not valid JSON: {err}"))),
        };
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => {
            deserializer
                .end()
                .map_err(|err| ApiError::MalformedBody(format!("trailing characters after the JSON value: {err}")))?;
            Ok(value)
        }
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            if !inner.is_data() {
                return Err(ApiError::MalformedBody(format!("the body is not valid JSON: {inner}")));
            }
            let message = inner.to_string();
            let (field, code) = match message.strip_prefix("missing field `") {
                Some(rest) => {
                    let name = rest.split('`').next().unwrap_or_default();
                    let field = if path == "." {
                        name.to_owned()
                    } else {
                        format!("{path}.{name}")
                    };
                    (field, FieldErrorCode::Required)
                }
                None => (path, FieldErrorCode::InvalidFormat),
            };
            Err(ApiError::Validation(vec![FieldError { field, code, message }]))
        }
    }
}

/// Query-string errors as `400 invalid_query`.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _| ApiError::InvalidQuery(err.to_string()).into())
}

/// Path-parameter errors as `400 invalid_path` — but `405` when the path is another
/// route's literal one asked with a method it lacks (`GET /api/consultations/given`
/// reaches `GET /api/consultations/{id}` with `given` for the id).
pub fn path_config(methods: std::sync::Arc<crate::http::methods::Methods>) -> web::PathConfig {
    web::PathConfig::default().error_handler(move |err, req| {
        let allowed = methods.allowed(req.path());
        if !allowed.is_empty() && !allowed.contains(&req.method().as_str()) {
            return ApiError::MethodNotAllowed {
                allow: allowed.join(", "),
            }
            .into();
        }
        ApiError::InvalidPath(err.to_string()).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[expect(dead_code, reason = "only deserialised")]
    struct Body {
        email: String,
        roles: Vec<String>,
    }

    fn field_of(err: ApiError) -> (String, FieldErrorCode) {
        match err {
            ApiError::Validation(errors) => (errors[0].field.clone(), errors[0].code),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_missing_field_is_named_as_required() {
        let err = parse_json::<Body>(br#"{"roles": []}"#).unwrap_err();
        assert_eq!(field_of(err), ("email".to_owned(), FieldErrorCode::Required));
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named() {
        let err = parse_json::<Body>(br#"{"email": "a@b.ru", "roles": [1]}"#).unwrap_err();
        assert_eq!(field_of(err), ("roles[0]".to_owned(), FieldErrorCode::InvalidFormat));
    }

    #[test]
    fn an_array_is_not_read_as_a_struct() {
        let err = parse_json::<Body>(br#"["a@b.ru", []]"#).unwrap_err();
        assert_eq!(field_of(err), (".".to_owned(), FieldErrorCode::InvalidFormat));
        assert!(matches!(parse_json::<Body>(b"[1,"), Err(ApiError::MalformedBody(_))));
    }

    #[test]
    fn broken_json_is_malformed() {
        assert!(matches!(
            parse_json::<Body>(b"{\"email\": "),
            Err(ApiError::MalformedBody(_))
        ));
    }
}
