use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Invalid, NotFound, Unauthorized};
use crate::services::fairs;
use actix_web::{HttpResponse, post, web};
use openapi::fairs::{Stand, StandInput};
use openapi::{EventId, Problem};

/// Presents a stand of the caller's school at a fair (its administration, council or
/// teachers), with up to 20 of the school's resources, while the fair is published and
/// not over: one stand per school, at most 500 stands per fair.
#[utoipa::path(
    tag = "fairs",
    operation_id = "create_stand",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The fair's id")),
    request_body = StandInput,
    responses(
        (status = 201, description = "The stand", body = Stand),
        Unauthorized,
        (status = 403, description = "Not a school's administration, council or teacher", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Not an organised fair (`not_a_fair`), not published or over (`fair_closed`), the school presents a stand there already (`already_presented`), or the fair has its 500 stands (`stand_limit`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/events/{id}/stands")]
pub async fn create_stand(
    session: Session,
    id: web::Path<EventId>,
    body: Json<StandInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let created = session
        .run(move |conn, caller| fairs::create(conn, caller, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(created))
}
