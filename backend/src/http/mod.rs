//! HTTP plumbing the handlers share: file upload and download, the error responses
//! every operation declares in the OpenAPI document, and the security headers.

pub mod refresh_cookie;
pub mod responses;
pub mod security;
pub mod uploads;
