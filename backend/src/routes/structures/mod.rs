//! Managing structures of a project and the director's approval of their composition
//! (Regulation 4.2): `GET/POST /api/projects/{id}/structures`, `PUT /api/structures/{id}`,
//! `POST /api/structures/{id}/approval`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::audit::{self};
use crate::db::models::structure;
use crate::db::schema::users;
use crate::domain::policy;
use crate::domain::structures::{self, Composition};
use crate::domain::text::field_error;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, put, web};
use diesel::prelude::*;
use openapi::FieldErrorCode::NotAllowed;
use openapi::structures::{Structure, StructureInput};
use openapi::{OrganisationId, Problem};

/// Every member must be an active account of the school.
fn check_members(conn: &mut DbConnection, org: i64, composition: &Composition) -> Result<(), ApiError> {
    let ids: Vec<i64> = composition.members.iter().map(|(user, _, _)| *user).collect();
    let found: Vec<i64> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::org_id.eq(org))
        .filter(users::is_active.eq(true))
        .select(users::id)
        .load(conn)?;
    let errors: Vec<_> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !found.contains(id))
        .map(|(index, _)| {
            field_error(
                &format!("members[{index}].user_id"),
                NotAllowed,
                "must be an active account of this school",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// The structures of a project with their members and approval history.
#[utoipa::path(
    tag = "structures",
    operation_id = "list_structures",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's structures, in the order they were formed", body = Vec<Structure>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/structures")]
pub async fn list_structures(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<Structure>>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        Ok(structure::for_project(conn, id)?)
    })
    .await
    .map(web::Json)
}

/// Forms a structure of a project (the school's administration or council); it is a
/// draft until the director approves it.
#[utoipa::path(
    tag = "structures",
    operation_id = "create_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    request_body = StructureInput,
    responses(
        (status = 201, description = "The new structure", body = Structure),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid composition, each problem named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/structures")]
pub async fn create_structure(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<StructureInput>,
) -> Result<HttpResponse, ApiError> {
    let project = id.into_inner();
    let composition = structures::parse(&body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = crate::routes::projects::readable(conn, &current, project)?;
            if !policy::can_manage_projects(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            check_members(conn, row.org_id, &composition)?;
            let id = structure::insert(conn, row.org_id, project, &composition)?;
            let created = structure::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, created.org_id.0),
                ("structure", created.id),
                "create",
                None,
                Some(&created),
            )?;
            Ok(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Changes a structure's name, kind or members (administration or council). A change
/// after an approval makes it `changed`: it needs the director's approval again.
#[utoipa::path(
    tag = "structures",
    operation_id = "update_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id")),
    request_body = StructureInput,
    responses(
        (status = 200, description = "The changed structure", body = Structure),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration or council", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such structure, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid composition, each problem named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/structures/{id}")]
pub async fn update_structure(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<StructureInput>,
) -> Result<web::Json<Structure>, ApiError> {
    let id = id.into_inner();
    let composition = structures::parse(&body.0)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = readable(conn, &current, id)?;
            if !policy::can_manage_projects(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            check_members(conn, row.org_id, &composition)?;
            let before = structure::load(conn, id)?;
            structure::update(conn, id, &composition, structures::after_change(row.status()))?;
            let after = structure::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, after.org_id.0),
                ("structure", after.id),
                "update",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

fn readable(conn: &mut DbConnection, current: &CurrentUser, id: i64) -> Result<structure::StructureRow, ApiError> {
    let row = structure::find(conn, id)?;
    if policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
        Ok(row)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The director approves the current composition; the approval joins the history.
#[utoipa::path(
    tag = "structures",
    operation_id = "approve_structure",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The structure's id")),
    responses(
        (status = 200, description = "The approved structure", body = Structure),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration (the director)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such structure, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This composition is approved already (`already_approved`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/structures/{id}/approval")]
pub async fn approve_structure(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Structure>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = readable(conn, &current, id)?;
            if !policy::is_director_of(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            if !structures::can_approve(row.status()) {
                return Err(ApiError::Refused {
                    reason: openapi::RefusalReason::AlreadyApproved,
                    detail: "This composition is approved already.".to_owned(),
                });
            }
            let before = structure::load(conn, id)?;
            structure::approve(conn, id, &before.members, current.actor.user_id.0)?;
            let after = structure::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, after.org_id.0),
                ("structure", after.id),
                "approve",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}
