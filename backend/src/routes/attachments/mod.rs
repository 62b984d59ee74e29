//! Files attached to a package document's version (appendices) or to a plan item (the
//! evidence of its completion): `POST /api/document-versions/{id}/attachments`,
//! `POST /api/plan-items/{id}/attachments`, `GET/DELETE /api/attachments/{id}`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::attachment::{self, NewAttachment, Owner};
use crate::db::models::audit::{self};
use crate::db::models::{package, plan};
use crate::domain::policy;
use crate::error::ApiError;
use crate::http::uploads::{self, FileContent};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use diesel::Connection;
use openapi::package::VersionStatus;
use openapi::plan::Attachment;
use openapi::resources::UploadQuery;
use openapi::{OrganisationId, Problem};

/// The school of an owner the user may read, checking that they may also change it; a
/// document version takes files only while it is under review.
fn editable_owner(conn: &mut DbConnection, current: &CurrentUser, owner: Owner) -> Result<i64, ApiError> {
    let (org, decided) = match owner {
        Owner::DocumentVersion(id) => {
            let row = package::find(conn, id)?;
            (row.org_id, row.status() != VersionStatus::UnderReview)
        }
        Owner::PlanItem(id) => (plan::find(conn, id)?.org_id, false),
    };
    if !policy::can_read_school_work(&current.actor, OrganisationId(org)) {
        return Err(ApiError::NotFound);
    }
    if !policy::can_edit_resources(&current.actor, OrganisationId(org)) {
        return Err(ApiError::Forbidden);
    }
    if decided {
        return Err(ApiError::Refused {
            reason: openapi::RefusalReason::NotUnderReview,
            detail: "Files are attached to a version while it is under review.".to_owned(),
        });
    }
    Ok(org)
}

async fn attach(
    state: web::Data<AppState>,
    current: CurrentUser,
    owner: Owner,
    file_name: &str,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let org = {
        let current = current.clone();
        crate::db::run(&state.pool, move |conn| editable_owner(conn, &current, owner)).await?
    };
    let stored = uploads::receive(&state, &req, payload, file_name, &format!("attachments/{org}")).await?;
    let key = stored.key.clone();
    let result = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            // Checked again inside the transaction: the version may have been decided meanwhile.
            editable_owner(conn, &current, owner)?;
            let id = attachment::insert(
                conn,
                &NewAttachment {
                    org_id: org,
                    owner,
                    file_name: &stored.accepted.file_name,
                    content_type: stored.accepted.content_type,
                    size: stored.size,
                    sha256: &stored.sha256,
                    storage_key: &stored.key,
                    created_by: current.actor.user_id.0,
                },
            )?;
            let dto = attachment::find(conn, id)?.into_dto();
            audit::log(
                conn,
                (current.actor.user_id.0, org),
                ("attachment", id),
                "upload",
                None,
                Some(&dto),
            )?;
            Ok(dto)
        })
    })
    .await;
    match result {
        Ok(file) => Ok(HttpResponse::Created().json(file)),
        Err(err) => {
            uploads::discard(&state, &key);
            Err(err)
        }
    }
}

/// Attaches a file to a version under review (the school's administration, council or
/// staff): the body is the file itself, its name in `file_name`; the same types and
/// 20 MiB limit as resource files.
#[utoipa::path(
    tag = "package",
    operation_id = "attach_to_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such version, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is decided (`not_under_review`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 20 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/document-versions/{id}/attachments")]
pub async fn attach_to_document_version(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::DocumentVersion(id.into_inner());
    attach(state, current, owner, &query.file_name, req, payload).await
}

/// Attaches a file to a plan item as evidence of its completion (the school's
/// administration, council or staff).
#[utoipa::path(
    tag = "plan",
    operation_id = "attach_to_plan_item",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The item's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 20 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/plan-items/{id}/attachments")]
pub async fn attach_to_plan_item(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::PlanItem(id.into_inner());
    attach(state, current, owner, &query.file_name, req, payload).await
}

/// Downloads an attached file, for whoever may read the school's work.
#[utoipa::path(
    tag = "package",
    operation_id = "download_attachment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The file, as an attachment with its original name", body = FileContent, content_type = "application/octet-stream"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/attachments/{id}")]
pub async fn download_attachment(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = crate::db::run(&state.pool, move |conn| {
        let row = attachment::find(conn, id)?;
        if policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
            Ok(row)
        } else {
            Err(ApiError::NotFound)
        }
    })
    .await?;
    uploads::serve(&state, row.storage_key, &row.file_name, &row.content_type).await
}

/// Removes an attached file (the school's administration, council or staff); a decided
/// version's files stay.
#[utoipa::path(
    tag = "package",
    operation_id = "delete_attachment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is decided (`not_under_review`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/attachments/{id}")]
pub async fn delete_attachment(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let key = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = attachment::find(conn, id)?;
            if !policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::NotFound);
            }
            let org = editable_owner(conn, &current, row.owner())?;
            attachment::delete(conn, id)?;
            let key = row.storage_key.clone();
            audit::log(
                conn,
                (current.actor.user_id.0, org),
                ("attachment", id),
                "delete",
                Some(&row.into_dto()),
                None,
            )?;
            Ok(key)
        })
    })
    .await?;
    uploads::discard(&state, &key);
    Ok(HttpResponse::NoContent().finish())
}
