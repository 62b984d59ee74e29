//! The `ranking_rounds`, `ranking_criteria`, `problems` and `problem_scores` tables.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{
    problem_scores, problems, project_problems, ranking_criteria, ranking_rounds, user_roles, users,
};
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::ranking::{CouncilMember, Criterion, RankingRound, SchoolProblem};
use openapi::users::Role;
use openapi::{OrganisationId, ProblemId, RoundId, UserId};
use std::collections::HashMap;

/// A row of `ranking_rounds`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ranking_rounds)]
pub struct RoundRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// School year.
    pub school_year: i32,
    /// Freezing time.
    pub frozen_at: Option<NaiveDateTime>,
    /// Who froze it.
    pub frozen_by: Option<i64>,
    /// Opening time.
    pub created_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl RoundRow {
    /// Whether the ranking is frozen.
    pub fn is_frozen(&self) -> bool {
        self.frozen_at.is_some()
    }
}

/// A row of `problems`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = problems)]
pub struct ProblemRow {
    /// Id.
    pub id: i64,
    /// Round.
    pub round_id: i64,
    /// School.
    pub org_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Evidence.
    pub evidence: String,
    /// Listing time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl ProblemRow {
    fn into_dto(self, school_year: i32) -> SchoolProblem {
        SchoolProblem {
            id: self.id,
            round_id: self.round_id,
            org_id: OrganisationId(self.org_id),
            school_year,
            title: self.title,
            description: self.description,
            evidence: self.evidence,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// The texts of a problem, as `domain::ranking` validated them.
pub use crate::domain::ranking::ProblemText;

/// One round row.
pub fn find_round(conn: &mut DbConnection, id: RoundId) -> QueryResult<RoundRow> {
    ranking_rounds::table
        .find(id.0)
        .select(RoundRow::as_select())
        .first(conn)
}

/// Opens a round with its criteria.
pub fn insert_round(
    conn: &mut DbConnection,
    org: OrganisationId,
    school_year: i32,
    criteria: &[Criterion],
    actor: UserId,
) -> QueryResult<RoundId> {
    let now = super::now();
    let id = diesel::insert_into(ranking_rounds::table)
        .values((
            ranking_rounds::org_id.eq(org.0),
            ranking_rounds::school_year.eq(school_year),
            ranking_rounds::created_by.eq(actor.0),
            ranking_rounds::created_at.eq(now),
            ranking_rounds::updated_at.eq(now),
        ))
        .returning(ranking_rounds::id)
        .get_result(conn)?;
    let id = RoundId(id);
    set_criteria(conn, id, criteria)?;
    Ok(id)
}

/// Replaces a round's criteria.
pub fn set_criteria(conn: &mut DbConnection, round: RoundId, criteria: &[Criterion]) -> QueryResult<()> {
    diesel::delete(ranking_criteria::table.filter(ranking_criteria::round_id.eq(round.0))).execute(conn)?;
    for (position, criterion) in (0_i32..).zip(criteria) {
        diesel::insert_into(ranking_criteria::table)
            .values((
                ranking_criteria::round_id.eq(round.0),
                ranking_criteria::position.eq(position),
                ranking_criteria::title.eq(&criterion.title),
                ranking_criteria::weight.eq(i32::from(criterion.weight)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Holds a round that is not frozen for the rest of the transaction; `false` when it is
/// frozen. Every write to a round's problems, scores or criteria holds it first, and so
/// does the freeze: on PostgreSQL the no-op update takes the round's row lock (a writer
/// that comes second waits, then sees the round as the first one left it), on SQLite
/// the write transaction is exclusive anyway. So no score lands after a freeze.
pub fn hold_open(conn: &mut DbConnection, round: RoundId) -> QueryResult<bool> {
    diesel::update(
        ranking_rounds::table
            .find(round.0)
            .filter(ranking_rounds::frozen_at.is_null()),
    )
    .set(ranking_rounds::version.eq(ranking_rounds::version))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// Freezes a round that is not frozen yet, moving it to its next version; returns
/// whether it applied.
pub fn freeze(conn: &mut DbConnection, round: RoundId, actor: UserId) -> QueryResult<bool> {
    let now = super::now();
    diesel::update(
        ranking_rounds::table
            .find(round.0)
            .filter(ranking_rounds::frozen_at.is_null()),
    )
    .set((
        ranking_rounds::frozen_at.eq(now),
        ranking_rounds::frozen_by.eq(actor.0),
        ranking_rounds::updated_at.eq(now),
        ranking_rounds::version.eq(ranking_rounds::version + 1),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// The criteria of many rounds, in order.
fn criteria_of(conn: &mut DbConnection, rounds: &[i64]) -> QueryResult<HashMap<i64, Vec<Criterion>>> {
    let rows: Vec<(i64, String, i32)> = ranking_criteria::table
        .filter(ranking_criteria::round_id.eq_any(rounds))
        .order((ranking_criteria::round_id, ranking_criteria::position))
        .select((
            ranking_criteria::round_id,
            ranking_criteria::title,
            ranking_criteria::weight,
        ))
        .load(conn)?;
    let mut criteria: HashMap<i64, Vec<Criterion>> = HashMap::new();
    for (round, title, weight) in rows {
        criteria.entry(round).or_default().push(Criterion {
            title,
            weight: u8::try_from(weight).unwrap_or(1),
        });
    }
    Ok(criteria)
}

/// Completes round rows with their criteria and problem counts, in two queries.
fn complete(conn: &mut DbConnection, rows: Vec<RoundRow>) -> QueryResult<Vec<RankingRound>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut criteria = criteria_of(conn, &ids)?;
    let counts: HashMap<i64, i64> = problems::table
        .filter(problems::round_id.eq_any(&ids))
        .group_by(problems::round_id)
        .select((problems::round_id, count_star()))
        .load(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| RankingRound {
            id: row.id,
            org_id: OrganisationId(row.org_id),
            school_year: row.school_year,
            criteria: criteria.remove(&row.id).unwrap_or_default(),
            problems: counts.get(&row.id).copied().unwrap_or(0),
            frozen_at: row.frozen_at.map(|at| at.and_utc()),
            frozen_by: row.frozen_by.map(UserId),
            created_at: row.created_at.and_utc(),
            version: row.version,
        })
        .collect())
}

/// The API representation of one round.
pub fn load_round(conn: &mut DbConnection, id: RoundId) -> QueryResult<RankingRound> {
    let row = find_round(conn, id)?;
    present_round(conn, row)
}

/// The API representation of a round row already read: its criteria and problem count.
pub fn present_round(conn: &mut DbConnection, row: RoundRow) -> QueryResult<RankingRound> {
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

fn filtered<'a>(org: Option<OrganisationId>, school_year: Option<i32>) -> ranking_rounds::BoxedQuery<'a, Backend> {
    let mut query = ranking_rounds::table.into_boxed();
    if let Some(org) = org {
        query = query.filter(ranking_rounds::org_id.eq(org.0));
    }
    if let Some(year) = school_year {
        query = query.filter(ranking_rounds::school_year.eq(year));
    }
    query
}

/// One page of rounds, the latest school year first, and the total.
pub fn list_rounds(
    conn: &mut DbConnection,
    org: Option<OrganisationId>,
    school_year: Option<i32>,
    page: PageRequest,
) -> QueryResult<(Vec<RankingRound>, i64)> {
    let total = filtered(org, school_year).count().get_result(conn)?;
    let rows = filtered(org, school_year)
        .order((ranking_rounds::school_year.desc(), ranking_rounds::id.desc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(RoundRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows)?, total))
}

/// Whether anyone has scored a problem of the round.
pub fn has_scores(conn: &mut DbConnection, round: RoundId) -> QueryResult<bool> {
    let scored: i64 = problem_scores::table
        .inner_join(problems::table)
        .filter(problems::round_id.eq(round.0))
        .count()
        .get_result(conn)?;
    Ok(scored > 0)
}

/// One problem row and its round.
pub fn find_problem(conn: &mut DbConnection, id: ProblemId) -> QueryResult<(ProblemRow, RoundRow)> {
    let problem = problems::table.find(id.0).select(ProblemRow::as_select()).first(conn)?;
    let round = find_round(conn, RoundId(problem.round_id))?;
    Ok((problem, round))
}

/// The API representation of one problem of a round already read.
pub fn load_problem(conn: &mut DbConnection, id: ProblemId, round: &RoundRow) -> QueryResult<SchoolProblem> {
    let problem = problems::table.find(id.0).select(ProblemRow::as_select()).first(conn)?;
    Ok(present_problem(problem, round))
}

/// The API representation of a problem row already read, with its round.
pub fn present_problem(problem: ProblemRow, round: &RoundRow) -> SchoolProblem {
    problem.into_dto(round.school_year)
}

/// Which of `ids` are problems of the school `org` (of any of its rounds), in one query.
pub fn of_school(conn: &mut DbConnection, org: OrganisationId, ids: &[ProblemId]) -> QueryResult<Vec<ProblemId>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let own: Vec<i64> = problems::table
        .filter(problems::id.eq_any(&ids))
        .filter(problems::org_id.eq(org.0))
        .select(problems::id)
        .load(conn)?;
    Ok(own.into_iter().map(ProblemId).collect())
}

/// Lists a problem in a round.
pub fn insert_problem(
    conn: &mut DbConnection,
    round: &RoundRow,
    text: &ProblemText,
    actor: UserId,
) -> QueryResult<ProblemId> {
    let now = super::now();
    diesel::insert_into(problems::table)
        .values((
            problems::round_id.eq(round.id),
            problems::org_id.eq(round.org_id),
            problems::title.eq(&text.title),
            problems::description.eq(&text.description),
            problems::evidence.eq(&text.evidence),
            problems::created_by.eq(actor.0),
            problems::created_at.eq(now),
            problems::updated_at.eq(now),
        ))
        .returning(problems::id)
        .get_result(conn)
        .map(ProblemId)
}

/// Rewrites a problem's texts.
pub fn update_problem(conn: &mut DbConnection, id: ProblemId, text: &ProblemText) -> QueryResult<()> {
    diesel::update(problems::table.find(id.0))
        .set((
            problems::title.eq(&text.title),
            problems::description.eq(&text.description),
            problems::evidence.eq(&text.evidence),
            problems::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Whether a project cites the problem.
pub fn is_cited(conn: &mut DbConnection, problem: ProblemId) -> QueryResult<bool> {
    let cited: i64 = project_problems::table
        .filter(project_problems::problem_id.eq(problem.0))
        .count()
        .get_result(conn)?;
    Ok(cited > 0)
}

/// Removes a problem with its scores.
pub fn delete_problem(conn: &mut DbConnection, id: ProblemId) -> QueryResult<()> {
    diesel::delete(problem_scores::table.filter(problem_scores::problem_id.eq(id.0))).execute(conn)?;
    diesel::delete(problems::table.find(id.0)).execute(conn).map(|_| ())
}

/// The problems of a round (of `school_year`) in the order they were listed.
pub fn problems_of(conn: &mut DbConnection, round: RoundId, school_year: i32) -> QueryResult<Vec<SchoolProblem>> {
    let rows: Vec<ProblemRow> = problems::table
        .filter(problems::round_id.eq(round.0))
        .order(problems::id)
        .select(ProblemRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|row| row.into_dto(school_year)).collect())
}

/// Replaces a member's scores of a problem.
pub fn set_scores(conn: &mut DbConnection, problem: ProblemId, member: UserId, scores: &[u8]) -> QueryResult<()> {
    let (problem, member) = (problem.0, member.0);
    diesel::delete(
        problem_scores::table
            .filter(problem_scores::problem_id.eq(problem))
            .filter(problem_scores::member_id.eq(member)),
    )
    .execute(conn)?;
    let now = super::now();
    for (position, score) in (0_i32..).zip(scores) {
        diesel::insert_into(problem_scores::table)
            .values((
                problem_scores::problem_id.eq(problem),
                problem_scores::member_id.eq(member),
                problem_scores::position.eq(position),
                problem_scores::score.eq(i32::from(*score)),
                problem_scores::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Every score set of a round: (problem, member, scores in criterion order).
pub fn scores_of(conn: &mut DbConnection, round: RoundId) -> QueryResult<Vec<(i64, i64, Vec<u8>)>> {
    let rows: Vec<(i64, i64, i32, i32)> = problem_scores::table
        .inner_join(problems::table)
        .filter(problems::round_id.eq(round.0))
        .order((
            problem_scores::problem_id,
            problem_scores::member_id,
            problem_scores::position,
        ))
        .select((
            problem_scores::problem_id,
            problem_scores::member_id,
            problem_scores::position,
            problem_scores::score,
        ))
        .load(conn)?;
    let mut sets: Vec<(i64, i64, Vec<u8>)> = Vec::new();
    for (problem, member, _, score) in rows {
        let score = u8::try_from(score).unwrap_or(0);
        match sets.last_mut() {
            Some((p, m, set)) if *p == problem && *m == member => set.push(score),
            _ => sets.push((problem, member, vec![score])),
        }
    }
    Ok(sets)
}

/// The active council members of a school, by name, with how many problems of the round
/// each has scored.
pub fn council(
    conn: &mut DbConnection,
    org: OrganisationId,
    sets: &[(i64, i64, Vec<u8>)],
) -> QueryResult<Vec<CouncilMember>> {
    let rows: Vec<(i64, String)> = users::table
        .inner_join(user_roles::table)
        .filter(users::org_id.eq(org.0))
        .filter(users::is_active.eq(true))
        .filter(user_roles::role.eq(Role::Council.as_str()))
        .order((users::full_name, users::id))
        .select((users::id, users::full_name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| CouncilMember {
            id: UserId(id),
            name,
            scored: i64::try_from(sets.iter().filter(|(_, member, _)| *member == id).count()).unwrap_or(0),
        })
        .collect())
}

/// The version queries of `ranking_rounds`.
pub mod round_versions {
    versioned!(ranking_rounds);
}

/// The version queries of `problems`.
pub mod problem_versions {
    versioned!(problems);
}
