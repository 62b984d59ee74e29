//! The one place that speaks HTTP.
//!
//! [`Call`] builds a request against the page's own origin, sends it with the browser's
//! `fetch` (no HTTP library in the wasm: a smaller download), with the bearer token,
//! decodes the JSON answer or the `application/problem+json` body, and handles an expired
//! access token: it buys a new one with the refresh cookie once and retries. When the refresh is refused the session is cleared, which signs the
//! user out; the signed-in layout then sends them to `/login?next=<path>`.

use super::session;
use futures::future::LocalBoxFuture;
use futures::lock::Mutex;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use openapi::{FieldErrorCode, Problem, ProblemCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

/// Why a call did not return what was asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, DNS, connection refused).
    Network,
    /// There is no valid session any more; the user has to sign in again.
    SignedOut,
    /// The server answered with a problem body (boxed: it is large, and errors travel
    /// through every `Result`).
    Problem(Box<Problem>),
    /// The answer could not be understood (not JSON, or not the expected shape).
    Unexpected,
}

impl ApiError {
    /// The error of a page whose address names no record (a malformed id in the path),
    /// shown as the server's «not found».
    pub fn not_found() -> Self {
        Self::problem(ProblemCode::NotFound, 404, None, Vec::new())
    }

    /// A problem with a code, a refusal reason and field errors, as the server would send.
    #[cfg(test)]
    pub(crate) fn problem_of(
        code: ProblemCode,
        reason: Option<openapi::RefusalReason>,
        errors: Vec<openapi::FieldError>,
    ) -> Self {
        Self::problem(code, 400, reason, errors)
    }

    fn problem(
        code: ProblemCode,
        status: u16,
        reason: Option<openapi::RefusalReason>,
        errors: Vec<openapi::FieldError>,
    ) -> Self {
        Self::Problem(Box::new(Problem {
            problem_type: format!("urn:problem:{}", code.as_str()),
            title: code.as_str().to_owned(),
            status,
            detail: None,
            code,
            errors,
            reason,
            request_id: None,
            used_files: None,
            used_bytes: None,
            quota_files: None,
            quota_bytes: None,
        }))
    }

    /// Whether someone else changed the record since it was read (`412`): the caller
    /// shows the current record, which the user checks before saving again.
    pub fn is_stale(&self) -> bool {
        self.code() == Some(ProblemCode::PreconditionFailed)
    }

    /// The problem code, when the server sent one.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            Self::Problem(problem) => Some(problem.code),
            _ => None,
        }
    }

    /// What the server found wrong with one field of the request, if anything.
    pub fn field(&self, name: &str) -> Option<FieldErrorCode> {
        match self {
            Self::Problem(problem) => problem
                .errors
                .iter()
                .find(|error| error.field == name)
                .map(|error| error.code),
            _ => None,
        }
    }
}

/// One request to the API, built step by step and then [sent](Call::send).
#[derive(Debug)]
pub struct Call {
    method: &'static str,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Option<serde_json::Result<Body>>,
    if_match: Option<String>,
}

/// What a request carries: a JSON document or the bytes of a file.
#[derive(Debug)]
enum Body {
    Json(String),
    Bytes(Vec<u8>),
}

/// A response read to the end.
struct Raw {
    status: u16,
    body: Vec<u8>,
}

/// `401 Unauthorized`: no valid access token.
const UNAUTHORIZED: u16 = 401;

impl Raw {
    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn problem(&self) -> ApiError {
        serde_json::from_slice::<Problem>(&self.body)
            .map_or(ApiError::Unexpected, |problem| ApiError::Problem(Box::new(problem)))
    }

    fn decode<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        if !self.is_success() {
            return Err(self.problem());
        }
        // A 204 has no body; `()` decodes from `null`.
        let body: &[u8] = if self.body.is_empty() { b"null" } else { &self.body };
        serde_json::from_slice(body).map_err(|_| ApiError::Unexpected)
    }
}

thread_local! {
    /// Held while a refresh is under way, so that concurrent calls whose token expired
    /// spend the single-use refresh cookie once and then share the new token.
    static REFRESHING: Rc<Mutex<()>> = Rc::new(Mutex::new(()));
}

/// The answer of a GET started ahead of the page that asks for it, once it has come,
/// and who waits for it.
#[derive(Default)]
struct Slot {
    answer: Option<Result<Raw, ApiError>>,
    waiting: Option<Waker>,
}

/// A GET started by [`Call::prefetch`]: its URL, when it started (ms since the epoch),
/// and where its answer lands.
struct Prefetched {
    url: String,
    started: f64,
    slot: Rc<RefCell<Slot>>,
}

