use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::package;
use actix_web::{get, web};
use openapi::ProjectId;
use openapi::package::Package;

/// The four documents of a project's package with their latest versions and review
/// threads, and whether the package is approved (every latest version approved).
#[utoipa::path(
    tag = "package",
    operation_id = "get_package",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses((status = 200, description = "The package", body = Package), Unauthorized, NotFound)
)]
#[get("/projects/{id}/package")]
pub async fn get_package(session: Session, id: web::Path<ProjectId>) -> Result<web::Json<Package>, ApiError> {
    let project = id.into_inner();
    session
        .run(move |conn, caller| package::get(conn, caller, project))
        .await
        .map(web::Json)
}
