//! The `fair_stands`, `fair_stand_resources` and `stand_ratings` tables.
//!
//! A rating counts when its author holds a confirmed registration for the stand's fair,
//! made for an organisation other than the stand's; the registration names the vote's
//! organisation. `fair_results` ranks by the same rule in SQL.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{event_registrations, fair_stand_resources, fair_stands, resources, stand_ratings};
use crate::domain::fairs::{self as rules, Ratings, Tally, two_decimals};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::events::{PresentedResource, RegistrationStatus};
use openapi::fairs::Stand;
use openapi::{EventId, OrganisationId, ResourceId, StandId, UserId};
use std::collections::HashMap;

// The counted ratings are grouped by stand, the rater's registered organisation and score.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    stand_ratings::stand_id,
    stand_ratings::score,
    event_registrations::org_id,
);

/// A row of `fair_stands`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = fair_stands)]
pub struct StandRow {
    /// Id.
    pub id: i64,
    /// The fair.
    pub event_id: i64,
    /// The school presenting.
    pub org_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Submission.
    pub created_at: NaiveDateTime,
}

/// One stand row.
pub fn find(conn: &mut DbConnection, id: StandId) -> QueryResult<StandRow> {
    fair_stands::table.find(id.0).select(StandRow::as_select()).first(conn)
}

/// A new stand to record.
#[derive(Debug, Clone)]
pub struct NewStand<'a> {
    /// The fair.
    pub event: EventId,
    /// The school.
    pub org: OrganisationId,
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Its resources, in order.
    pub resources: &'a [ResourceId],
    /// Who submitted it.
    pub actor: UserId,
}

/// Records a stand with its resources.
pub fn insert(conn: &mut DbConnection, new: &NewStand<'_>) -> QueryResult<StandId> {
    let id: i64 = diesel::insert_into(fair_stands::table)
        .values((
            fair_stands::event_id.eq(new.event.0),
            fair_stands::org_id.eq(new.org.0),
            fair_stands::title.eq(new.title),
            fair_stands::description.eq(new.description),
            fair_stands::created_by.eq(new.actor.0),
            fair_stands::created_at.eq(super::now()),
        ))
        .returning(fair_stands::id)
        .get_result(conn)?;
    for (position, resource) in (0..).zip(new.resources) {
        diesel::insert_into(fair_stand_resources::table)
            .values((
                fair_stand_resources::stand_id.eq(id),
                fair_stand_resources::resource_id.eq(resource.0),
                fair_stand_resources::position.eq(position),
            ))
            .execute(conn)?;
    }
    Ok(StandId(id))
}

/// Sets a visitor's rating of a stand, new or changed.
pub fn rate(conn: &mut DbConnection, stand: StandId, user: UserId, score: i32) -> QueryResult<()> {
    let now = super::now();
    let changed = diesel::update(
        stand_ratings::table
            .filter(stand_ratings::stand_id.eq(stand.0))
            .filter(stand_ratings::user_id.eq(user.0)),
    )
    .set((stand_ratings::score.eq(score), stand_ratings::updated_at.eq(now)))
    .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(stand_ratings::table)
            .values((
                stand_ratings::stand_id.eq(stand.0),
                stand_ratings::user_id.eq(user.0),
                stand_ratings::score.eq(score),
                stand_ratings::created_at.eq(now),
                stand_ratings::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// How many stands a fair has.
pub fn count(conn: &mut DbConnection, event: EventId) -> QueryResult<i64> {
    fair_stands::table
        .filter(fair_stands::event_id.eq(event.0))
        .count()
        .get_result(conn)
}

/// Whether `org` presents a stand at a fair.
pub fn presents(conn: &mut DbConnection, event: EventId, org: OrganisationId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        fair_stands::table
            .filter(fair_stands::event_id.eq(event.0))
            .filter(fair_stands::org_id.eq(org.0)),
    ))
    .get_result(conn)
}

/// One page of a fair's stands in the order they were submitted, for `viewer`, and the
/// number of stands.
pub fn page(
    conn: &mut DbConnection,
    event: EventId,
    viewer: UserId,
    page: PageRequest,
) -> QueryResult<(Vec<Stand>, i64)> {
    let total = count(conn, event)?;
    let rows: Vec<StandRow> = fair_stands::table
        .filter(fair_stands::event_id.eq(event.0))
        .order(fair_stands::id)
        .limit(page.limit())
        .offset(page.offset())
        .select(StandRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, viewer)?, total))
}

