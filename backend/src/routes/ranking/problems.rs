//! `POST /api/ranking-rounds/{id}/problems`, `PUT/DELETE /api/problems/{id}`,
//! `PUT /api/problems/{id}/scores/me`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::ranking::{self, ProblemText};
use crate::domain::policy;
use crate::domain::ranking::parse_scores;
use crate::domain::text::{self, Errors};
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, delete, post, put, web};
use diesel::Connection;
use openapi::ranking::{Ranking, SchoolProblem, SchoolProblemInput, ScoreInput};
use openapi::{OrganisationId, Problem};

fn parse(input: &SchoolProblemInput) -> Result<ProblemText, ApiError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, 5, 300));
    let description = errors.take(text::bounded("description", &input.description, 5, 4000));
    let evidence = if input.evidence.trim().is_empty() {
        Some(String::new())
    } else {
        errors.take(text::bounded("evidence", &input.evidence, 1, 4000))
    };
    errors.finish()?;
    Ok(ProblemText {
        title: title.unwrap_or_default(),
        description: description.unwrap_or_default(),
        evidence: evidence.unwrap_or_default(),
    })
}

/// The problem and its round, when the user may read them; `404` otherwise.
fn readable(
    conn: &mut crate::db::DbConnection,
    current: &CurrentUser,
    id: i64,
) -> Result<(ranking::ProblemRow, ranking::RoundRow), ApiError> {
    let (problem, round) = ranking::find_problem(conn, id)?;
    if policy::can_read_school_work(&current.actor, OrganisationId(round.org_id)) {
        Ok((problem, round))
    } else {
        Err(ApiError::NotFound)
    }
}

/// The round of a problem the user may change: readable, theirs to edit, not frozen.
fn editable(conn: &mut crate::db::DbConnection, current: &CurrentUser, id: i64) -> Result<ranking::RoundRow, ApiError> {
    let (_, round) = readable(conn, current, id)?;
    if !policy::can_list_problems(&current.actor, OrganisationId(round.org_id)) {
        return Err(ApiError::Forbidden);
    }
    super::not_frozen(&round)?;
    Ok(round)
}

/// Lists a problem in a round that is not frozen (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "create_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The round's id")),
    request_body = SchoolProblemInput,
    responses(
        (status = 201, description = "The new problem", body = SchoolProblem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's council or administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such round, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/ranking-rounds/{id}/problems")]
pub async fn create_problem(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<SchoolProblemInput>,
) -> Result<HttpResponse, ApiError> {
    let round_id = id.into_inner();
    let text = parse(&body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let round = ranking::find_round(conn, round_id)?;
            let org = OrganisationId(round.org_id);
            if !policy::can_read_school_work(&current.actor, org) {
                return Err(ApiError::NotFound);
            }
            if !policy::can_list_problems(&current.actor, org) {
                return Err(ApiError::Forbidden);
            }
            super::not_frozen(&round)?;
            let id = ranking::insert_problem(conn, &round, &text, current.actor.user_id.0)?;
            let created = ranking::load_problem(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "problem",
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

/// Rewrites a problem of a round that is not frozen (council or administration).
#[utoipa::path(
    tag = "ranking",
    operation_id = "update_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    request_body = SchoolProblemInput,
    responses(
        (status = 200, description = "The changed problem", body = SchoolProblem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's council or administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such problem, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/problems/{id}")]
pub async fn update_problem(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<SchoolProblemInput>,
) -> Result<web::Json<SchoolProblem>, ApiError> {
    let id = id.into_inner();
    let text = parse(&body.0)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let round = editable(conn, &current, id)?;
            let before = ranking::load_problem(conn, id)?;
            ranking::update_problem(conn, id, &text)?;
            let after = ranking::load_problem(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "problem",
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

/// Removes a problem and its scores from a round that is not frozen (council or
/// administration); a problem a project cites stays.
#[utoipa::path(
    tag = "ranking",
    operation_id = "delete_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's council or administration", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such problem, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ranking is frozen (`ranking_frozen`) or a project cites it (`problem_cited`)", body = Problem, content_type = "application/problem+json")
    )
)]
#[delete("/problems/{id}")]
pub async fn delete_problem(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let round = editable(conn, &current, id)?;
            if ranking::is_cited(conn, id)? {
                return Err(ApiError::Refused {
                    reason: openapi::RefusalReason::ProblemCited,
                    detail: "A project cites this problem.".to_owned(),
                });
            }
            let before = ranking::load_problem(conn, id)?;
            ranking::delete_problem(conn, id)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "problem",
                    entity_id: id,
                    action: "delete",
                    before: Some(&before),
                    after: None::<&SchoolProblem>,
                },
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The signed-in council member scores a problem, one score from 1 to 5 per criterion;
/// scoring again replaces their scores. Returns the recomputed ranking.
#[utoipa::path(
    tag = "ranking",
    operation_id = "score_problem",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The problem's id")),
    request_body = ScoreInput,
    responses(
        (status = 200, description = "The ranking with these scores", body = Ranking),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a council member of the school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such problem, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ranking is frozen (`ranking_frozen`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not one score per criterion, or a score outside 1–5", body = Problem, content_type = "application/problem+json")
    )
)]
#[put("/problems/{id}/scores/me")]
pub async fn score_problem(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ScoreInput>,
) -> Result<web::Json<Ranking>, ApiError> {
    let id = id.into_inner();
    let scores = body.0.scores;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let (_, round) = readable(conn, &current, id)?;
            if !policy::can_score_problems(&current.actor, OrganisationId(round.org_id)) {
                return Err(ApiError::Forbidden);
            }
            super::not_frozen(&round)?;
            let criteria = ranking::load_round(conn, round.id)?.criteria.len();
            parse_scores(&scores, criteria)?;
            let member = current.actor.user_id.0;
            let before = ranking::scores_of(conn, round.id)?
                .into_iter()
                .find(|(problem, scorer, _)| *problem == id && *scorer == member)
                .map(|(_, _, set)| set);
            ranking::set_scores(conn, id, current.actor.user_id.0, &scores)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(round.org_id),
                    entity: "problem",
                    entity_id: id,
                    action: "score",
                    before: before.as_ref(),
                    after: Some(&scores),
                },
            )?;
            super::ranking(conn, &round)
        })
    })
    .await
    .map(web::Json)
}