thread_local! {
    /// The GETs started ahead (a few at most): the first `send` of the same GET takes the
    /// answer.
    static PREFETCHED: RefCell<Vec<Prefetched>> = const { RefCell::new(Vec::new()) };
}

/// How long a prefetched answer may wait for its page (ms): one that waited longer is
/// dropped, so that a later visit reads the record as it is then.
const PREFETCH_KEEP_MS: f64 = 10_000.0;

/// The name of the browser-wide lock around a refresh (see [`across_tabs`]).
const REFRESH_LOCK: &str = "innovation-platform.refresh";

impl Call {
    fn new(method: &'static str, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
            if_match: None,
        }
    }

    /// A `GET` of an API path such as `/api/me`.
    pub fn get(path: impl Into<String>) -> Self {
        Self::new("GET", path)
    }

    /// A `POST` of an API path.
    pub fn post(path: impl Into<String>) -> Self {
        Self::new("POST", path)
    }

    /// A `PUT` of an API path: the whole new state of a record.
    pub fn put(path: impl Into<String>) -> Self {
        Self::new("PUT", path)
    }

    /// A `DELETE` of an API path.
    pub fn delete(path: impl Into<String>) -> Self {
        Self::new("DELETE", path)
    }

    /// A `PATCH` of an API path.
    pub fn patch(path: impl Into<String>) -> Self {
        Self::new("PATCH", path)
    }

    /// Adds a query parameter when it has a value.
    pub fn query(mut self, key: &'static str, value: Option<impl ToString>) -> Self {
        if let Some(value) = value {
            self.query.push((key, value.to_string()));
        }
        self
    }

    /// Names the version of the record the change was made on (`If-Match`): the
    /// `version` of the record as it was read. A stale one is refused with `412`.
    pub fn if_match(mut self, version: i32) -> Self {
        self.if_match = Some(format!("\"{version}\""));
        self
    }

    /// Sends a JSON body.
    pub fn json(mut self, body: &impl Serialize) -> Self {
        self.body = Some(serde_json::to_string(body).map(Body::Json));
        self
    }

    /// Sends the bytes of a file as `application/octet-stream`.
    pub fn bytes(mut self, bytes: Vec<u8>) -> Self {
        self.body = Some(Ok(Body::Bytes(bytes)));
        self
    }

    /// Sends the request with the session's access token, refreshing it once when it has
    /// expired, and decodes the answer. Without a session, or when the server refuses it,
    /// the session is cleared and the answer is [`ApiError::SignedOut`].
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        self.send_signed_in().await?.decode()
    }

    /// Like [`Call::send`], but answers with the body's bytes as they are (a download).
    pub async fn download(self) -> Result<Vec<u8>, ApiError> {
        let raw = self.send_signed_in().await?;
        if raw.is_success() {
            Ok(raw.body)
        } else {
            Err(raw.problem())
        }
    }

    /// Starts this `GET` now (waiting for the session to be restored if it is), so that
    /// the page that sends the same `GET` once its code has arrived gets the answer
    /// without a second round trip: a lazily loaded route asks for its record while its
    /// chunk downloads. The answer is kept for the first such `send`, for a few seconds.
    pub fn prefetch(self) {
        if self.method != "GET" || self.body.is_some() {
            return;
        }
        let slot = Rc::new(RefCell::new(Slot::default()));
        let landing = Rc::clone(&slot);
        let entry = Prefetched {
            url: self.url(),
            started: js_sys::Date::now(),
            slot,
        };
        wasm_bindgen_futures::spawn_local(async move {
            let answer = self.exchange().await;
            let mut slot = landing.borrow_mut();
            slot.answer = Some(answer);
            if let Some(waiting) = slot.waiting.take() {
                waiting.wake();
            }
        });
        PREFETCHED.with(|kept| {
            let mut kept = kept.borrow_mut();
            kept.retain(|old| old.url != entry.url);
            kept.push(entry);
        });
    }

    /// Where the answer of a prefetched `GET` of the same URL lands, taken, if it is
    /// still fresh.
    fn prefetched(&self) -> Option<Rc<RefCell<Slot>>> {
        if self.method != "GET" || self.body.is_some() {
            return None;
        }
        let url = self.url();
        let entry = PREFETCHED.with(|kept| {
            let mut kept = kept.borrow_mut();
            let at = kept.iter().position(|entry| entry.url == url)?;
            Some(kept.swap_remove(at))
        })?;
        (js_sys::Date::now() - entry.started < PREFETCH_KEEP_MS).then_some(entry.slot)
    }

    /// The exchange itself, boxed: every typed [`Call::send`] holds one pointer to it
    /// instead of a copy of its state. A prefetched answer is used when there is one.
    fn send_signed_in(self) -> LocalBoxFuture<'static, Result<Raw, ApiError>> {
        match self.prefetched() {
            Some(slot) => Box::pin(std::future::poll_fn(move |context| {
                let mut slot = slot.borrow_mut();
                match slot.answer.take() {
                    Some(answer) => Poll::Ready(answer),
                    None => {
                        slot.waiting = Some(context.waker().clone());
                        Poll::Pending
                    }
                }
            })),
            None => self.exchange(),
        }
    }

    /// Sends with the session's token, refreshing it once when it has expired.
    fn exchange(self) -> LocalBoxFuture<'static, Result<Raw, ApiError>> {
        Box::pin(async move {
            let body = self.body()?;
            let token = match session::load() {
                Some(current) => current.access_token,
                None => refresh_after(None).await?,
            };
            let mut raw = self.execute(body, Some(&token)).await?;
            if raw.status == UNAUTHORIZED && raw.problem().code() == Some(ProblemCode::TokenExpired) {
                let token = refresh_after(Some(&token)).await?;
                raw = self.execute(body, Some(&token)).await?;
            }
            if raw.status == UNAUTHORIZED {
                session::clear();
                return Err(ApiError::SignedOut);
            }
            Ok(raw)
        })
    }

    /// Sends the request without any token (sign-in, refresh, sign-out, the public
    /// feedback page) and decodes the answer.
    pub async fn send_public<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        self.send_without_token().await?.decode()
    }

    fn send_without_token(self) -> LocalBoxFuture<'static, Result<Raw, ApiError>> {
        Box::pin(async move { self.execute(self.body()?, None).await })
    }

    fn body(&self) -> Result<Option<&Body>, ApiError> {
        match &self.body {
            None => Ok(None),
            Some(Ok(body)) => Ok(Some(body)),
            Some(Err(_)) => Err(ApiError::Unexpected),
        }
    }

    /// The path with its query, percent-encoded; `fetch` resolves it against the page.
    fn url(&self) -> String {
        let mut url = self.path.clone();
        for (i, (key, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&String::from(js_sys::encode_uri_component(value)));
        }
        url
    }

    async fn execute(&self, body: Option<&Body>, token: Option<&str>) -> Result<Raw, ApiError> {
        let window = web_sys::window().ok_or(ApiError::Unexpected)?;
        let headers = web_sys::Headers::new().map_err(|_| ApiError::Unexpected)?;
        let set = |name: &str, value: &str| headers.set(name, value).map_err(|_| ApiError::Unexpected);
        set("accept", "application/json, application/problem+json")?;
        if let Some(token) = token {
            set("authorization", &format!("Bearer {token}"))?;
        }
        if let Some(version) = &self.if_match {
            set("if-match", version)?;
        }
        let init = web_sys::RequestInit::new();
        init.set_method(self.method);
        match body {
            Some(Body::Json(json)) => {
                set("content-type", "application/json")?;
                init.set_body(&JsValue::from_str(json));
            }
            Some(Body::Bytes(bytes)) => {
                set("content-type", "application/octet-stream")?;
                init.set_body(&Uint8Array::from(bytes.as_slice()));
            }
            None => {}
        }
        init.set_headers(&headers);
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&self.url(), &init))
            .await
            .map_err(|_| ApiError::Network)?
            .dyn_into()
            .map_err(|_| ApiError::Unexpected)?;
        let buffer = response.array_buffer().map_err(|_| ApiError::Network)?;
        let buffer = JsFuture::from(buffer).await.map_err(|_| ApiError::Network)?;
        Ok(Raw {
            status: response.status(),
            body: Uint8Array::new(&buffer).to_vec(),
        })
    }
}

