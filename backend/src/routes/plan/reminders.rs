use crate::auth::Session;
use crate::error::ApiError;
use crate::http::responses::Unauthorized;
use crate::services::plan;
use actix_web::{get, web};
use openapi::plan::Reminder;

/// The signed-in user's open plan items due within 14 days or overdue, by deadline.
#[utoipa::path(
    tag = "plan",
    operation_id = "list_my_reminders",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reminders, the nearest deadline first", body = Vec<Reminder>),
        Unauthorized
    )
)]
#[get("/me/reminders")]
pub async fn list_my_reminders(session: Session) -> Result<web::Json<Vec<Reminder>>, ApiError> {
    session.run(plan::reminders).await.map(web::Json)
}
