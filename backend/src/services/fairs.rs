//! Fairs of innovation products (Regulation 2.3): schools present stands with their
//! resources at a fair, visitors from other organisations rate them, and the results rank
//! them by the formula of `domain::fairs`.

use super::access::{self, Access};
use super::plan::today;
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event as Audit;
use crate::db::models::fair::{self as rows, NewStand};
use crate::db::models::{PageRequest, resource};
use crate::domain::error::DomainError;
use crate::domain::fairs::{self as rules, PRIOR_WEIGHT, Tally};
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
    let stands = rows::of_fair(conn, id, caller.actor.user_id)?;
    let total = i64::try_from(stands.len()).unwrap_or(i64::MAX);
    let items = stands
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.limit()).unwrap_or_default())
        .map(|(stand, _)| stand)
        .collect();
    Ok(page.wrap(items, total))
}

/// Presents a stand of the caller's school with its resources at a published fair that
/// is not over (its administration, council or teachers).
pub fn create(conn: &mut DbConnection, caller: &Caller, id: EventId, input: &StandInput) -> Outcome<Stand> {
    let actor = &caller.actor;
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::STAND_TITLE));
    let description = errors.take(text::optional("description", &input.description, limits::LONG_NOTE));
    let resources = crate::domain::events::resources("resource_ids", &input.resource_ids, &mut errors);
    errors.finish()?;
    write(conn, |conn| {
        let fair = access::event(conn, actor, id, Access::Read)?;
        if !policy::can_present_stands(actor) {
            return Err(ApiError::Forbidden);
        }
        rules::open(fair.kind(), fair.role(), fair.status(), fair.ends_on, today())?;
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

/// Sets the caller's rating of a stand of another organisation, until the fair ends.
pub fn rate(conn: &mut DbConnection, caller: &Caller, id: StandId, input: &RatingInput) -> Outcome<Stand> {
    let actor = &caller.actor;
    let score = text::in_range("score", input.score, limits::STAND_SCORE).map_err(DomainError::from)?;
    write(conn, |conn| {
        let row = rows::find(conn, id)?;
        let fair = access::event(conn, actor, EventId(row.event_id), Access::Read)?;
        if !policy::can_rate_stand(actor, openapi::OrganisationId(row.org_id)) {
            return Err(ApiError::Forbidden);
        }
        rules::open(fair.kind(), fair.role(), fair.status(), fair.ends_on, today())?;
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

/// The fair's stands ranked by the formula, with the formula and its numbers.
pub fn results(conn: &mut DbConnection, caller: &Caller, id: EventId) -> Outcome<FairResults> {
    let fair = access::event(conn, &caller.actor, id, Access::Read)?;
    let stands = rows::of_fair(conn, id, caller.actor.user_id)?;
    let tallies: Vec<Tally> = stands.iter().map(|(_, tally)| *tally).collect();
    let mean = rules::fair_mean(&tallies);
    let ratings: i64 = tallies.iter().map(|tally| tally.count).sum();
    let mut by_id: std::collections::HashMap<i64, (Stand, Tally)> = stands
        .into_iter()
        .map(|(stand, tally)| (stand.id.0, (stand, tally)))
        .collect();
    let ranked = rules::rank(&tallies)
        .into_iter()
        .filter_map(|placed| {
            by_id.remove(&placed.stand).map(|(stand, tally)| StandResult {
                rank: placed.rank,
                stand,
                sum: tally.sum,
                score: placed.score,
            })
        })
        .collect();
    Ok(FairResults {
        event_id: id,
        is_final: today() > fair.ends_on,
        formula: rules::formula(mean, ratings),
        prior_weight: PRIOR_WEIGHT,
        fair_mean: mean.map(rules::two_decimals),
        ratings,
        stands: ranked,
    })
}
