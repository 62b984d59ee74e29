//! `POST /api/deliveries/{id}/feedback-links`.

use crate::auth::CurrentUser;
use crate::auth::jwt::{FEEDBACK_AUDIENCE, ISSUER, LinkClaims};
use crate::db::models::{delivery, feedback};
use crate::domain::policy;
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use chrono::TimeDelta;
use diesel::Connection;
use openapi::FieldErrorCode::OutOfRange;
use openapi::feedback::{FeedbackLink, FeedbackLinkInput};
use openapi::{OrganisationId, Problem};

/// Issues a signed single-use link for one respondent of the consumer school, who rates
/// the delivery at `/feedback/<token>` without an account. The host school sends it.
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback_link",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    request_body = FeedbackLinkInput,
    responses(
        (status = 201, description = "The link", body = FeedbackLink),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the host school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Respondent missing, or validity out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/feedback-links")]
pub async fn create_feedback_link(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<FeedbackLinkInput>,
) -> Result<HttpResponse, ApiError> {
    let delivery_id = id.into_inner();
    let respondent =
        text::bounded("respondent", &body.0.respondent, 3, 200).map_err(|err| ApiError::Validation(vec![err]))?;
    let days = body.0.valid_days.unwrap_or(14);
    if !(1..=60).contains(&days) {
        return Err(ApiError::field("valid_days", OutOfRange, "must be 1 to 60"));
    }
    let keys = state.keys.clone();
    let link = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let found = delivery::find(conn, delivery_id)?;
            let host = OrganisationId(found.org_id);
            if !policy::can_read_school_work(&current.actor, host) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_edit_resources(&current.actor, host) {
                return Err(ApiError::Forbidden);
            }
            let expires_at = crate::db::models::now() + TimeDelta::days(i64::from(days));
            let jti = uuid::Uuid::new_v4().to_string();
            feedback::insert_link(
                conn,
                &jti,
                delivery_id,
                &respondent,
                expires_at,
                current.actor.user_id.0,
            )?;
            let claims = LinkClaims {
                jti,
                delivery: delivery_id,
                respondent: respondent.clone(),
                iss: ISSUER.to_owned(),
                aud: FEEDBACK_AUDIENCE.to_owned(),
                exp: expires_at.and_utc().timestamp(),
            };
            let token = keys.issue_link(&claims)?;
            Ok(FeedbackLink {
                path: format!("/feedback/{token}"),
                token,
                expires_at: expires_at.and_utc(),
            })
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(link))
}
