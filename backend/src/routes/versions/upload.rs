//! `POST /api/versions/{id}/files`.

use super::FileContent;
use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::version::{self, NewFile};
use crate::domain::files::{self, MAX_FILE_SIZE};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use diesel::Connection;
use futures_util::StreamExt;
use openapi::Problem;
use openapi::resources::{ResourceFile, UploadQuery};
use sha2::{Digest, Sha256};

async fn read_limited(req: &HttpRequest, mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_FILE_SIZE) {
        return Err(ApiError::PayloadTooLarge);
    }
    let mut content = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|err| ApiError::MalformedBody(format!("cannot read the upload: {err}")))?;
        if content.len() + chunk.len() > MAX_FILE_SIZE {
            return Err(ApiError::PayloadTooLarge);
        }
        content.extend_from_slice(&chunk);
    }
    Ok(content)
}

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
    let content = read_limited(&req, payload).await?;
    let accepted = files::accept(&query.file_name, &content).map_err(|err| ApiError::Validation(vec![err]))?;
    let size = i64::try_from(content.len()).map_err(|err| ApiError::Internal(err.into()))?;
    let sha256: String = Sha256::digest(&content)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let key = format!("{}/{}", version.resource_id, uuid::Uuid::new_v4());
    let storage = state.storage.clone();
    {
        let (storage, key) = (storage.clone(), key.clone());
        web::block(move || storage.put(&key, &content))
            .await
            .map_err(|err| ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}")))??;
    }
    let saved_key = key.clone();
    let result = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let new = NewFile {
                version_id,
                resource_id: version.resource_id,
                file_name: &accepted.file_name,
                content_type: accepted.content_type,
                size,
                sha256: &sha256,
                storage_key: &key,
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
            if let Err(cleanup) = storage.delete(&saved_key) {
                tracing::warn!(error = %cleanup, key = %saved_key, "could not remove an orphaned upload");
            }
            Err(err)
        }
    }
}
