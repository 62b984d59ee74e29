//! The one place that speaks HTTP.
//!
//! [`Call`] builds a request against the page's own origin (reqwest in WASM needs absolute
//! URLs), sends the bearer token, decodes the JSON answer or the `application/problem+json`
//! body, and handles an expired access token: it refreshes the pair once and retries. When
//! the refresh is refused the stored session is cleared, which signs the user out; the
//! signed-in layout then sends them to `/login?next=<path>`.

use super::{auth, session};
use futures::lock::Mutex;
use openapi::{FieldErrorCode, Problem, ProblemCode};
use reqwest::header::{ACCEPT, CONTENT_TYPE, IF_MATCH};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::rc::Rc;

/// Why a call did not return what was asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, DNS, connection refused).
    Network,
    /// There is no valid session any more; the user has to sign in again.
    SignedOut,
    /// The server answered with a problem body.
    Problem(Problem),
    /// The answer could not be understood (not JSON, or not the expected shape).
    Unexpected,
}

impl ApiError {
    /// The error of a page whose address names no record (a malformed id in the path),
    /// shown as the server's «not found».
    pub fn not_found() -> Self {
        Self::Problem(Problem {
            problem_type: "urn:problem:not_found".to_owned(),
            title: "Not Found".to_owned(),
            status: StatusCode::NOT_FOUND.as_u16(),
            detail: None,
            code: ProblemCode::NotFound,
            errors: Vec::new(),
            reason: None,
            request_id: None,
        })
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
    method: Method,
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
    status: StatusCode,
    body: Vec<u8>,
}

impl Raw {
    fn problem(&self) -> ApiError {
        serde_json::from_slice::<Problem>(&self.body).map_or(ApiError::Unexpected, ApiError::Problem)
    }

    fn decode<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        if !self.status.is_success() {
            return Err(self.problem());
        }
        // A 204 has no body; `()` decodes from `null`.
        let body: &[u8] = if self.body.is_empty() { b"null" } else { &self.body };
        serde_json::from_slice(body).map_err(|_| ApiError::Unexpected)
    }
}

thread_local! {
    /// Held while a refresh is under way, so that concurrent calls whose token expired
    /// spend the single-use refresh token once and then share the new pair.
    static REFRESHING: Rc<Mutex<()>> = Rc::new(Mutex::new(()));
}

impl Call {
    fn new(method: Method, path: impl Into<String>) -> Self {
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
        Self::new(Method::GET, path)
    }

    /// A `POST` of an API path.
    pub fn post(path: impl Into<String>) -> Self {
        Self::new(Method::POST, path)
    }

    /// A `PUT` of an API path: the whole new state of a record.
    pub fn put(path: impl Into<String>) -> Self {
        Self::new(Method::PUT, path)
    }

    /// A `DELETE` of an API path.
    pub fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path)
    }

    /// A `PATCH` of an API path.
    pub fn patch(path: impl Into<String>) -> Self {
        Self::new(Method::PATCH, path)
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
        if raw.status.is_success() {
            Ok(raw.body)
        } else {
            Err(raw.problem())
        }
    }

    async fn send_signed_in(self) -> Result<Raw, ApiError> {
        let body = self.body()?;
        let Some(current) = session::load() else {
            session::clear();
            return Err(ApiError::SignedOut);
        };
        let mut raw = self.execute(body, Some(&current.access_token)).await?;
        if raw.status == StatusCode::UNAUTHORIZED && raw.problem().code() == Some(ProblemCode::TokenExpired) {
            let token = refresh_after(&current.access_token).await?;
            raw = self.execute(body, Some(&token)).await?;
        }
        if raw.status == StatusCode::UNAUTHORIZED {
            session::clear();
            return Err(ApiError::SignedOut);
        }
        Ok(raw)
    }

    /// Sends the request without any token (sign-in, refresh) and decodes the answer.
    pub async fn send_public<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        self.execute(self.body()?, None).await?.decode()
    }

    /// Sends the access token if there is one but never refreshes it or clears the
    /// session (sign-out), and decodes the answer.
    pub async fn send_bearer_only<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let token = session::load().map(|stored| stored.access_token);
        self.execute(self.body()?, token.as_deref()).await?.decode()
    }

    fn body(&self) -> Result<Option<&Body>, ApiError> {
        match &self.body {
            None => Ok(None),
            Some(Ok(body)) => Ok(Some(body)),
            Some(Err(_)) => Err(ApiError::Unexpected),
        }
    }

    fn url(&self) -> Result<Url, ApiError> {
        let origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .ok_or(ApiError::Unexpected)?;
        let mut url = Url::parse(&origin)
            .and_then(|base| base.join(&self.path))
            .map_err(|_| ApiError::Unexpected)?;
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (key, value) in &self.query {
                pairs.append_pair(key, value);
            }
        }
        Ok(url)
    }

    async fn execute(&self, body: Option<&Body>, token: Option<&str>) -> Result<Raw, ApiError> {
        let mut request = reqwest::Client::new()
            .request(self.method.clone(), self.url()?)
            .header(ACCEPT, "application/json, application/problem+json");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(version) = &self.if_match {
            request = request.header(IF_MATCH, version.as_str());
        }
        request = match body {
            Some(Body::Json(json)) => request.header(CONTENT_TYPE, "application/json").body(json.clone()),
            Some(Body::Bytes(bytes)) => request
                .header(CONTENT_TYPE, "application/octet-stream")
                .body(bytes.clone()),
            None => request,
        };
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        let status = response.status();
        let body = response.bytes().await.map_err(|_| ApiError::Network)?;
        Ok(Raw {
            status,
            body: body.to_vec(),
        })
    }
}

/// Returns a fresh access token after `expired` was refused: either the one another call
/// already obtained, or a new pair bought with the stored refresh token.
async fn refresh_after(expired: &str) -> Result<String, ApiError> {
    let lock = REFRESHING.with(Rc::clone);
    let _guard = lock.lock().await;
    let Some(current) = session::load() else {
        return Err(ApiError::SignedOut);
    };
    if current.access_token != expired {
        return Ok(current.access_token);
    }
    match auth::refresh(current.refresh_token).await {
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
