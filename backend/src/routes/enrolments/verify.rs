//! `GET /api/public/certificates/{number}`: a certificate checked without an account.

use crate::error::ApiError;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::services::enrolments;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::cohorts::{CertificateCheck, CertificateCheckQuery};

/// Checks a certificate by its number, without signing in: the programme, the hours and
/// dates, the issuing school, the day of issue and whether it is revoked. The holder's
/// name is shown in full only with the verification code printed on the certificate
/// (`code`), masked otherwise. One client may check 30 numbers in 15 minutes, found or
/// not, and send 60 requests at once, then one a second (429 with `Retry-After`).
#[utoipa::path(
    tag = "cohorts",
    operation_id = "check_certificate",
    params(("number" = String, Path, description = "The certificate's number (`1-2027-0001`)"), CertificateCheckQuery),
    responses(
        (status = 200, description = "The certificate", body = CertificateCheck),
        (status = 400, description = "A query parameter of the wrong type", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No certificate has this number", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many checks from this client; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/public/certificates/{number}")]
pub async fn check_certificate(
    state: web::Data<AppState>,
    address: ClientAddress,
    number: web::Path<String>,
    query: web::Query<CertificateCheckQuery>,
) -> Result<web::Json<CertificateCheck>, ApiError> {
    let number = number.into_inner();
    let code = query.into_inner().code;
    let checking = crate::db::run(&state.pool, move |conn| {
        enrolments::check(conn, &number, code.as_deref())
    });
    state
        .limits
        .guard(EntryPoint::Certificate, address, checking)
        .await
        .map(web::Json)
}
