//! The error responses that many operations share, declared once for the OpenAPI
//! document: `responses((status = 200, …), Unauthorized, NotFound)`.

use openapi::Problem;
use utoipa::IntoResponses;

/// `401`: no valid access token.
#[derive(IntoResponses)]
#[response(
    status = 401,
    description = "Not signed in, or the access token is invalid or expired",
    content_type = "application/problem+json"
)]
pub struct Unauthorized(pub Problem);

/// `403`: signed in, but the role does not allow this.
#[derive(IntoResponses)]
#[response(
    status = 403,
    description = "The signed-in user's role does not allow this",
    content_type = "application/problem+json"
)]
pub struct Forbidden(pub Problem);

/// `404`: no such record, or not visible to the signed-in user.
#[derive(IntoResponses)]
#[response(
    status = 404,
    description = "No such record, or not visible to this user",
    content_type = "application/problem+json"
)]
pub struct NotFound(pub Problem);

/// `422`: invalid fields, each named in `errors`.
#[derive(IntoResponses)]
#[response(
    status = 422,
    description = "Invalid fields, each named in `errors`",
    content_type = "application/problem+json"
)]
pub struct Invalid(pub Problem);

/// `412`: the `If-Match` names another version than the stored one; nothing was written.
#[derive(IntoResponses)]
#[response(
    status = 412,
    description = "Someone else changed the record since it was read (`precondition_failed`): the \
`If-Match` names another version than the stored one, and nothing was written. The `ETag` \
header, when present, is the current version; read the record again and resend",
    content_type = "application/problem+json"
)]
pub struct PreconditionFailed(pub Problem);

/// `428`: a change of a versioned record without `If-Match`.
#[derive(IntoResponses)]
#[response(
    status = 428,
    description = "The change names no version (`precondition_required`): send `If-Match` with the \
record's `ETag`",
    content_type = "application/problem+json"
)]
pub struct PreconditionRequired(pub Problem);
