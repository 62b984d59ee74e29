//! HTTP plumbing the handlers share: file upload and download, the error responses
//! every operation declares in the OpenAPI document, the records' versions on the wire
//! (`ETag`, `If-Match`), the refresh-token cookie, the client address behind trusted
//! proxies, the per-client-address limits, the security headers and a middleware that may
//! be absent.

pub mod etag;
pub mod forwarded;
pub mod limits;
pub mod methods;
pub mod optional;
pub mod refresh_cookie;
pub mod responses;
pub mod security;
pub mod uploads;
pub mod versions;
