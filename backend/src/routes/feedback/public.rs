//! `GET` and `POST /api/public/feedback/{token}`: feedback without an account.

use crate::db::models::{delivery, feedback, organisation, resource};
use crate::domain::feedback::Answer;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::feedback::{Feedback, FeedbackInput, FeedbackInvitation};

fn used() -> ApiError {
    ApiError::Conflict {
        detail: "This feedback link has been used already.".to_owned(),
        errors: Vec::new(),
    }
}

/// What the link is about, for the public feedback page. Refuses forged, expired and
/// used links.
#[utoipa::path(
    tag = "feedback",
    operation_id = "get_feedback_invitation",
    security(()),
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "What is to be rated", body = FeedbackInvitation),
        (status = 401, description = "A forged (`invalid_token`) or expired (`token_expired`) link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The link has been used", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/public/feedback/{token}")]
pub async fn get_feedback_invitation(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<FeedbackInvitation>, ApiError> {
    let claims = state.keys.verify_link(&token)?;
    crate::db::run(&state.pool, move |conn| {
        if !feedback::link_unused(conn, &claims.jti)? {
            return Err(used());
        }
        let found = delivery::find(conn, claims.delivery)?;
        let names = organisation::short_names(conn, [found.org_id, found.recipient_org_id])?;
        Ok(FeedbackInvitation {
            resource_title: resource::find(conn, found.resource_id)?.title,
            host_short_name: names.get(&found.org_id).cloned().unwrap_or_default(),
            recipient_short_name: names.get(&found.recipient_org_id).cloned().unwrap_or_default(),
            delivered_on: found.delivered_on,
            respondent: claims.respondent,
        })
    })
    .await
    .map(web::Json)
}

/// Rates the delivery named by the link. The link works once; the respondent it names
/// answers once per delivery.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback_by_link",
    security(()),
    params(("token" = String, Path, description = "The link's token")),
    request_body = FeedbackInput,
    responses(
        (status = 201, description = "The recorded answer", body = Feedback),
        (status = 401, description = "A forged or expired link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The link has been used, or the respondent has answered", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Scores out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/public/feedback/{token}")]
pub async fn create_feedback_by_link(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let claims = state.keys.verify_link(&token)?;
    let answer = Answer::parse(&body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            if !feedback::use_link(conn, &claims.jti)? {
                return Err(used());
            }
            let found = delivery::find(conn, claims.delivery)?;
            let key = format!("link:{}", claims.respondent.trim().to_lowercase());
            super::record(conn, &found, &answer, &key, None, &claims.respondent, "link")
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
