//! The `lifecycle_transitions` table, and moving a resource's stage.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{lifecycle_transitions, resources};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::lifecycle::Transition;
use openapi::resources::Stage;
use openapi::{ResourceId, UserId};

/// Moves a resource from `from` to `to` and records it. The move applies only while the
/// resource is still at `from`, so concurrent moves cannot both succeed; returns the
/// transition's id, or `None` when the stage had changed meanwhile.
pub fn apply(
    conn: &mut DbConnection,
    resource_id: ResourceId,
    from: Stage,
    to: Stage,
    actor: UserId,
    reason: Option<&str>,
) -> QueryResult<Option<i64>> {
    let resource_id = resource_id.0;
    let actor = actor.0;
    let now = super::now();
    let moved = diesel::update(
        resources::table
            .find(resource_id)
            .filter(resources::stage.eq(from.as_str())),
    )
    .set((
        resources::stage.eq(to.as_str()),
        resources::updated_at.eq(now),
        resources::version.eq(resources::version + 1),
    ))
    .execute(conn)?;
    if moved != 1 {
        return Ok(None);
    }
    diesel::insert_into(lifecycle_transitions::table)
        .values((
            lifecycle_transitions::resource_id.eq(resource_id),
            lifecycle_transitions::from_stage.eq(from.as_str()),
            lifecycle_transitions::to_stage.eq(to.as_str()),
            lifecycle_transitions::actor_id.eq(actor),
            lifecycle_transitions::reason.eq(reason),
            lifecycle_transitions::at.eq(now),
        ))
        .returning(lifecycle_transitions::id)
        .get_result(conn)
        .map(Some)
}

type Row = (i64, i64, String, String, Option<i64>, Option<String>, NaiveDateTime);

/// One page of a resource's transitions, oldest first (a timeline), and the total.
pub fn list(
    conn: &mut DbConnection,
    resource_id: ResourceId,
    page: PageRequest,
) -> QueryResult<(Vec<Transition>, i64)> {
    let query = lifecycle_transitions::table.filter(lifecycle_transitions::resource_id.eq(resource_id.0));
    let total = query.count().get_result(conn)?;
    let rows: Vec<Row> = query
        .order(lifecycle_transitions::id.asc())
        .limit(page.limit())
        .offset(page.offset())
        .select((
            lifecycle_transitions::id,
            lifecycle_transitions::resource_id,
            lifecycle_transitions::from_stage,
            lifecycle_transitions::to_stage,
            lifecycle_transitions::actor_id,
            lifecycle_transitions::reason,
            lifecycle_transitions::at,
        ))
        .load(conn)?;
    let actors: Vec<i64> = rows.iter().filter_map(|row| row.4).collect();
    let names = super::user::full_names(conn, actors)?;
    let stage = |value: &str| Stage::parse(value).unwrap_or(Stage::Request);
    let items = rows
        .into_iter()
        .map(|(id, resource_id, from, to, actor_id, reason, at)| Transition {
            id,
            resource_id: ResourceId(resource_id),
            from: stage(&from),
            to: stage(&to),
            actor_id: actor_id.map(UserId),
            actor_name: actor_id.and_then(|actor| names.get(&actor).cloned()),
            reason,
            at: at.and_utc(),
        })
        .collect();
    Ok((items, total))
}
