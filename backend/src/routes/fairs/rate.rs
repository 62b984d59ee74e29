use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::fairs;
use actix_web::{put, web};
use openapi::fairs::{RatingInput, Stand};
use openapi::{Problem, StandId};

/// Sets the signed-in visitor's rating of a stand (1–5), one per visitor, changed until
/// the fair's last day: only accounts registered for the fair rate, and a stand is not
/// rated by its own school.
#[utoipa::path(
    tag = "fairs",
    operation_id = "rate_stand",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The stand's id")),
    request_body = RatingInput,
    responses(
        (status = 200, description = "The stand with the caller's rating", body = Stand),
        Unauthorized,
        (status = 403, description = "The stand is of the caller's own school", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The fair is not published or is over (`fair_closed`), or the caller is not registered for it (`not_registered_for_fair`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[put("/stands/{id}/rating")]
pub async fn rate_stand(
    session: Session,
    id: web::Path<StandId>,
    body: Json<RatingInput>,
) -> Result<web::Json<Stand>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| fairs::rate(conn, caller, id, &body.0))
        .await
        .map(web::Json)
}
