//! `POST /api/projects/{id}/confirmations`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::project;
use crate::domain::policy;
use crate::domain::text::{self, Errors};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::Connection;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::projects::{ConfirmationInput, Project, ProjectLevel};
use openapi::{OrganisationId, Problem};

/// Records the yearly confirmation of an innovation platform's status (the school's
/// administration), once per school year of the project.
#[utoipa::path(
    tag = "projects",
    operation_id = "confirm_platform_status",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = ConfirmationInput,
    responses(
        (status = 201, description = "The project with the confirmation", body = Project),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "That school year is confirmed already", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a platform, a year outside the project, a date in the future, or no basis", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/confirmations")]
pub async fn confirm_platform_status(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ConfirmationInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let confirmed = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = super::readable(conn, &current, id)?;
            if !policy::is_director_of(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let mut errors = Errors::default();
            if row.level != ProjectLevel::Platform.as_str() {
                errors.add(
                    "school_year",
                    NotAllowed,
                    "only an innovation platform has its status confirmed",
                );
            }
            if input.school_year < row.start_year || input.school_year > row.end_year {
                errors.add("school_year", OutOfRange, "must be one of the project's school years");
            }
            if input.confirmed_on > chrono::Utc::now().date_naive() {
                errors.add("confirmed_on", OutOfRange, "cannot be in the future");
            }
            let basis = errors.take(text::bounded("basis", &input.basis, 5, 500));
            errors.finish()?;
            let before = project::load(conn, id)?;
            if before.confirmations.iter().any(|c| c.school_year == input.school_year) {
                return Err(ApiError::Refused {
                    reason: openapi::RefusalReason::YearConfirmed,
                    detail: "This school year is confirmed already.".to_owned(),
                });
            }
            project::confirm(conn, id, &input, &basis.unwrap_or_default(), current.actor.user_id.0)?;
            let after = project::load(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(row.org_id),
                    entity: "project",
                    entity_id: id,
                    action: "confirm",
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            Ok(after)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(confirmed))
}