/// Returns a fresh access token after `expired` was refused (or when this page has none
/// yet): either the one another call already obtained, or a new one bought with the
/// refresh cookie.
pub async fn refresh_after(expired: Option<&str>) -> Result<String, ApiError> {
    let lock = REFRESHING.with(Rc::clone);
    let _guard = lock.lock().await;
    if let Some(current) = session::load()
        && Some(current.access_token.as_str()) != expired
    {
        return Ok(current.access_token);
    }
    if expired.is_none() && !session::may_have_cookie() {
        return Err(ApiError::SignedOut);
    }
    let refreshed = across_tabs(REFRESH_LOCK, refresh()).await;
    match refreshed.unwrap_or(Err(ApiError::Unexpected)) {
        Ok(pair) => {
            session::store_pair(&pair);
            Ok(pair.access_token)
        }
        // Offline: keep the session, the user may retry when the network is back.
        Err(ApiError::Network) => Err(ApiError::Network),
        Err(_) => {
            session::clear();
            Err(ApiError::SignedOut)
        }
    }
}

/// `POST /api/auth/refresh` with the cookie: a new access token, and a new cookie.
async fn refresh() -> Result<openapi::auth::TokenPair, ApiError> {
    Call::post("/api/auth/refresh")
        .json(&openapi::auth::RefreshRequest::default())
        .send_public()
        .await
}

