//! The `orders` table. Points and participants are kept together as JSON in `body_json`:
//! an order is a document, read and written whole.

use crate::db::DbConnection;
use crate::db::schema::{orders, organisations};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::orders::{Order, OrderParticipant, OrderStatus};
use openapi::{OrderId, OrganisationId, ProjectId, UserId};
use serde::{Deserialize, Serialize};

/// A row of `orders`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// Project.
    pub project_id: i64,
    /// Number.
    pub number: String,
    /// Date.
    pub issued_on: NaiveDate,
    /// School year.
    pub school_year: i32,
    /// Title.
    pub title: String,
    /// Points and participants.
    pub body_json: String,
    /// Signatory.
    pub signatory_name: String,
    /// Their position.
    pub signatory_position: String,
    /// Status.
    pub status: String,
    /// The order it replaces.
    pub supersedes_id: Option<i64>,
    /// Drafting time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// Issuer.
    pub issued_by: Option<i64>,
    /// Issuing time.
    pub issued_at: Option<NaiveDateTime>,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl OrderRow {
    /// The status.
    pub fn status(&self) -> OrderStatus {
        OrderStatus::parse(&self.status).unwrap_or(OrderStatus::Draft)
    }
}

/// What `body_json` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Body {
    /// The numbered points.
    pub points: Vec<String>,
    /// The participants.
    pub participants: Vec<OrderParticipant>,
}

/// An order's content as written.
#[derive(Debug, Clone)]
pub struct OrderContent {
    /// Number.
    pub number: String,
    /// Date.
    pub issued_on: NaiveDate,
    /// School year.
    pub school_year: i32,
    /// Title.
    pub title: String,
    /// Points and participants.
    pub body: Body,
    /// Signatory.
    pub signatory_name: String,
    /// Their position.
    pub signatory_position: String,
    /// The order it replaces.
    pub supersedes_id: Option<i64>,
}

fn body_json(body: &Body) -> QueryResult<String> {
    serde_json::to_string(body).map_err(|err| diesel::result::Error::SerializationError(Box::new(err)))
}

/// One order row.
pub fn find(conn: &mut DbConnection, id: OrderId) -> QueryResult<OrderRow> {
    orders::table.find(id.0).select(OrderRow::as_select()).first(conn)
}

/// Whether a school has another order (not `except`) with this number.
pub fn number_taken(
    conn: &mut DbConnection,
    org: OrganisationId,
    number: &str,
    except: Option<OrderId>,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        orders::table
            .filter(orders::org_id.eq(org.0))
            .filter(orders::number.eq(number))
            .filter(orders::id.ne(except.map_or(0, i64::from))),
    ))
    .get_result(conn)
}

/// Drafts an order.
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    project: ProjectId,
    content: &OrderContent,
    actor: UserId,
) -> QueryResult<OrderId> {
    let now = super::now();
    diesel::insert_into(orders::table)
        .values((
            orders::org_id.eq(org.0),
            orders::project_id.eq(project.0),
            orders::number.eq(&content.number),
            orders::issued_on.eq(content.issued_on),
            orders::school_year.eq(content.school_year),
            orders::title.eq(&content.title),
            orders::body_json.eq(body_json(&content.body)?),
            orders::signatory_name.eq(&content.signatory_name),
            orders::signatory_position.eq(&content.signatory_position),
            orders::status.eq(OrderStatus::Draft.as_str()),
            orders::supersedes_id.eq(content.supersedes_id),
            orders::created_by.eq(actor.0),
            orders::created_at.eq(now),
            orders::updated_at.eq(now),
        ))
        .returning(orders::id)
        .get_result(conn)
        .map(OrderId)
}

