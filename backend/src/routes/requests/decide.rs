//! `POST /api/requests/{id}/decision`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::{request, resource};
use crate::domain::policy;
use crate::domain::requests::{self, DecisionRefusal};
use crate::domain::text::{self, field_error};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::{Connection, OptionalExtension};
use openapi::FieldErrorCode::NotAllowed;
use openapi::Problem;
use openapi::requests::{ConsumerRequest, RequestDecision, RequestStatus};

/// Decides a request for the signed-in user's school: accept it with the resource that
/// will answer it, answer it with an existing resource, or decline it with a reason.
/// The requester sees the change in the request's history.
#[utoipa::path(
    tag = "requests",
    operation_id = "decide_request",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id")),
    request_body = RequestDecision,
    responses(
        (status = 200, description = "The decided request", body = ConsumerRequest),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of a school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already, addressed to another school, or an open request that cannot be declined", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A resource of another school, or a reason too short", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/requests/{id}/decision")]
pub async fn decide_request(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<RequestDecision>,
) -> Result<web::Json<ConsumerRequest>, ApiError> {
    let id = id.into_inner();
    let decision = body.0;
    let (resource_id, note) = match &decision {
        RequestDecision::Accept { resource_id } => (Some(resource_id.0), None),
        RequestDecision::Answer { resource_id, note } => {
            let note = note
                .as_deref()
                .filter(|n| !n.trim().is_empty())
                .map(|n| text::bounded("note", n, 1, 2000))
                .transpose();
            (
                Some(resource_id.0),
                note.map_err(|err| ApiError::Validation(vec![err]))?,
            )
        }
        RequestDecision::Decline { reason } => (
            None,
            Some(text::bounded("reason", reason, 3, 2000).map_err(|err| ApiError::Validation(vec![err]))?),
        ),
    };
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let before = request::load(conn, id)?;
            let open = before.status == RequestStatus::Submitted;
            if !policy::can_read_request(&current.actor, before.requester_org_id, before.target_org_id, open) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_decide_requests(&current.actor) {
                return Err(ApiError::Forbidden);
            }
            let deciding = current.actor.org_id;
            let status = requests::decide(
                before.status,
                before.requester_org_id,
                before.target_org_id,
                deciding,
                &decision,
            )
            .map_err(conflict)?;
            if let Some(resource_id) = resource_id {
                let own = resource::find(conn, resource_id)
                    .optional()?
                    .is_some_and(|row| row.org_id == deciding.0);
                if !own {
                    return Err(ApiError::Validation(vec![field_error(
                        "resource_id",
                        NotAllowed,
                        "name a resource of your school",
                    )]));
                }
            }
            if !request::decide(
                conn,
                id,
                status,
                deciding.0,
                resource_id,
                note.as_deref(),
                current.actor.user_id.0,
            )? {
                return Err(conflict(DecisionRefusal::AlreadyDecided));
            }
            let after = request::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(deciding.0),
                    entity: "request",
                    entity_id: id,
                    action: decision.verb(),
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

fn conflict(refusal: DecisionRefusal) -> ApiError {
    ApiError::Conflict {
        detail: refusal.message().to_owned(),
        errors: Vec::new(),
    }
}
