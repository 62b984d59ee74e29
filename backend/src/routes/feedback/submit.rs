//! `POST /api/deliveries/{id}/feedback`.

use crate::auth::CurrentUser;
use crate::db::models::delivery;
use crate::domain::feedback::Answer;
use crate::domain::policy;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::OrganisationId;
use openapi::Problem;
use openapi::feedback::{Feedback, FeedbackInput};

/// Rates a delivery to the signed-in user's school (its partner staff or administration),
/// once per person.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    request_body = FeedbackInput,
    responses(
        (status = 201, description = "The recorded answer", body = Feedback),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the consumer school's partner staff or administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This person has rated this delivery already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Scores out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/feedback")]
pub async fn create_feedback(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<FeedbackInput>,
) -> Result<HttpResponse, ApiError> {
    let delivery_id = id.into_inner();
    let answer = Answer::parse(&body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let found = delivery::find(conn, delivery_id)?;
            let (host, recipient) = (OrganisationId(found.org_id), OrganisationId(found.recipient_org_id));
            if !policy::can_read_delivery(&current.actor, host, recipient) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_answer_for_recipient(&current.actor, recipient) {
                return Err(ApiError::Forbidden);
            }
            let key = format!("user:{}", current.actor.user_id.0);
            super::record(
                conn,
                &found,
                &answer,
                &key,
                Some(current.actor.user_id.0),
                &current.me.full_name,
                "app",
            )
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
