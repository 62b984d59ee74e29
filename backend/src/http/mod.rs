//! HTTP plumbing the handlers share: file upload and download, and the error responses
//! every operation declares in the OpenAPI document.

pub mod methods;
pub mod responses;
pub mod uploads;
