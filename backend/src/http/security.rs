//! Browser hardening on every response — the Content-Security-Policy of the web app, the
//! API and the API docs page, `nosniff`, no referrer, no framing, `no-store` on the
//! API's personal answers — and the deadline for reading a request body.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use futures_util::Stream;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// The web app's policy: its own scripts, styles, images and API only; WebAssembly
/// compiled from its own module; no plugins, no framing, no `<base>`, forms to itself.
/// `index.html` has no inline script or style (the loader is `/boot.js`).
pub const APP_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The API's policy: a JSON or file answer opened in a browser runs and loads nothing.
pub const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The Swagger UI page's policy: its own scripts; its stylesheet draws icons from
/// `data:` SVG images; the one `<style>` element Swagger UI 5.17 injects at start is
/// allowed by its hash (a newer Swagger UI with another one shows up as a violation in
/// the browser test of this page).
pub const DOCS_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; object-src 'none'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// What a path serves, for the headers it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Served {
    /// The web app: its pages and static files.
    App,
    /// The Swagger UI page and its files.
    Docs,
    /// The published specification: public, cacheable.
    Spec,
    /// An API answer: personal or live, never stored by a cache.
    Api,
}

impl Served {
    /// What `path` serves.
    pub fn of(path: &str) -> Self {
        if path == "/api/docs" || path.starts_with("/api/docs/") {
            Self::Docs
        } else if path == "/api/openapi.json" {
            Self::Spec
        } else if path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/readyz" {
            Self::Api
        } else {
            Self::App
        }
    }

    /// The Content-Security-Policy of this kind of answer.
    pub fn policy(self) -> &'static str {
        match self {
            Self::App => APP_POLICY,
            Self::Docs => DOCS_POLICY,
            Self::Spec | Self::Api => API_POLICY,
        }
    }
}

/// How long a browser keeps a file of the web app whose name carries its content's hash:
/// a year, without asking again (a new build has new names).
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether the last segment of `path` is a web app file named with its content's hash,
/// as the build names them: `<stem>-<16 hex digits>.<js|wasm|css>`.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    matches!(ext, "js" | "wasm" | "css")
        && hash.len() == 16
        && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Adds the security headers to every response, and `Cache-Control: no-store` to every
/// API answer but the published specification: sign-in and refresh answers carry
/// tokens, everything else under `/api` is either personal or must be current. The web
/// app's hashed files are cached for good; its pages (`index.html`) are revalidated on
/// every visit, so a new build is picked up at once.
pub async fn headers_middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let served = Served::of(req.path());
    let fingerprinted = is_fingerprinted(req.path());
    let mut res = next.call(req).await?;
    let found = res.status().is_success() || res.status() == actix_web::http::StatusCode::NOT_MODIFIED;
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(served.policy()),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    match served {
        Served::Api => {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        Served::App if fingerprinted && found => {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
        }
        Served::App => {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
        Served::Docs | Served::Spec => {}
    }
    Ok(res)
}

/// How long a client has to send a request's whole body, in the app data.
#[derive(Debug, Clone, Copy)]
pub struct BodyDeadline(pub Duration);

/// Gives the request body a deadline (from [`BodyDeadline`]): a body still arriving
/// when it passes ends with a timed-out read error, which the extractors answer with
/// `408 request_timeout`. A slow client then holds a connection for that long at most.
pub async fn body_deadline_middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let deadline = req.app_data::<BodyDeadline>().map(|deadline| deadline.0);
    if let Some(deadline) = deadline {
        let payload = req.take_payload();
        let payload = match payload {
            Payload::None => Payload::None,
            inner => {
                let stream: BoxedBody = Box::pin(DeadlineStream {
                    inner,
                    timer: Box::pin(tokio::time::sleep(deadline)),
                    expired: false,
                });
                Payload::Stream { payload: stream }
            }
        };
        req.set_payload(payload);
    }
    next.call(req).await
}

type BoxedBody = Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>>;

/// A body stream that fails once its timer has run out.
struct DeadlineStream {
    inner: Payload,
    timer: Pin<Box<tokio::time::Sleep>>,
    expired: bool,
}

/// Whether a body read failed because its deadline passed.
pub fn is_deadline(err: &PayloadError) -> bool {
    matches!(err, PayloadError::Io(io) if io.kind() == std::io::ErrorKind::TimedOut)
}

