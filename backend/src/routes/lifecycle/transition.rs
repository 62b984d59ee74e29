//! `POST /api/resources/{id}/transitions`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::audit::{self, Change};
use crate::db::models::{delivery, project, request, resource, version};
use crate::domain::lifecycle::{self, Evidence, Refusal};
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::versions::visible_resource;
use crate::state::AppState;
use actix_web::{post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::lifecycle::TransitionInput;
use openapi::resources::{Resource, VersionKind};

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// What a resource's records show, as the lifecycle rules need it.
pub fn evidence(conn: &mut DbConnection, resource_id: i64, project_id: i64) -> Result<Evidence, ApiError> {
    Ok(Evidence {
        accepted_requests: count(request::count_taken_for(conn, resource_id)?),
        competitive_assignment: project::find(conn, project_id)?.0.is_competitive(),
        design_documents: count(version::count_with_files(conn, resource_id, VersionKind::Design)?),
        produced_versions: count(version::count_with_files(conn, resource_id, VersionKind::Product)?),
        deliveries: count(delivery::count_for(conn, resource_id)?),
    })
}

/// Moves a resource to the next stage when the current one shows its evidence, or back
/// to an earlier stage with a reason. Refusals are `409 transition_refused` with a
/// `reason`: `same_stage`, `skips_a_step`, `reason_required`, `no_accepted_request`,
/// `no_design_document`, `no_produced_version` or `no_delivery`.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "create_transition",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = TransitionInput,
    responses(
        (status = 200, description = "The resource at its new stage", body = Resource),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused; `reason` names why", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason too long", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/transitions")]
pub async fn create_transition(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<TransitionInput>,
) -> Result<web::Json<Resource>, ApiError> {
    let resource_id = id.into_inner();
    let input = body.0;
    let reason = input
        .reason
        .as_deref()
        .filter(|reason| !reason.trim().is_empty())
        .map(|reason| text::bounded("reason", reason, 1, 2000))
        .transpose()
        .map_err(|err| ApiError::Validation(vec![err]))?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = visible_resource(conn, &current, resource_id, true)?;
            let from = row.stage();
            let evidence = evidence(conn, resource_id, row.project_id)?;
            lifecycle::check(from, input.to, &evidence, reason.as_deref()).map_err(ApiError::TransitionRefused)?;
            let actor = current.actor.user_id.0;
            let Some(transition_id) =
                crate::db::models::transition::apply(conn, resource_id, from, input.to, actor, reason.as_deref())?
            else {
                return Err(ApiError::TransitionRefused(Refusal::SameStage));
            };
            let after = resource::load(conn, resource_id)?;
            let record = serde_json::json!({"from": from, "to": input.to, "reason": reason});
            audit::record(
                conn,
                Change {
                    actor_id: Some(actor),
                    org_id: Some(row.org_id),
                    entity: "resource",
                    entity_id: resource_id,
                    action: "transition",
                    before: None,
                    after: Some(&record),
                },
            )?;
            tracing::info!(
                resource_id,
                transition_id,
                from = from.as_str(),
                to = input.to.as_str(),
                "lifecycle transition"
            );
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}
