use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::consultations;
use actix_web::{HttpResponse, post, web};
use openapi::consultations::Consultation;
use openapi::feedback::FeedbackInput;
use openapi::{ConsultationId, Problem};

/// Rates a held consultation on behalf of its recipient (the recipient school's
/// administration, council, teachers or partner staff; the committee's specialists for
/// the committee), once per person: satisfaction 1–5, likelihood to recommend 0–10,
/// readiness to recommend, and a comment.
#[utoipa::path(
    tag = "consultations",
    operation_id = "rate_consultation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consultation's id")),
    request_body = FeedbackInput,
    responses(
        (status = 201, description = "The consultation with the answer in its ratings", body = Consultation, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The consultation is not held (`consultation_not_held`), or this person has rated it already (`conflict`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/consultations/{id}/feedback")]
pub async fn rate_consultation(
    session: Session,
    id: web::Path<ConsultationId>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let rated = session
        .run(move |conn, caller| consultations::rate(conn, caller, id, &body.0))
        .await?;
    Ok(tagged_created(rated))
}