/// Rewrites a draft; an issued order is left as it is (returns whether it applied).
pub fn update(conn: &mut DbConnection, id: OrderId, content: &OrderContent) -> QueryResult<bool> {
    diesel::update(
        orders::table
            .find(id.0)
            .filter(orders::status.eq(OrderStatus::Draft.as_str())),
    )
    .set((
        orders::number.eq(&content.number),
        orders::issued_on.eq(content.issued_on),
        orders::school_year.eq(content.school_year),
        orders::title.eq(&content.title),
        orders::body_json.eq(body_json(&content.body)?),
        orders::signatory_name.eq(&content.signatory_name),
        orders::signatory_position.eq(&content.signatory_position),
        orders::supersedes_id.eq(content.supersedes_id),
        orders::updated_at.eq(super::now()),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

/// Issues a draft with the participants as they are now; returns whether it applied.
pub fn issue(
    conn: &mut DbConnection,
    row: &OrderRow,
    participants: &[OrderParticipant],
    actor: UserId,
) -> QueryResult<bool> {
    let mut body: Body = serde_json::from_str(&row.body_json)
        .map_err(|err| diesel::result::Error::DeserializationError(Box::new(err)))?;
    body.participants = participants.to_vec();
    let now = super::now();
    diesel::update(
        orders::table
            .find(row.id)
            .filter(orders::status.eq(OrderStatus::Draft.as_str())),
    )
    .set((
        orders::status.eq(OrderStatus::Issued.as_str()),
        orders::body_json.eq(body_json(&body)?),
        orders::issued_by.eq(actor.0),
        orders::issued_at.eq(now),
        orders::updated_at.eq(now),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}

fn to_dto(row: OrderRow, org_name: String) -> QueryResult<Order> {
    let body: Body = serde_json::from_str(&row.body_json)
        .map_err(|err| diesel::result::Error::DeserializationError(Box::new(err)))?;
    Ok(Order {
        id: row.id,
        org_id: OrganisationId(row.org_id),
        org_name,
        project_id: ProjectId(row.project_id),
        status: row.status(),
        number: row.number,
        issued_on: row.issued_on,
        school_year: row.school_year,
        title: row.title,
        points: body.points,
        participants: body.participants,
        signatory_name: row.signatory_name,
        signatory_position: row.signatory_position,
        supersedes_id: row.supersedes_id,
        issued_by: row.issued_by.map(UserId),
        issued_at: row.issued_at.map(|at| at.and_utc()),
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
        version: row.version,
    })
}

/// The API representation of one order.
pub fn load(conn: &mut DbConnection, id: OrderId) -> QueryResult<Order> {
    let (row, name) = orders::table
        .inner_join(organisations::table.on(organisations::id.eq(orders::org_id)))
        .filter(orders::id.eq(id.0))
        .select((OrderRow::as_select(), organisations::name))
        .first(conn)?;
    to_dto(row, name)
}

/// The orders of a project, the latest first.
pub fn for_project(conn: &mut DbConnection, project: ProjectId) -> QueryResult<Vec<Order>> {
    let rows: Vec<(OrderRow, String)> = orders::table
        .inner_join(organisations::table.on(organisations::id.eq(orders::org_id)))
        .filter(orders::project_id.eq(project.0))
        .order(orders::id.desc())
        .select((OrderRow::as_select(), organisations::name))
        .load(conn)?;
    rows.into_iter().map(|(row, name)| to_dto(row, name)).collect()
}

/// The drafts of a school waiting to be issued, oldest first (at most 100).
pub fn drafts(conn: &mut DbConnection, org: OrganisationId) -> QueryResult<Vec<Order>> {
    let rows: Vec<(OrderRow, String)> = orders::table
        .inner_join(organisations::table.on(organisations::id.eq(orders::org_id)))
        .filter(orders::org_id.eq(org.0))
        .filter(orders::status.eq(OrderStatus::Draft.as_str()))
        .order(orders::id)
        .limit(100)
        .select((OrderRow::as_select(), organisations::name))
        .load(conn)?;
    rows.into_iter().map(|(row, name)| to_dto(row, name)).collect()
}

versioned!(orders);
