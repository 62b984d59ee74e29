//! `POST /api/requests`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::request::{self, NewRequestRow};
use crate::db::models::{organisation, resource};
use crate::domain::policy;
use crate::domain::requests::NewRequest;
use crate::domain::text::field_error;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::{Connection, OptionalExtension};
use openapi::FieldErrorCode::NotAllowed;
use openapi::Problem;
use openapi::organisations::OrganisationKind;
use openapi::requests::{ConsumerRequest, RequestInput};

/// Files a consumer request: to a school, for a published resource of the catalogue, or
/// open to every school. Partner schools' staff and the committee.
#[utoipa::path(
    tag = "requests",
    operation_id = "create_request",
    security(("bearer" = [])),
    request_body = RequestInput,
    responses(
        (status = 201, description = "The filed request", body = ConsumerRequest),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither a partner school's staff nor the committee", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a target that is not another school, an unpublished resource …)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/requests")]
pub async fn create_request(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<RequestInput>,
) -> Result<HttpResponse, ApiError> {
    if !policy::can_file_request(&current.actor) {
        return Err(ApiError::Forbidden);
    }
    let input = body.0;
    let parsed = NewRequest::parse(&input, crate::db::models::now().date())?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let own = current.actor.org_id.0;
            let mut target = input.target_org_id.map(|org| org.0);
            if let Some(resource_id) = input.resource_id {
                match resource::find(conn, resource_id.0).optional()? {
                    Some(row) if row.is_published() && row.org_id != own => target = Some(row.org_id),
                    _ => {
                        return Err(ApiError::Validation(vec![field_error(
                            "resource_id",
                            NotAllowed,
                            "ask for a published resource of another school",
                        )]));
                    }
                }
            } else if let Some(org) = target {
                let is_other_school = organisation::find(conn, org)
                    .optional()?
                    .is_some_and(|found| found.kind() == OrganisationKind::School && found.id != own);
                if !is_other_school {
                    return Err(ApiError::Validation(vec![field_error(
                        "target_org_id",
                        NotAllowed,
                        "address the request to another school",
                    )]));
                }
            }
            let new = NewRequestRow {
                requester_org_id: own,
                requester_id: current.actor.user_id.0,
                target_org_id: target,
                resource_id: input.resource_id.map(|id| id.0),
                need: &parsed.need,
                audience: &parsed.audience,
                desired_form: input.desired_form,
                deadline: input.deadline,
            };
            let id = request::insert(conn, &new)?;
            let created = request::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: target,
                    entity: "request",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok::<ConsumerRequest, ApiError>(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
