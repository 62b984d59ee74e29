//! `GET /api/me/approvals`: what waits for the signed-in user's decision.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::approvals;
use actix_web::{get, web};
use openapi::plan::WaitingItem;

/// For the director: structures waiting for approval and drafted orders waiting to be
/// issued; for a council member: document versions waiting for review. Oldest first,
/// at most 100 of each kind.
#[utoipa::path(
    tag = "me",
    operation_id = "list_my_approvals",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What waits, oldest first", body = Vec<WaitingItem>),
        Unauthorized
    )
)]
#[get("/me/approvals")]
pub async fn list_my_approvals(session: Session) -> Result<web::Json<Vec<WaitingItem>>, ApiError> {
    session.run(approvals::list).await.map(web::Json)
}
