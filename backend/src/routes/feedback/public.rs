//! `GET` and `POST /api/public/feedback/{token}`: feedback without an account.

use crate::error::ApiError;
use crate::extract::Json;
use crate::http::limits::{ClientAddress, EntryPoint};
use crate::services::feedback;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use openapi::Problem;
use openapi::feedback::{Feedback, FeedbackInput, FeedbackInvitation};

/// What the link is about, for the public feedback page. Refuses forged, expired and
/// used links. One client address may present 30 bad or used links in 15 minutes, and
/// send 60 requests at once, then one a second (429 with `Retry-After`).
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_feedback_invitation",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "What is to be rated", body = FeedbackInvitation),
        (status = 401, description = "A forged (`invalid_token`) or expired (`token_expired`) link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The link has been used", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests or bad links from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/public/feedback/{token}")]
pub async fn get_feedback_invitation(
    state: web::Data<AppState>,
    address: ClientAddress,
    token: web::Path<String>,
) -> Result<web::Json<FeedbackInvitation>, ApiError> {
    let reading = async {
        let claims = state.keys.verify_link(&token)?;
        crate::db::run(&state.pool, move |conn| feedback::invitation(conn, claims)).await
    };
    state
        .limits
        .guard(EntryPoint::Feedback, address, reading)
        .await
        .map(web::Json)
}

/// Rates the delivery named by the link. The link works once; the respondent it names
/// answers once per delivery. Limited per client address like the invitation.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback_by_link",
    params(("token" = String, Path, description = "The link's token")),
    request_body = FeedbackInput,
    responses(
        (status = 201, description = "The recorded answer", body = Feedback),
        (status = 401, description = "A forged or expired link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The link has been used, or the respondent has answered", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Scores out of range", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests or bad links from this address; see `Retry-After`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/public/feedback/{token}")]
pub async fn create_feedback_by_link(
    state: web::Data<AppState>,
    address: ClientAddress,
    token: web::Path<String>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let answering = async {
        let claims = state.keys.verify_link(&token)?;
        crate::db::run(&state.pool, move |conn| {
            feedback::submit_by_link(conn, &claims, &body.0)
        })
        .await
    };
    let created = state.limits.guard(EntryPoint::Feedback, address, answering).await?;
    Ok(HttpResponse::Created().json(created))
}
