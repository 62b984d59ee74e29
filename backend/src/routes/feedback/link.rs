//! `POST` and `GET /api/deliveries/{id}/feedback-links`.

use crate::auth::Session;
use crate::error::ApiError;
use crate::extract::Json;
use crate::http::responses::{NotFound, Unauthorized};
use crate::services::feedback_links;
use actix_web::{HttpResponse, get, post, web};
use openapi::feedback::{FeedbackLink, FeedbackLinkInput, IssuedFeedbackLink};
use openapi::{DeliveryId, Page, PageQuery, Problem};

/// Issues a signed single-use link for one respondent of the consumer school, who rates
/// the delivery at `/feedback/<token>` without an account. The consumer school's partner
/// staff or administration issue it; the host school, whose resource is rated, may not.
/// The link names its respondent by `email`, or by `user_id`, an active account of the
/// consumer school whose e-mail it takes; e-mails are compared trimmed and lower-cased.
/// One link per e-mail and delivery, and at most as many links as the people the
/// delivery reached (its `recipients`, at most 200).
#[utoipa::path(
    tag = "feedback",
    operation_id = "create_feedback_link",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id")),
    request_body = FeedbackLinkInput,
    responses(
        (status = 201, description = "The link", body = FeedbackLink),
        Unauthorized,
        (status = 403, description = "Not the consumer school's partner staff or administration (the host school may not issue links)", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The delivery has as many links as people it reached (`feedback_link_limit`), or the e-mail has a link or an answer on it already (`feedback_respondent_linked`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "E-mail missing or malformed (`email`), `user_id` not an active account of the consumer school, name or validity out of range", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/deliveries/{id}/feedback-links")]
pub async fn create_feedback_link(
    session: Session,
    id: web::Path<DeliveryId>,
    body: Json<FeedbackLinkInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let keys = session.state().keys.clone();
    let link = session
        .run(move |conn, caller| feedback_links::link(conn, caller, &keys, id, &body.0))
        .await?;
    Ok(HttpResponse::Created().json(link))
}

/// The links issued for a delivery, newest first: whom each is for (e-mail and name),
/// until when, and whether it was answered; never the tokens. For those who issue them:
/// the consumer school's partner staff and administration.
#[utoipa::path(
    tag = "feedback",
    operation_id = "list_feedback_links",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The delivery's id"), PageQuery),
    responses(
        (status = 200, description = "One page of links", body = Page<IssuedFeedbackLink>),
        Unauthorized,
        (status = 403, description = "Not the consumer school's partner staff or administration", body = Problem, content_type = "application/problem+json"),
        NotFound
    )
)]
#[get("/deliveries/{id}/feedback-links")]
pub async fn list_feedback_links(
    session: Session,
    id: web::Path<DeliveryId>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<IssuedFeedbackLink>>, ApiError> {
    let id = id.into_inner();
    session
        .run(move |conn, caller| feedback_links::links(conn, caller, id, &page))
        .await
        .map(web::Json)
}
