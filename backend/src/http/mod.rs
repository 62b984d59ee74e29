//! HTTP plumbing the handlers share: file upload and download, the error responses
//! every operation declares in the OpenAPI document, and the records' versions on the
//! wire (`ETag`, `If-Match`).

pub mod methods;
pub mod responses;
pub mod uploads;
pub mod versions;
