//! `POST /api/organisations`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::organisation::{self, NewOrganisation};
use crate::domain::policy;
use crate::domain::text::{self, Errors, field_error};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::organisations::{CreateOrganisation, Organisation};
use openapi::{FieldErrorCode, Problem};

/// Registers a school or committee. Platform administrators only.
#[utoipa::path(
    tag = "organisations",
    operation_id = "create_organisation",
    security(("bearer" = [])),
    request_body = CreateOrganisation,
    responses(
        (status = 201, description = "The new organisation", body = Organisation),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a platform administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The name is taken (`errors[].field = name`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invalid field", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<CreateOrganisation>,
) -> Result<HttpResponse, ApiError> {
    if !policy::can_create_organisation(&current.actor) {
        return Err(ApiError::Forbidden);
    }
    let request = body.0;
    let mut errors = Errors::default();
    let name = errors.take(text::bounded("name", &request.name, 3, 300));
    let short_name = errors.take(text::bounded("short_name", &request.short_name, 2, 100));
    let municipality = errors.take(text::bounded("municipality", &request.municipality, 2, 200));
    errors.finish()?;
    let (Some(name), Some(short_name), Some(municipality)) = (name, short_name, municipality) else {
        return Err(ApiError::Internal(anyhow::anyhow!("validated fields missing")));
    };
    let kind = request.kind;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            if organisation::name_taken(conn, &name)? {
                return Err(ApiError::Conflict {
                    detail: "An organisation with this name exists.".to_owned(),
                    errors: vec![field_error("name", FieldErrorCode::Taken, "is already registered")],
                });
            }
            let new = NewOrganisation {
                name: &name,
                short_name: &short_name,
                kind,
                municipality: &municipality,
            };
            let id = organisation::insert(conn, &new)?;
            let created = organisation::find(conn, id)?.into_dto();
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(id),
                    entity: "organisation",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok(created)
        })
    })
    .await?;
    tracing::info!(organisation_id = created.id.0, "organisation registered");
    Ok(HttpResponse::Created().json(created))
}
