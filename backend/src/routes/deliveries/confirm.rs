//! `POST /api/deliveries/{id}/confirmation`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::delivery;
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::lifecycle::Delivery;

/// The consumer school confirms it received a delivery (its partner staff or
/// administration). Confirming twice keeps the first confirmation.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "confirm_delivery",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    responses(
        (status = 200, description = "The confirmed delivery", body = Delivery),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The host school or the committee cannot confirm for the consumer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/confirmation")]
pub async fn confirm_delivery(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Delivery>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let before = delivery::load(conn, id, current.actor.user_id.0)?;
            if !policy::can_read_delivery(&current.actor, before.org_id, before.recipient_org_id) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_answer_for_recipient(&current.actor, before.recipient_org_id) {
                return Err(ApiError::Forbidden);
            }
            delivery::confirm(conn, id, current.actor.user_id.0)?;
            let after = delivery::load(conn, id, current.actor.user_id.0)?;
            if before.confirmed_at.is_none() {
                audit::record(
                    conn,
                    Change {
                        actor_id: Some(current.actor.user_id.0),
                        org_id: Some(after.org_id.0),
                        entity: "delivery",
                        entity_id: id,
                        action: "confirm",
                        before: Some(&before),
                        after: Some(&after),
                    },
                )?;
            }
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}
