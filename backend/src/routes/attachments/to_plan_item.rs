use super::upload::attach;
use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::{NotFound, Unauthorized, UploadTooLarge};
use crate::http::uploads::FileContent;
use crate::services::attachments::Owner;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::plan::Attachment;
use openapi::resources::UploadQuery;
use openapi::{PlanItemId, Problem};

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
        Unauthorized,
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        NotFound,
        UploadTooLarge,
        (status = 422, description = "A type that is not accepted, or content that is not of the named type", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/plan-items/{id}/attachments")]
pub async fn attach_to_plan_item(
    session: Session,
    id: web::Path<PlanItemId>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let owner = Owner::PlanItem(id.into_inner());
    attach(session, owner, &query.file_name, req, payload).await
}
