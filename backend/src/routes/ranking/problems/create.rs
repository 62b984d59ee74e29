use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{Forbidden, Invalid, NotFound, Unauthorized};
use crate::http::versions::tagged_created;
use crate::services::ranking;
use actix_web::{HttpResponse, post, web};
use openapi::ranking::{SchoolProblem, SchoolProblemInput};
use openapi::{Problem, RoundId};

/// Lists a problem in a round that is not frozen (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "create_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    request_body = SchoolProblemInput,
    responses(
        (status = 201, description = "The new problem", body = SchoolProblem, headers(("ETag" = String, description = "The record's version (`\"<version>\"`), for `If-Match`"))),
        Unauthorized,
        Forbidden,
        NotFound,
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        Invalid
    )
)]
#[post("/ranking-rounds/{id}/problems")]
pub async fn create_problem(
    session: Session,
    id: web::Path<RoundId>,
    body: Json<SchoolProblemInput>,
) -> Result<HttpResponse, ApiError> {
    let round = id.into_inner();
    let created = session
        .run(move |conn, caller| ranking::create_problem(conn, caller, round, &body.0))
        .await?;
    Ok(tagged_created(created))
}
