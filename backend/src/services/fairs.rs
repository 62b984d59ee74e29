//! Fairs of innovation products (Regulation 2.3): schools present stands with their
//! resources at a fair, one each; accounts registered for the fair rate the stands of
//! other organisations; and the results rank them by the formula of `domain::fairs`
//! over organisation votes.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::audit::Event as Audit;
use crate::db::models::event::registration_of;
use crate::db::models::fair::{self as rows, NewStand};
use crate::db::models::{Locked, PageRequest, fair_results, lock, resource};
use crate::domain::error::DomainError;
use crate::domain::fairs::{self as rules, PRIOR_WEIGHT};
use crate::domain::policy;
use crate::domain::text::{self, Errors, field_error};
use crate::error::ApiError;
use openapi::FieldErrorCode::NotAllowed;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::fairs::{FairResults, RatingInput, Stand, StandInput, StandResult};
use openapi::{EventId, Page, PageQuery, StandId, limits};

/// One page of a fair's stands, in the order they were submitted.
pub fn list(conn: &mut DbConnection, caller: &Caller, id: EventId, page: &PageQuery) -> Outcome<Page<Stand>> {
    let page = PageRequest::parse(page)?;
    access::event(conn, &caller.actor, id, Access::Read)?;
    let (items, total) = rows::page(conn, id, caller.actor.user_id, page)?;
    Ok(page.wrap(items, total))
}

/// Presents a stand of the caller's school with its resources at a published fair that
/// is not over (its administration, council or teachers): one per school
/// (`already_presented`), at most `limits::STANDS` per fair (`stand_limit`).
pub fn create(conn: &mut DbConnection, caller: &Caller, id: EventId, input: &StandInput) -> Outcome<Stand> {
    let actor = &caller.actor;
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::STAND_TITLE));
    let description = errors.take(text::optional("description", &input.description, limits::LONG_NOTE));
    let resources = crate::domain::events::resources("resource_ids", &input.resource_ids, &mut errors);
    errors.finish()?;
    write(conn, |conn| {
        // Stands at once take the last places, and a school's one, one after another.
        lock(conn, Locked::Event, id.0)?;
        let fair = access::event(conn, actor, id, Access::Read)?;
        if !policy::can_present_stands(actor) {
            return Err(ApiError::Forbidden);
        }
        rules::open(fair.kind(), fair.role(), fair.status(), fair.ends_on, today())?;
        rules::may_present(rows::presents(conn, id, actor.org_id)?, rows::count(conn, id)?)?;
        let mut refused = Vec::new();
        for (index, resource) in input.resource_ids.iter().enumerate() {
            let row = diesel::OptionalExtension::optional(resource::find(conn, *resource))?;
            if row.is_none_or(|row| row.org_id != actor.org_id.0) {
                refused.push(field_error(
                    &format!("resource_ids[{index}]"),
                    NotAllowed,
                    "must be a resource of your school",
                ));
            }
        }
        if !refused.is_empty() {
            return Err(DomainError::Invalid(refused).into());
        }
        let new = NewStand {
            event: id,
            org: actor.org_id,
            title: title.as_deref().unwrap_or_default(),
            description: description.as_ref().and_then(Option::as_deref).unwrap_or_default(),
            resources: &resources,
            actor: actor.user_id,
        };
        let stand = rows::insert(conn, &new)?;
        let created = rows::load(conn, stand, actor.user_id)?;
        Audit::new(AuditAction::Create, AuditEntity::Stand, stand)
            .by(actor.user_id)
            .of(actor.org_id)
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// Sets the caller's rating of a stand of another organisation, until the fair ends:
/// `403` for a stand of the caller's own school, `not_registered_for_fair` unless the
/// caller holds a registration for the fair.
pub fn rate(conn: &mut DbConnection, caller: &Caller, id: StandId, input: &RatingInput) -> Outcome<Stand> {
    let actor = &caller.actor;
    let score = text::in_range("score", input.score, limits::STAND_SCORE).map_err(DomainError::from)?;
    write(conn, |conn| {
        let row = rows::find(conn, id)?;
        let event = EventId(row.event_id);
        // A visitor's ratings at once, and a registration cancelled meanwhile, go one
        // after another.
        lock(conn, Locked::Event, event.0)?;
        let fair = access::event(conn, actor, event, Access::Read)?;
        if !policy::can_rate_stand(actor, openapi::OrganisationId(row.org_id)) {
            return Err(ApiError::Forbidden);
        }
        rules::open(fair.kind(), fair.role(), fair.status(), fair.ends_on, today())?;
        let registration = registration_of(conn, event, actor.user_id)?;
        rules::may_rate(registration.is_some_and(|r| r.is_confirmed()))?;
        let before = rows::load(conn, id, actor.user_id)?;
        rows::rate(conn, id, actor.user_id, score)?;
        let after = rows::load(conn, id, actor.user_id)?;
        Audit::new(AuditAction::Rate, AuditEntity::Stand, id)
            .by(actor.user_id)
            .of(fair.org())
            .before(&before.my_score)
            .after(&after.my_score)
            .record(conn)?;
        Ok(after)
    })
}

/// One page of the fair's stands ranked by the formula over organisation votes, with the
/// formula and its numbers.
pub fn results(conn: &mut DbConnection, caller: &Caller, id: EventId, page: &PageQuery) -> Outcome<FairResults> {
    let page = PageRequest::parse(page)?;
    let fair = access::event(conn, &caller.actor, id, Access::Read)?;
    let figures = fair_results::figures(conn, id)?;
    let placed = fair_results::ranked(conn, id, page)?;
    let ids: Vec<i64> = placed.iter().map(|p| p.stand_id).collect();
    let mut stands = rows::of_ids(conn, &ids, caller.actor.user_id)?;
    let items = placed
        .into_iter()
        .filter_map(|placed| {
            stands.remove(&placed.stand_id).map(|(stand, tally)| StandResult {
                rank: placed.place,
                stand,
                sum: rules::two_decimals(tally.votes),
                score: placed.score,
            })
        })
        .collect();
    let total = rows::count(conn, id)?;
    Ok(FairResults {
        event_id: id,
        is_final: today() > fair.ends_on,
        formula: rules::formula(figures),
        prior_weight: PRIOR_WEIGHT,
        fair_mean: figures.mean.map(rules::two_decimals),
        ratings: figures.ratings,
        votes: figures.votes,
        stands: page.wrap(items, total),
    })
}
