//! `GET /api/files/{id}`.

use crate::auth::CurrentUser;
use crate::db::models::version;
use crate::error::ApiError;
use crate::http::uploads::FileContent;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use openapi::Problem;

/// Downloads a file of a resource version, for whoever may read the resource.
#[utoipa::path(
    tag = "resources",
    operation_id = "download_file",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The file's id")),
    responses(
        (status = 200, description = "The file, as an attachment with its original name", body = FileContent, content_type = "application/octet-stream"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/files/{id}")]
pub async fn download_file(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let file_id = id.into_inner();
    let file = crate::db::run(&state.pool, move |conn| {
        let file = version::find_file(conn, file_id)?;
        super::visible_resource(conn, &current, file.resource_id, false)?;
        Ok(file)
    })
    .await?;
    crate::http::uploads::serve(&state, file.storage_key, &file.file_name, &file.content_type).await
}
