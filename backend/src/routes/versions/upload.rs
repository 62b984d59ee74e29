//! `POST /api/versions/{id}/files`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::version::{self, NewFile};
use crate::error::ApiError;
use crate::http::uploads::FileContent;
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, post, web};
use diesel::Connection;
use openapi::Problem;
use openapi::resources::{ResourceFile, UploadQuery};

/// Uploads one file of a version: the request body is the file itself, its name in
/// `file_name`. Accepted: pdf, docx, doc, xlsx, pptx, odt, txt, png, jpg, zip, up to
/// 20 MiB, and the content must really be of the named type.
#[utoipa::path(
    tag = "resources",
    operation_id = "upload_version_file",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id"), UploadQuery),
    request_body(content = FileContent, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 201, description = "The stored file", body = ResourceFile),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such version, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Over 20 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/versions/{id}/files")]
pub async fn upload_version_file(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let version_id = id.into_inner();
    let version = {
        let current = current.clone();
        crate::db::run(&state.pool, move |conn| {
            let version = version::find(conn, version_id)?;
            super::visible_resource(conn, &current, version.resource_id, true)?;
            Ok(version)
        })
        .await?
    };
    let stored = crate::http::uploads::receive(
        &state,
        &req,
        payload,
        &query.file_name,
        &version.resource_id.to_string(),
    )
    .await?;
    let key = stored.key.clone();
    let saved_key = key.clone();
    let result = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let new = NewFile {
                version_id,
                resource_id: version.resource_id,
                file_name: &stored.accepted.file_name,
                content_type: stored.accepted.content_type,
                size: stored.size,
                sha256: &stored.sha256,
                storage_key: &stored.key,
                created_by: current.actor.user_id.0,
            };
            let id = version::insert_file(conn, &new)?;
            let file = version::find_file(conn, id)?;
            let org = crate::db::models::resource::find(conn, version.resource_id)?.org_id;
            let dto = file.into_dto();
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(org),
                    entity: "resource_file",
                    entity_id: id,
                    action: "upload",
                    before: None,
                    after: Some(&dto),
                },
            )?;
            Ok::<ResourceFile, ApiError>(dto)
        })
    })
    .await;
    match result {
        Ok(file) => Ok(HttpResponse::Created().json(file)),
        Err(err) => {
            crate::http::uploads::discard(&state, &saved_key);
            Err(err)
        }
    }
}
