//! The problems of a ranking round: listed, rewritten and removed by the council or
//! administration, scored by each council member, while the round is not frozen.

use super::view;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::ranking;
use crate::domain::policy;
use crate::domain::ranking::{deletable, not_frozen, parse_problem, parse_scores};
use crate::error::ApiError;
use crate::services::access::{self, Access};
use crate::services::concurrency::{Expected, claim};
use crate::services::{Caller, Outcome, write};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::ranking::{Ranking, SchoolProblem, SchoolProblemInput, ScoreInput};
use openapi::{OrganisationId, ProblemId, RoundId};

/// Lists a problem in a round that is not frozen (council or administration).
pub fn create_problem(
    conn: &mut DbConnection,
    caller: &Caller,
    round: RoundId,
    input: &SchoolProblemInput,
) -> Outcome<SchoolProblem> {
    let text = parse_problem(input)?;
    write(conn, |conn| {
        let round = access::round(conn, &caller.actor, round, Access::Edit)?;
        hold_open(conn, &round)?;
        let id = ranking::insert_problem(conn, &round, &text, caller.actor.user_id)?;
        let created = ranking::load_problem(conn, id, &round)?;
        Event::new(AuditAction::Create, AuditEntity::Problem, id)
            .by(caller.actor.user_id)
            .of(OrganisationId(round.org_id))
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Rewrites a problem of a round that is not frozen (council or administration), made on
/// the `expected` version.
pub fn update_problem(
    conn: &mut DbConnection,
    caller: &Caller,
    id: ProblemId,
    expected: Expected,
    input: &SchoolProblemInput,
) -> Outcome<SchoolProblem> {
    let text = parse_problem(input)?;
    write(conn, |conn| {
        let (problem, round) = access::problem(conn, &caller.actor, id, Access::Edit)?;
        hold_open(conn, &round)?;
        claim(expected, problem.version, |version| {
            ranking::problem_versions::claim(conn, id.0, version)
        })?;
        let before = ranking::present_problem(problem, &round);
        ranking::update_problem(conn, id, &text)?;
        let after = ranking::load_problem(conn, id, &round)?;
        Event::new(AuditAction::Update, AuditEntity::Problem, id)
            .by(caller.actor.user_id)
            .of(OrganisationId(round.org_id))
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Removes a problem and its scores from a round that is not frozen (council or
/// administration); a problem a project cites stays (`problem_cited`).
pub fn delete_problem(conn: &mut DbConnection, caller: &Caller, id: ProblemId) -> Outcome<()> {
    write(conn, |conn| {
        let (problem, round) = access::problem(conn, &caller.actor, id, Access::Edit)?;
        hold_open(conn, &round)?;
        deletable(ranking::is_cited(conn, id)?)?;
        let before = ranking::present_problem(problem, &round);
        ranking::delete_problem(conn, id)?;
        Event::new(AuditAction::Delete, AuditEntity::Problem, id)
            .by(caller.actor.user_id)
            .of(OrganisationId(round.org_id))
            .before(&before)
            .record(conn)?;
        Ok(())
    })
}

/// The caller, a council member of the school, scores a problem: one score from 1 to 5
/// per criterion; scoring again replaces their scores. Returns the recomputed ranking.
pub fn score(conn: &mut DbConnection, caller: &Caller, id: ProblemId, input: &ScoreInput) -> Outcome<Ranking> {
    write(conn, |conn| {
        let (_, row) = access::problem(conn, &caller.actor, id, Access::Read)?;
        let org = OrganisationId(row.org_id);
        if !policy::can_score_problems(&caller.actor, org) {
            return Err(ApiError::Forbidden);
        }
        hold_open(conn, &row)?;
        let round = ranking::present_round(conn, row)?;
        parse_scores(&input.scores, round.criteria.len())?;
        let member = caller.actor.user_id;
        let before = ranking::scores_of(conn, RoundId(round.id))?
            .into_iter()
            .find(|(problem, scorer, _)| *problem == id.0 && *scorer == member.0)
            .map(|(_, _, set)| set);
        ranking::set_scores(conn, id, member, &input.scores)?;
        let mut event = Event::new(AuditAction::Score, AuditEntity::Problem, id)
            .by(member)
            .of(org)
            .after(&input.scores);
        if let Some(before) = &before {
            event = event.before(before);
        }
        event.record(conn)?;
        view(conn, round)
    })
}

/// Holds the round open for the rest of the transaction (see `ranking::hold_open`):
/// refused as `ranking_frozen` when it is frozen, even if it was frozen after it was read.
pub(super) fn hold_open(conn: &mut DbConnection, round: &ranking::RoundRow) -> Outcome<()> {
    not_frozen(round.is_frozen())?;
    not_frozen(!ranking::hold_open(conn, RoundId(round.id))?)?;
    Ok(())
}
