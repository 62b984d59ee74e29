//! HTTP plumbing the handlers share: file upload and download, the per-client-address
//! limits, and the error responses every operation declares in the OpenAPI document.

pub mod limits;
pub mod responses;
pub mod uploads;