/// Runs `work` holding the browser-wide lock `name` of the Web Locks API, so that two
/// tabs of the site never present the same single-use refresh cookie at once (the second
/// would be taken as theft and sign the session out). Without the API, runs it as is.
/// `None` only if a lock callback took the work and did not finish it.
async fn across_tabs<T: 'static>(name: &str, work: impl Future<Output = T> + 'static) -> Option<T> {
    let pending = Rc::new(RefCell::new(Some(work)));
    let done = Rc::new(RefCell::new(None));
    let request = web_sys::window()
        .and_then(|window| Reflect::get(&window.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|locks| locks.is_object())
        .and_then(|locks| {
            let request = Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
            Some((locks, request.dyn_into::<Function>().ok()?))
        });
    if let Some((locks, request)) = request {
        let (pending_in, done_in) = (Rc::clone(&pending), Rc::clone(&done));
        let callback = Closure::once(move |_lock: JsValue| -> Promise {
            future_to_promise(async move {
                let work = pending_in.borrow_mut().take();
                if let Some(work) = work {
                    let value = work.await;
                    *done_in.borrow_mut() = Some(value);
                }
                Ok(JsValue::UNDEFINED)
            })
        });
        if let Ok(promise) = request.call2(&locks, &JsValue::from_str(name), callback.as_ref()) {
            // A refused lock leaves the work pending; it then runs below.
            let _ = JsFuture::from(Promise::from(promise)).await;
        }
    }
    let value = done.borrow_mut().take();
    if value.is_some() {
        return value;
    }
    let work = pending.borrow_mut().take();
    match work {
        Some(work) => Some(work.await),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::FieldError;

    fn problem(code: ProblemCode, errors: Vec<FieldError>) -> ApiError {
        ApiError::problem_of(code, None, errors)
    }

    #[test]
    fn a_field_error_is_found_by_the_field_s_name() {
        let error = problem(
            ProblemCode::ValidationFailed,
            vec![
                FieldError {
                    field: "title".to_owned(),
                    code: FieldErrorCode::TooShort,
                    message: "must be at least 3 characters".to_owned(),
                },
                FieldError {
                    field: "end_year".to_owned(),
                    code: FieldErrorCode::OutOfRange,
                    message: "must not be before start_year".to_owned(),
                },
            ],
        );
        assert_eq!(error.field("title"), Some(FieldErrorCode::TooShort));
        assert_eq!(error.field("end_year"), Some(FieldErrorCode::OutOfRange));
        assert_eq!(error.field("problem"), None);
        assert_eq!(ApiError::Network.field("title"), None);
    }

    #[test]
    fn only_a_precondition_failure_is_stale() {
        assert!(problem(ProblemCode::PreconditionFailed, Vec::new()).is_stale());
        assert!(!problem(ProblemCode::PreconditionRequired, Vec::new()).is_stale());
        assert!(!problem(ProblemCode::Conflict, Vec::new()).is_stale());
        assert!(!ApiError::SignedOut.is_stale());
        assert_eq!(ApiError::Unexpected.code(), None);
        let missing = ApiError::not_found();
        assert_eq!(
            (missing.code(), missing.field("id")),
            (Some(ProblemCode::NotFound), None)
        );
    }

    #[test]
    fn query_parameters_are_kept_in_order_and_absent_ones_left_out() {
        let call = Call::get("/api/catalogue")
            .query("q", Some("робототехника"))
            .query("level", None::<&str>)
            .query("page", Some(2));
        assert_eq!(
            call.query,
            vec![("q", "робототехника".to_owned()), ("page", "2".to_owned())]
        );
        let call = Call::put("/api/projects/7").if_match(3);
        assert_eq!(call.if_match.as_deref(), Some("\"3\""));
    }
}
