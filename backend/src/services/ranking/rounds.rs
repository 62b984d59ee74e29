//! Ranking rounds: opened per school year by the council or administration, their
//! criteria set until someone scores, frozen by the director.

use super::view;
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::{PageRequest, ranking};
use crate::domain::policy;
use crate::domain::ranking::{criteria_changeable, not_frozen, parse_criteria, parse_round};
use crate::error::ApiError;
use crate::services::access::{self, Access};
use crate::services::concurrency::{Expected, claim};
use crate::services::{Caller, Outcome, write};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::ranking::{CriteriaInput, Ranking, RankingRound, RoundFilter, RoundInput};
use openapi::{OrganisationId, Page, PageQuery, RoundId};

/// The ranking rounds of the caller's school (the committee: of every school, or of
/// `org_id`), the latest school year first.
pub fn list_rounds(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &RoundFilter,
) -> Outcome<Page<RankingRound>> {
    let page = PageRequest::parse(page)?;
    let org = policy::school_work_scope(&caller.actor, filter.org_id)?;
    let (items, total) = ranking::list_rounds(conn, org, filter.school_year, page)?;
    Ok(page.wrap(items, total))
}

/// Opens the ranking of a school year for the caller's school (council or
/// administration); one round per school and year, with the default criteria unless
/// given.
pub fn create_round(conn: &mut DbConnection, caller: &Caller, input: &RoundInput) -> Outcome<RankingRound> {
    let org = caller.actor.org_id;
    if !policy::can_list_problems(&caller.actor, org) {
        return Err(ApiError::Forbidden);
    }
    let (school_year, criteria) = parse_round(input)?;
    write(conn, |conn| {
        let id = ranking::insert_round(conn, org, school_year, &criteria, caller.actor.user_id)?;
        let created = ranking::load_round(conn, id)?;
        Event::new(AuditAction::Create, AuditEntity::RankingRound, id)
            .by(caller.actor.user_id)
            .of(org)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// The ranking of a round: every problem with its rank, score, criterion means and each
/// member's scores.
pub fn get(conn: &mut DbConnection, caller: &Caller, id: RoundId) -> Outcome<Ranking> {
    let row = access::round(conn, &caller.actor, id, Access::Read)?;
    let round = ranking::present_round(conn, row)?;
    view(conn, round)
}

/// Replaces the criteria of a round that is not frozen and nobody has scored yet
/// (council or administration), made on the round's `expected` version. The freeze moves
/// the version on, so a round frozen since it was read answers `412`.
pub fn update_criteria(
    conn: &mut DbConnection,
    caller: &Caller,
    id: RoundId,
    expected: Expected,
    input: &CriteriaInput,
) -> Outcome<RankingRound> {
    let criteria = parse_criteria(&input.criteria)?;
    write(conn, |conn| {
        let row = access::round(conn, &caller.actor, id, Access::Edit)?;
        claim(expected, row.version, |version| {
            ranking::round_versions::claim(conn, id.0, version)
        })?;
        not_frozen(row.is_frozen())?;
        criteria_changeable(ranking::has_scores(conn, id)?)?;
        let org = OrganisationId(row.org_id);
        let before = ranking::present_round(conn, row)?;
        ranking::set_criteria(conn, id, &criteria)?;
        let after = ranking::load_round(conn, id)?;
        Event::new(AuditAction::Update, AuditEntity::RankingRound, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

/// Freezes the ranking (the director): no more problems, edits or scores; the result
/// stays as computed now.
pub fn freeze(conn: &mut DbConnection, caller: &Caller, id: RoundId) -> Outcome<Ranking> {
    write(conn, |conn| {
        let row = access::round(conn, &caller.actor, id, Access::Read)?;
        let org = OrganisationId(row.org_id);
        if !policy::is_director_of(&caller.actor, org) {
            return Err(ApiError::Forbidden);
        }
        super::problems::hold_open(conn, &row)?;
        let before = ranking::present_round(conn, row)?;
        if !ranking::freeze(conn, id, caller.actor.user_id)? {
            not_frozen(true)?;
        }
        let after = ranking::load_round(conn, id)?;
        Event::new(AuditAction::Freeze, AuditEntity::RankingRound, id)
            .by(caller.actor.user_id)
            .of(org)
            .before(&before)
            .after(&after)
            .record(conn)?;
        view(conn, after)
    })
}