impl Stream for DeadlineStream {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.expired {
            return Poll::Ready(None);
        }
        if let Poll::Ready(item) = Pin::new(&mut self.inner).poll_next(cx) {
            return Poll::Ready(item);
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => {
                self.expired = true;
                Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the request body was not received in time",
                )))))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::middleware::from_fn;
    use actix_web::test as actix_test;
    use actix_web::{App, HttpResponse, web};
    use futures_util::StreamExt;

    #[test]
    fn paths_are_told_apart() {
        assert_eq!(Served::of("/"), Served::App);
        assert_eq!(Served::of("/feedback/abc"), Served::App);
        assert_eq!(Served::of("/frontend_bg.wasm"), Served::App);
        assert_eq!(Served::of("/api/me"), Served::Api);
        assert_eq!(Served::of("/api/auth/login"), Served::Api);
        assert_eq!(Served::of("/readyz"), Served::Api);
        assert_eq!(Served::of("/api/docs/"), Served::Docs);
        assert_eq!(Served::of("/api/docs/swagger-ui.css"), Served::Docs);
        assert_eq!(Served::of("/api/openapi.json"), Served::Spec);
        assert_eq!(Served::of("/apidocs"), Served::App);
    }

    #[test]
    fn hashed_file_names_are_told_from_others() {
        assert!(is_fingerprinted("/frontend-0123456789abcdef.js"));
        assert!(is_fingerprinted("/split_project_route-fedcba9876543210.wasm"));
        assert!(is_fingerprinted("/style-00ff00ff00ff00ff.css"));
        assert!(!is_fingerprinted("/index.html"));
        assert!(!is_fingerprinted("/frontend.js"));
        assert!(!is_fingerprinted("/frontend-0123456789ABCDEF.js"));
        assert!(!is_fingerprinted("/frontend-0123456789abcde.js"));
        assert!(!is_fingerprinted("/feedback/eyJ0eXAi-0123456789abcdef"));
        assert!(!is_fingerprinted("/data-0123456789abcdef.json"));
    }

    #[test]
    fn the_app_policy_allows_no_inline_script_or_eval() {
        assert!(APP_POLICY.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!APP_POLICY.contains("unsafe-inline"));
        assert!(!APP_POLICY.contains("'unsafe-eval'"));
        for directive in ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"] {
            assert!(APP_POLICY.contains(directive), "{directive}");
            assert!(
                DOCS_POLICY.contains(directive) || directive.starts_with("script"),
                "{directive}"
            );
        }
    }

    async fn echo_length(mut body: web::Payload) -> HttpResponse {
        let mut length = 0;
        while let Some(chunk) = body.next().await {
            match chunk {
                Ok(chunk) => length += chunk.len(),
                Err(err) if is_deadline(&err) => return HttpResponse::RequestTimeout().finish(),
                Err(_) => return HttpResponse::BadRequest().finish(),
            }
        }
        HttpResponse::Ok().body(length.to_string())
    }

    #[actix_web::test]
    async fn a_body_that_arrives_in_time_is_read_whole() {
        let app = actix_test::init_service(
            App::new()
                .app_data(BodyDeadline(Duration::from_secs(5)))
                .wrap(from_fn(body_deadline_middleware))
                .route("/", web::post().to(echo_length)),
        )
        .await;
        let req = actix_test::TestRequest::post()
            .uri("/")
            .set_payload("12345")
            .to_request();
        let body = actix_test::call_and_read_body(&app, req).await;
        assert_eq!(body, "5");
    }

    #[actix_web::test]
    async fn a_body_that_stalls_past_the_deadline_is_cut_off() {
        let stalled = futures_util::stream::iter([Ok(Bytes::from_static(b"first chunk"))])
            .chain(futures_util::stream::pending::<Result<Bytes, PayloadError>>());
        let mut body = DeadlineStream {
            inner: Payload::Stream {
                payload: Box::pin(stalled) as BoxedBody,
            },
            timer: Box::pin(tokio::time::sleep(Duration::from_millis(50))),
            expired: false,
        };
        assert_eq!(body.next().await.unwrap().unwrap(), "first chunk");
        let err = body.next().await.unwrap().unwrap_err();
        assert!(is_deadline(&err), "{err}");
        assert!(body.next().await.is_none());
    }
}
