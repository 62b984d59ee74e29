//! `GET/POST /api/ranking-rounds`, `GET /api/ranking-rounds/{id}`,
//! `PUT /api/ranking-rounds/{id}/criteria`, `POST /api/ranking-rounds/{id}/freeze`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::{PageRequest, ranking};
use crate::domain::policy;
use crate::domain::ranking::{default_criteria, parse_criteria};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, put, web};
use diesel::Connection;
use openapi::FieldErrorCode::OutOfRange;
use openapi::ranking::{CriteriaInput, Ranking, RankingRound, RoundFilter, RoundInput};
use openapi::{OrganisationId, Page, PageQuery, Problem};

/// The ranking rounds of the user's school (the committee: of every school, or of
/// `org_id`), the latest school year first.
#[utoipa::path(
    tag = "ranking",
    operation_id = "list_ranking_rounds",
    security(("bearer" = [])),
    params(PageQuery, RoundFilter),
    responses(
        (status = 200, description = "One page of rounds", body = Page<RankingRound>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another school's rounds, or a partner-only account", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/ranking-rounds")]
pub async fn list_ranking_rounds(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<RoundFilter>,
) -> Result<web::Json<Page<RankingRound>>, ApiError> {
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    let org = policy::school_work_scope(&current.actor, filter.org_id)?;
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = ranking::list_rounds(conn, org.map(|o| o.0), filter.school_year, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}

/// Opens the ranking of a school year for the user's school (council or administration);
/// one round per school and year. Without criteria the round uses «Значимость» ×3,
/// «Актуальность» ×2 and «Реализуемость» ×1.
#[utoipa::path(
    tag = "ranking",
    operation_id = "create_ranking_round",
    security(("bearer" = [])),
    request_body = RoundInput,
    responses(
        (status = 201, description = "The new round", body = RankingRound),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's council or administration", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The school already has a round for that year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid year or criteria, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/ranking-rounds")]
pub async fn create_ranking_round(
    state: web::Data<AppState>,
    current: CurrentUser,
    body: Json<RoundInput>,
) -> Result<HttpResponse, ApiError> {
    let org = current.actor.org_id;
    if !policy::can_list_problems(&current.actor, org) {
        return Err(ApiError::Forbidden);
    }
    let input = body.0;
    if !(2000..=2100).contains(&input.school_year) {
        return Err(ApiError::field("school_year", OutOfRange, "must be from 2000 to 2100"));
    }
    let criteria = parse_criteria(&input.criteria.unwrap_or_else(default_criteria))?;
    let actor = current.actor.user_id.0;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let id = ranking::insert_round(conn, org.0, input.school_year, &criteria, actor)?;
            let created = ranking::load_round(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(actor),
                    org_id: Some(org.0),
                    entity: "ranking_round",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

fn readable_round(
    conn: &mut crate::db::DbConnection,
    current: &CurrentUser,
    id: i64,
) -> Result<ranking::RoundRow, ApiError> {
    let round = ranking::find_round(conn, id)?;
    if policy::can_read_school_work(&current.actor, OrganisationId(round.org_id)) {
        Ok(round)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The ranking of a round: every problem with its rank, score, criterion means and each
/// member's scores, computed by the method described on `Ranking`.
#[utoipa::path(
    tag = "ranking",
    operation_id = "get_ranking",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    responses(
        (status = 200, description = "The ranking", body = Ranking),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/ranking-rounds/{id}")]
pub async fn get_ranking(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Ranking>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let round = readable_round(conn, &current, id)?;
        super::ranking(conn, &round)
    })
    .await
    .map(web::Json)
}

/// Replaces the criteria of a round that nobody has scored yet (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_ranking_criteria",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    request_body = CriteriaInput,
    responses(
        (status = 200, description = "The round with its new criteria", body = RankingRound),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's council or administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Frozen (`ranking_frozen`) or already scored (`ranking_scored`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid criteria, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/ranking-rounds/{id}/criteria")]
pub async fn update_ranking_criteria(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<CriteriaInput>,
) -> Result<web::Json<RankingRound>, ApiError> {
    let id = id.into_inner();
    let criteria = parse_criteria(&body.0.criteria)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let round = readable_round(conn, &current, id)?;
            if !policy::can_list_problems(&current.actor, OrganisationId(round.org_id)) {
                return Err(ApiError::Forbidden);
            }
            super::not_frozen(&round)?;
            if ranking::has_scores(conn, id)? {
                return Err(ApiError::Refused {
                    reason: openapi::RefusalReason::RankingScored,
                    detail: "Members have scored this round; its criteria can no longer change.".to_owned(),
                });
            }
            let before = ranking::load_round(conn, id)?;
            ranking::set_criteria(conn, id, &criteria)?;
            let after = ranking::load_round(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "ranking_round",
                    entity_id: id,
                    action: "update",
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

/// Freezes the ranking (the director): no more problems, edits or scores; the result
/// stays as computed now.
#[utoipa::path(
    tag = "ranking",
    operation_id = "freeze_ranking",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    responses(
        (status = 200, description = "The frozen ranking", body = Ranking),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Frozen already (`ranking_frozen`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/ranking-rounds/{id}/freeze")]
pub async fn freeze_ranking(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Ranking>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let round = readable_round(conn, &current, id)?;
            if !policy::is_director_of(&current.actor, OrganisationId(round.org_id)) {
                return Err(ApiError::Forbidden);
            }
            super::not_frozen(&round)?;
            let before = ranking::load_round(conn, id)?;
            ranking::freeze(conn, id, current.actor.user_id.0)?;
            let frozen = ranking::find_round(conn, id)?;
            let after = ranking::load_round(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "ranking_round",
                    entity_id: id,
                    action: "freeze",
                    before: Some(&before),
                    after: Some(&after),
                },
            )?;
            super::ranking(conn, &frozen)
        })
    })
    .await
    .map(web::Json)
}
