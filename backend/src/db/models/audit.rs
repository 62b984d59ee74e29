//! The `audit_log` table: every create, change and transition, with the record before
//! and after as JSON.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::audit_log;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::audit::{AuditAction, AuditEntity, AuditEntry, AuditFilter};
use openapi::{OrganisationId, UserId};
use serde::Serialize;

/// One change to record: who did what to which record of which school, with the record
/// before and after. Built with [`Event::new`] and recorded with [`Event::record`] inside
/// the transaction that makes the change.
#[derive(Debug)]
pub struct Event<'a, T: Serialize> {
    actor: Option<UserId>,
    org: Option<OrganisationId>,
    entity: AuditEntity,
    entity_id: i64,
    action: AuditAction,
    before: Option<&'a T>,
    after: Option<&'a T>,
}

impl<'a, T: Serialize> Event<'a, T> {
    /// `action` on the record `entity` number `entity_id`, by nobody yet, of no school yet.
    pub fn new(action: AuditAction, entity: AuditEntity, entity_id: impl Into<i64>) -> Self {
        Self {
            actor: None,
            org: None,
            entity,
            entity_id: entity_id.into(),
            action,
            before: None,
            after: None,
        }
    }

    /// Done by this user.
    pub fn by(mut self, actor: UserId) -> Self {
        self.actor = Some(actor);
        self
    }

    /// To a record of this organisation.
    pub fn of(mut self, org: OrganisationId) -> Self {
        self.org = Some(org);
        self
    }

    /// The record before the change.
    pub fn before(mut self, before: &'a T) -> Self {
        self.before = Some(before);
        self
    }

    /// The record after the change.
    pub fn after(mut self, after: &'a T) -> Self {
        self.after = Some(after);
        self
    }

    /// Writes the entry; call it inside the transaction that makes the change.
    pub fn record(self, conn: &mut DbConnection) -> QueryResult<()> {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::org_id.eq(self.org.map(i64::from)),
                audit_log::actor_id.eq(self.actor.map(i64::from)),
                audit_log::entity.eq(self.entity.as_str()),
                audit_log::entity_id.eq(self.entity_id),
                audit_log::action.eq(self.action.as_str()),
                audit_log::before_json.eq(to_json(self.before)?),
                audit_log::after_json.eq(to_json(self.after)?),
                audit_log::at.eq(super::now()),
            ))
            .execute(conn)
            .map(|_| ())
    }
}

/// An event without a record body (a password reset, say).
pub type Bare<'a> = Event<'a, ()>;

fn to_json<T: Serialize>(value: Option<&T>) -> QueryResult<Option<String>> {
    value
        .map(serde_json::to_string)
        .transpose()
        .map_err(|err| diesel::result::Error::SerializationError(Box::new(err)))
}

type Row = (
    i64,
    NaiveDateTime,
    Option<i64>,
    Option<i64>,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
);

fn filtered<'a>(filter: &AuditFilter, org: Option<OrganisationId>) -> audit_log::BoxedQuery<'a, Backend> {
    let mut query = audit_log::table.into_boxed();
    if let Some(org) = org {
        query = query.filter(audit_log::org_id.eq(org.0));
    }
    if let Some(entity) = &filter.entity {
        query = query.filter(audit_log::entity.eq(entity.clone()));
    }
    if let Some(entity_id) = filter.entity_id {
        query = query.filter(audit_log::entity_id.eq(entity_id));
    }
    query
}

/// One page of entries, newest first; `org` limits them to one school.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    org: Option<OrganisationId>,
    page: PageRequest,
) -> QueryResult<(Vec<AuditEntry>, i64)> {
    let total = filtered(filter, org).count().get_result(conn)?;
    let rows: Vec<Row> = filtered(filter, org)
        .order(audit_log::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_id,
            audit_log::org_id,
            audit_log::entity,
            audit_log::entity_id,
            audit_log::action,
            audit_log::before_json,
            audit_log::after_json,
        ))
        .load(conn)?;
    let actor_ids: Vec<i64> = rows.iter().filter_map(|row| row.2).collect();
    let names = super::user::full_names(conn, actor_ids)?;
    let parse = |json: Option<String>| json.and_then(|json| serde_json::from_str(&json).ok());
    let entries = rows
        .into_iter()
        .map(
            |(id, at, actor_id, org_id, entity, entity_id, action, before, after)| AuditEntry {
                id,
                at: at.and_utc(),
                actor_id: actor_id.map(UserId),
                actor_name: actor_id.and_then(|actor| names.get(&actor).cloned()),
                org_id: org_id.map(OrganisationId),
                entity,
                entity_id,
                action,
                before: parse(before),
                after: parse(after),
            },
        )
        .collect();
    Ok((entries, total))
}
