//! `GET /api/public/certificates/{number}`: a certificate checked without an account.

use crate::error::ApiError;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::services::enrolments;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::cohorts::CertificateCheck;

/// Checks a certificate by its number, without signing in: the holder's name, the
/// programme, the hours and dates, the issuing school and the day of issue. One client
/// address may ask for 30 unknown numbers in 15 minutes, and send 60 requests at once,
/// then one a second (429 with `Retry-After`).
#[utoipa::path(
    tag = "cohorts",
    operation_id = "check_certificate",
    params(("number" = String, Path, description = "The certificate's number (`1-2027-0001`)")),
    responses(
        (status = 200, description = "The certificate", body = CertificateCheck),
        (status = 404, description = "No certificate has this number", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests or unknown numbers from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/public/certificates/{number}")]
pub async fn check_certificate(
    state: web::Data<AppState>,
    address: ClientAddress,
    number: web::Path<String>,
) -> Result<web::Json<CertificateCheck>, ApiError> {
    let number = number.into_inner();
    let checking = crate::db::run(&state.pool, move |conn| enrolments::check(conn, &number));
    state
        .limits
        .guard(EntryPoint::Certificate, address, checking)
        .await
        .map(web::Json)
}
