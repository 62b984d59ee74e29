use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, Unauthorized};
use crate::services::enrolments;
use actix_web::{post, web};
use openapi::cohorts::{Certificate, RevocationInput};
use openapi::{EnrolmentId, Problem};

/// Revokes the certificate of a completed enrolment with a reason (the host school's
/// administration, council or teachers — never the holder). The public check then says
/// it is revoked, and the dissemination figures no longer count it.
#[utoipa::path(
    tag = "cohorts",
    operation_id = "revoke_certificate",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The enrolment's id")),
    request_body = RevocationInput,
    responses(
        (status = 200, description = "The revoked certificate", body = Certificate),
        Unauthorized,
        Forbidden,
        (status = 404, description = "No such enrolment, or it has no certificate", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Revoked already (`certificate_revoked`), or the caller is the holder (`own_record`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/enrolments/{id}/certificate/revoke")]
pub async fn revoke_certificate(
    session: Session,
    id: web::Path<EnrolmentId>,
    body: Json<RevocationInput>,
) -> Result<web::Json<Certificate>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| enrolments::revoke(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
