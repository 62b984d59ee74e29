//! The `deliveries` table.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{deliveries, feedback};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::lifecycle::{Delivery, DeliveryFilter, DeliveryForm};
use openapi::{DeliveryId, OrganisationId, ResourceId, UserId};
use std::collections::HashMap;

/// A row of `deliveries`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = deliveries)]
pub struct DeliveryRow {
    /// Id.
    pub id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Version delivered.
    pub version_id: i64,
    /// Host school.
    pub org_id: i64,
    /// Consumer school.
    pub recipient_org_id: i64,
    /// Date.
    pub delivered_on: NaiveDate,
    /// Form.
    pub form: String,
    /// Contact person.
    pub contact: String,
    /// Recording time.
    pub created_at: NaiveDateTime,
    /// Confirmation time.
    pub confirmed_at: Option<NaiveDateTime>,
    /// Feedback links issued.
    pub feedback_links_issued: i32,
    /// People reached: the most feedback links it may have.
    pub recipients: i32,
}

/// A new delivery, validated.
#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    /// Resource.
    pub resource_id: i64,
    /// Version.
    pub version_id: i64,
    /// Host school.
    pub org_id: i64,
    /// Consumer school.
    pub recipient_org_id: i64,
    /// Date.
    pub delivered_on: NaiveDate,
    /// Form.
    pub form: DeliveryForm,
    /// Contact person.
    pub contact: &'a str,
    /// People reached (within `limits::DELIVERY_RECIPIENTS`).
    pub recipients: u32,
    /// Recorder.
    pub created_by: i64,
}

/// Records a delivery and returns its id.
pub fn insert(conn: &mut DbConnection, new: &NewDelivery<'_>) -> QueryResult<i64> {
    let id = diesel::insert_into(deliveries::table)
        .values((
            deliveries::resource_id.eq(new.resource_id),
            deliveries::version_id.eq(new.version_id),
            deliveries::org_id.eq(new.org_id),
            deliveries::recipient_org_id.eq(new.recipient_org_id),
            deliveries::delivered_on.eq(new.delivered_on),
            deliveries::form.eq(new.form.as_str()),
            deliveries::contact.eq(new.contact),
            deliveries::recipients.eq(i32::try_from(new.recipients).unwrap_or(i32::MAX)),
            deliveries::created_by.eq(new.created_by),
            deliveries::created_at.eq(super::now()),
        ))
        .returning(deliveries::id)
        .get_result(conn)?;
    crate::db::read_model::on_delivery(conn, new.resource_id, new.org_id, new.recipient_org_id)?;
    Ok(id)
}

/// One delivery row.
pub fn find(conn: &mut DbConnection, id: DeliveryId) -> QueryResult<DeliveryRow> {
    let id = id.0;
    deliveries::table.find(id).select(DeliveryRow::as_select()).first(conn)
}

/// Marks a delivery as received by its consumer; a second confirmation changes nothing.
pub fn confirm(conn: &mut DbConnection, id: DeliveryId, actor: UserId) -> QueryResult<()> {
    let id = id.0;
    let actor = actor.0;
    diesel::update(deliveries::table.find(id).filter(deliveries::confirmed_at.is_null()))
        .set((
            deliveries::confirmed_at.eq(super::now()),
            deliveries::confirmed_by.eq(actor),
        ))
        .execute(conn)
        .map(|_| ())
}

/// How many deliveries a resource has: the delivery step's evidence.
pub fn count_for(conn: &mut DbConnection, resource_id: ResourceId) -> QueryResult<i64> {
    deliveries::table
        .filter(deliveries::resource_id.eq(resource_id.0))
        .count()
        .get_result(conn)
}

/// Completes rows with resource titles, consumer names, answer counts and whether the
/// viewer has answered, in four queries.
pub fn complete(conn: &mut DbConnection, rows: Vec<DeliveryRow>, viewer: UserId) -> QueryResult<Vec<Delivery>> {
    let viewer = viewer.0;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let titles = super::resource::titles(conn, rows.iter().map(|row| row.resource_id))?;
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.recipient_org_id))?;
    let responses: HashMap<i64, i64> = feedback::table
        .filter(feedback::delivery_id.eq_any(&ids))
        .group_by(feedback::delivery_id)
        .select((feedback::delivery_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let answered: Vec<i64> = feedback::table
        .filter(feedback::delivery_id.eq_any(&ids))
        .filter(feedback::respondent_user_id.eq(viewer))
        .select(feedback::delivery_id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| Delivery {
            id: row.id,
            resource_id: ResourceId(row.resource_id),
            resource_title: titles.get(&row.resource_id).cloned().unwrap_or_default(),
            version_id: row.version_id,
            org_id: OrganisationId(row.org_id),
            recipient_org_id: OrganisationId(row.recipient_org_id),
            recipient_short_name: names.get(&row.recipient_org_id).cloned().unwrap_or_default(),
            delivered_on: row.delivered_on,
            form: DeliveryForm::parse(&row.form).unwrap_or(DeliveryForm::Handover),
            contact: row.contact,
            confirmed_at: row.confirmed_at.map(|at| at.and_utc()),
            recipients: u32::try_from(row.recipients).unwrap_or(0),
            feedback_links: i64::from(row.feedback_links_issued),
            responses: responses.get(&row.id).copied().unwrap_or(0),
            answered_by_me: answered.contains(&row.id),
            created_at: row.created_at.and_utc(),
        })
        .collect())
}

/// The API representation of one delivery, as `viewer` sees it.
pub fn load(conn: &mut DbConnection, id: DeliveryId, viewer: UserId) -> QueryResult<Delivery> {
    let row = find(conn, id)?;
    complete(conn, vec![row], viewer)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// Whose deliveries a list shows.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Every delivery (the committee).
    All,
    /// Made by this school, or received by it.
    School(i64),
    /// Received by this school only (a partner-only account).
    Received(i64),
}

fn filtered<'a>(scope: Scope, filter: &DeliveryFilter) -> deliveries::BoxedQuery<'a, Backend> {
    let mut query = deliveries::table.into_boxed();
    match scope {
        Scope::All => {}
        Scope::School(org) => query = query.filter(deliveries::org_id.eq(org).or(deliveries::recipient_org_id.eq(org))),
        Scope::Received(org) => query = query.filter(deliveries::recipient_org_id.eq(org)),
    }
    if let Some(resource) = filter.resource_id {
        query = query.filter(deliveries::resource_id.eq(resource.0));
    }
    if let Some(recipient) = filter.recipient_org_id {
        query = query.filter(deliveries::recipient_org_id.eq(recipient.0));
    }
    if let Some(org) = filter.org_id {
        query = query.filter(deliveries::org_id.eq(org.0));
    }
    query
}

/// One page of deliveries, newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    filter: &DeliveryFilter,
    page: PageRequest,
    viewer: UserId,
) -> QueryResult<(Vec<Delivery>, i64)> {
    let total = filtered(scope, filter).count().get_result(conn)?;
    let rows = filtered(scope, filter)
        .order(deliveries::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(DeliveryRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, viewer)?, total))
}
