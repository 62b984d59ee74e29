//! Logging: JSON lines (or text) on stderr, filtered by `RUST_LOG`, and a middleware
//! that gives every request an id and logs one line when it completes.

use crate::error::REQUEST_ID;
use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use std::time::Instant;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

/// The header that carries the request id in and out.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Installs the global subscriber; a second call (as in tests) is a no-op.
pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if format == "text" {
        builder.try_init()
    } else {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    };
}

/// The id of a request, stored in its extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = !value.is_empty() && value.len() <= 64 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| value.to_owned())
}

/// The path as it may be logged: the token of a feedback link (`/feedback/<token>`,
/// `/api/public/feedback/<token>`) is a bearer credential and is replaced by
/// `[token]`. The query string is never logged.
pub fn redacted_path(path: &str) -> String {
    const TOKEN_PREFIXES: [&str; 2] = ["/api/public/feedback/", "/feedback/"];
    for prefix in TOKEN_PREFIXES {
        if let Some(rest) = path.strip_prefix(prefix)
            && !rest.is_empty()
        {
            let tail = rest.find('/').map_or("", |slash| &rest[slash..]);
            return format!("{prefix}[token]{tail}");
        }
    }
    path.to_owned()
}

/// Assigns the request id (the client's, if well-formed), runs the request inside a
/// span carrying it, echoes it in the response and logs the outcome.
pub async fn request_id_middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    req.extensions_mut().insert(RequestId(id.clone()));
    let method = req.method().to_string();
    let path = redacted_path(req.path());
    let span = tracing::info_span!("request", request_id = %id, %method, %path);
    let started = Instant::now();
    let result = REQUEST_ID
        .scope(id.clone(), next.call(req))
        .instrument(span.clone())
        .await;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| match &result {
        Ok(res) => tracing::info!(status = res.status().as_u16(), elapsed_ms, "request completed"),
        Err(err) => tracing::warn!(error = %err, elapsed_ms, "request failed"),
    });
    let mut res = result?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::middleware::from_fn;
    use actix_web::test as actix_test;
    use actix_web::{App, HttpResponse, web};
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    #[test]
    fn feedback_tokens_are_redacted_and_other_paths_kept() {
        assert_eq!(
            redacted_path("/api/public/feedback/eyJ0eXAi.eyJzdWIi.abc"),
            "/api/public/feedback/[token]"
        );
        assert_eq!(redacted_path("/feedback/eyJ0eXAi.eyJzdWIi.abc"), "/feedback/[token]");
        assert_eq!(redacted_path("/feedback/abc/extra"), "/feedback/[token]/extra");
        assert_eq!(
            redacted_path("/api/deliveries/4/feedback-links"),
            "/api/deliveries/4/feedback-links"
        );
        assert_eq!(redacted_path("/api/resources/7/feedback"), "/api/resources/7/feedback");
        assert_eq!(redacted_path("/feedback/"), "/feedback/");
    }

    /// A log sink the test reads back.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::Error::other("poisoned"))?
                .extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[actix_web::test]
    async fn the_request_log_never_holds_a_feedback_token() {
        let captured = Captured::default();
        let sink = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_writer(move || sink.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let app = actix_test::init_service(
            App::new()
                .wrap(from_fn(request_id_middleware))
                .route("/api/public/feedback/{token}", web::get().to(HttpResponse::Ok)),
        )
        .await;
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJkZWxpdmVyeSI6NDJ9.c2lnbmF0dXJlLW9mLXRoZS1saW5r";
        let req = actix_test::TestRequest::get()
            .uri(&format!("/api/public/feedback/{token}?t={token}"))
            .to_request();
        let res = actix_test::call_service(&app, req).await;
        assert!(res.status().is_success());
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(log.contains("request completed"), "the request was logged: {log}");
        assert!(log.contains("/api/public/feedback/[token]"), "{log}");
        assert!(!log.contains("c2lnbmF0dXJl"), "no part of the token's signature: {log}");
    }
}