/// The stands `ids` (a page of results) for `viewer`, with their tallies, by id.
pub fn of_ids(conn: &mut DbConnection, ids: &[i64], viewer: UserId) -> QueryResult<HashMap<i64, (Stand, Tally)>> {
    let rows: Vec<StandRow> = fair_stands::table
        .filter(fair_stands::id.eq_any(ids))
        .select(StandRow::as_select())
        .load(conn)?;
    Ok(completed(conn, rows, viewer)?
        .into_iter()
        .map(|(stand, tally)| (stand.id.0, (stand, tally)))
        .collect())
}

/// The API representation of one stand for `viewer`.
pub fn load(conn: &mut DbConnection, id: StandId, viewer: UserId) -> QueryResult<Stand> {
    let row = find(conn, id)?;
    complete(conn, vec![row], viewer)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

fn complete(conn: &mut DbConnection, rows: Vec<StandRow>, viewer: UserId) -> QueryResult<Vec<Stand>> {
    Ok(completed(conn, rows, viewer)?
        .into_iter()
        .map(|(stand, _)| stand)
        .collect())
}

/// The counted ratings of the stands `ids`, grouped by stand, rating organisation and
/// score.
fn counted(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<Ratings>> {
    let groups: Vec<(i64, i64, i32, i64)> = stand_ratings::table
        .inner_join(fair_stands::table)
        .inner_join(
            event_registrations::table.on(event_registrations::event_id
                .eq(fair_stands::event_id)
                .and(event_registrations::user_id.eq(stand_ratings::user_id))),
        )
        .filter(stand_ratings::stand_id.eq_any(ids))
        .filter(event_registrations::status.eq(RegistrationStatus::Confirmed.as_str()))
        .filter(event_registrations::org_id.ne(fair_stands::org_id))
        .group_by((
            stand_ratings::stand_id,
            event_registrations::org_id,
            stand_ratings::score,
        ))
        .select((
            stand_ratings::stand_id,
            event_registrations::org_id,
            stand_ratings::score,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    Ok(groups
        .into_iter()
        .map(|(stand, org, score, count)| Ratings {
            stand,
            org,
            score,
            count,
        })
        .collect())
}

/// Completes rows (at most a page) with school names, resources, tallies and the
/// viewer's ratings, in four more queries.
fn completed(conn: &mut DbConnection, rows: Vec<StandRow>, viewer: UserId) -> QueryResult<Vec<(Stand, Tally)>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    let presented: Vec<(i64, i64, String)> = fair_stand_resources::table
        .inner_join(resources::table)
        .filter(fair_stand_resources::stand_id.eq_any(&ids))
        .order((fair_stand_resources::stand_id, fair_stand_resources::position))
        .select((fair_stand_resources::stand_id, resources::id, resources::title))
        .load(conn)?;
    let mut by_stand: HashMap<i64, Vec<PresentedResource>> = HashMap::new();
    for (stand, resource, title) in presented {
        by_stand.entry(stand).or_default().push(PresentedResource {
            resource_id: ResourceId(resource),
            title,
        });
    }
    let tallies = rules::tallies(&counted(conn, &ids)?);
    let mine: HashMap<i64, i32> = stand_ratings::table
        .filter(stand_ratings::stand_id.eq_any(&ids))
        .filter(stand_ratings::user_id.eq(viewer.0))
        .select((stand_ratings::stand_id, stand_ratings::score))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let tally = tallies.get(&row.id).copied().unwrap_or_default();
            let stand = Stand {
                id: StandId(row.id),
                event_id: EventId(row.event_id),
                org_id: OrganisationId(row.org_id),
                org_name: names.get(&row.org_id).cloned().unwrap_or_default(),
                title: row.title,
                description: row.description,
                resources: by_stand.remove(&row.id).unwrap_or_default(),
                ratings: tally.ratings,
                organisations: tally.organisations,
                mean: tally.mean().map(two_decimals),
                my_score: mine.get(&row.id).copied(),
                created_at: row.created_at.and_utc(),
            };
            (stand, tally)
        })
        .collect())
}
