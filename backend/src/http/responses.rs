//! The error responses that many operations share, declared once for the OpenAPI
//! document.
//!
//! A handler lists what is particular to it: `responses((status = 200, …), Forbidden,
//! (status = 409, description = "… (`reason`)", …))`. [`complete`] then adds, to every
//! operation of the finished document, each status the server's plumbing can answer for
//! an operation of that shape and that the handler did not declare itself: `400` for a
//! malformed query, path or body, `401`/`403` behind a bearer token, `404` for a path id,
//! `413`/`415`/`422` for a JSON body (`422` for a query too: a page out of range), `503` when the database is unreachable. A new
//! endpoint is so documented truthfully without repeating these.

use openapi::Problem;
use std::collections::BTreeMap;
use utoipa::IntoResponses;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{OpenApi, RefOr, Response};

/// `400`: a query or path parameter of the wrong type, or a body that is not JSON.
#[derive(IntoResponses)]
#[response(
    status = 400,
    description = "A malformed request: a query parameter (`invalid_query`) or path parameter (`invalid_path`) of the wrong type, or a body that is not valid JSON (`malformed_body`)",
    content_type = "application/problem+json"
)]
pub struct BadRequest(pub Problem);

/// `401`: no valid access token.
#[derive(IntoResponses)]
#[response(
    status = 401,
    description = "Not signed in (`unauthenticated`), or the access token is invalid (`invalid_token`), expired (`token_expired`) or of a session that has ended by a sign-out, a password change or reset or a deactivation (`session_ended`)",
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

/// `403` of every operation behind a bearer token: the account was deactivated after
/// the token was issued.
#[derive(IntoResponses)]
#[response(
    status = 403,
    description = "The account is deactivated (`account_disabled`), or the role does not allow this (`forbidden`)",
    content_type = "application/problem+json"
)]
pub struct AccountDisabled(pub Problem);

/// `404`: no such record, or not visible to the signed-in user.
#[derive(IntoResponses)]
#[response(
    status = 404,
    description = "No such record, or not visible to this user",
    content_type = "application/problem+json"
)]
pub struct NotFound(pub Problem);

/// `413`: the body is over the limit.
#[derive(IntoResponses)]
#[response(
    status = 413,
    description = "The body is over the limit (`payload_too_large`; 64 KiB for JSON)",
    content_type = "application/problem+json"
)]
pub struct PayloadTooLarge(pub Problem);

/// `413` of an upload: the file is over 20 MiB, or the school's files would exceed its
/// storage quota.
#[derive(IntoResponses)]
#[response(
    status = 413,
    description = "The file is over 20 MiB (`payload_too_large`), or the school's files would exceed \
its storage quota (`quota_exceeded`, refused before anything is recorded): `used_files` and `used_bytes` \
state what it keeps, `quota_files` and `quota_bytes` what it may keep (set by the operator, by default \
2000 files and 2 GiB)",
    content_type = "application/problem+json"
)]
pub struct UploadTooLarge(pub Problem);

/// `409` of an operation that adds to a bounded list (`openapi::limits::ON_INSERT`).
#[derive(IntoResponses)]
#[response(
    status = 409,
    description = "The list holds as many entries as it may (`conflict`, reason `item_limit`); the \
limit is stated above",
    content_type = "application/problem+json"
)]
pub struct ItemLimit(pub Problem);

/// `415`: the body is not `application/json`.
#[derive(IntoResponses)]
#[response(
    status = 415,
    description = "The body is not `application/json` (`unsupported_media_type`)",
    content_type = "application/problem+json"
)]
pub struct UnsupportedMediaType(pub Problem);

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

/// `429`: too many attempts; `Retry-After` says for how long.
#[derive(IntoResponses)]
#[response(
    status = 429,
    description = "Too many attempts (`too_many_requests`); see `Retry-After`",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct TooManyRequests(pub Problem);

/// `503`: the database cannot be reached (or no connection came free in time).
#[derive(IntoResponses)]
#[response(
    status = 503,
    description = "The database is unavailable (`database_unavailable`); see `Retry-After`",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))
)]
pub struct Unavailable(pub Problem);

/// The operations that need no database (every other one answers `503` without it).
const WITHOUT_DATABASE: [&str; 1] = ["get_health"];

/// What the plumbing can answer for an operation, from its shape.
fn shared_responses(operation: &Operation) -> Vec<BTreeMap<String, RefOr<Response>>> {
    let params = operation.parameters.as_deref().unwrap_or_default();
    let has = |place: ParameterIn| params.iter().any(|p| p.parameter_in == place);
    let body = operation.request_body.as_ref();
    let json_body = body.is_some_and(|body| body.content.keys().any(|mime| mime == "application/json"));
    let bearer = operation
        .security
        .as_ref()
        .is_some_and(|requirements| !requirements.is_empty());
    let database = !operation
        .operation_id
        .as_deref()
        .is_some_and(|id| WITHOUT_DATABASE.contains(&id));
    let mut shared = Vec::new();
    if has(ParameterIn::Query) || has(ParameterIn::Path) || json_body {
        shared.push(BadRequest::responses());
    }
    if bearer {
        shared.push(Unauthorized::responses());
        shared.push(AccountDisabled::responses());
    }
    if has(ParameterIn::Path) {
        shared.push(NotFound::responses());
    }
    if body.is_some() {
        shared.push(PayloadTooLarge::responses());
    }
    if json_body {
        shared.push(UnsupportedMediaType::responses());
    }
    if json_body || has(ParameterIn::Query) {
        shared.push(Invalid::responses());
    }
    if database {
        shared.push(Unavailable::responses());
    }
    shared
}

/// A stored file is served with the media type it was accepted as: a download's
/// `application/octet-stream` placeholder becomes one entry per accepted type.
fn by_media_type(operation: &mut Operation) {
    for response in operation.responses.responses.values_mut() {
        let RefOr::T(response) = response else { continue };
        let Some(content) = response.content.shift_remove("application/octet-stream") else {
            continue;
        };
        for (_, media_type) in rules::files::TYPES {
            let essence = media_type.split(';').next().unwrap_or(media_type).trim();
            response
                .content
                .entry(essence.to_owned())
                .or_insert_with(|| content.clone());
        }
    }
}

/// The operation slots of a path with their methods, in the order the document and an
/// `Allow` header list them.
pub fn by_method(
    item: &mut utoipa::openapi::PathItem,
) -> [(&'static str, &mut Option<utoipa::openapi::path::Operation>); 5] {
    [
        ("GET", &mut item.get),
        ("PUT", &mut item.put),
        ("POST", &mut item.post),
        ("DELETE", &mut item.delete),
        ("PATCH", &mut item.patch),
    ]
}

/// The operations of a path, in the order of [`by_method`].
pub fn operations(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    by_method(item)
        .into_iter()
        .filter_map(|(_, operation)| operation.as_mut())
}

/// Adds to every operation the shared responses it can answer and does not declare,
/// lists the media types a file download answers with, and marks the public operations
/// with an empty security list.
pub fn complete(spec: &mut OpenApi) {
    for item in spec.paths.paths.values_mut() {
        for operation in operations(item) {
            // A handler without a requirement is public: an empty list (`security: []`)
            // says so explicitly, asking for no token (`[{}]` would read as optional).
            operation.security.get_or_insert_with(Vec::new);
            by_media_type(operation);
            for responses in shared_responses(operation) {
                for (status, response) in responses {
                    operation.responses.responses.entry(status).or_insert(response);
                }
            }
        }
    }
}
