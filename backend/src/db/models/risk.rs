//! The `risks` and `risk_changes` tables.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{risk_changes, risks, users};
use crate::domain::risks::{self as rules, Change, RiskFields, Tracked};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::risks::{Risk, RiskCategory, RiskChange, RiskField, RiskFilter, RiskStatus};
use openapi::{OrganisationId, PilotId, ProjectId, RiskId, UserId};

/// What a risk belongs to: exactly one project or one pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// A project's register.
    Project(ProjectId),
    /// A pilot's register.
    Pilot(PilotId),
}

/// A row of `risks`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = risks)]
pub struct RiskRow {
    /// Id.
    pub id: i64,
    /// School.
    pub org_id: i64,
    /// The project, for a project's risk.
    pub project_id: Option<i64>,
    /// The pilot, for a pilot's risk.
    pub pilot_id: Option<i64>,
    /// Title.
    pub title: String,
    /// Category.
    pub category: String,
    /// 1–5.
    pub likelihood: i32,
    /// 1–5.
    pub impact: i32,
    /// likelihood × impact.
    pub score: i32,
    /// Ways to overcome it.
    pub mitigation: String,
    /// Owner.
    pub owner_id: i64,
    /// Status.
    pub status: String,
    /// Next review.
    pub next_review_on: Option<NaiveDate>,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

fn level(value: i32) -> u8 {
    u8::try_from(value).unwrap_or_default()
}

impl RiskRow {
    /// The school.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }

    /// What it belongs to.
    pub fn parent(&self) -> Parent {
        match (self.project_id, self.pilot_id) {
            (_, Some(pilot)) => Parent::Pilot(PilotId(pilot)),
            (project, None) => Parent::Project(ProjectId(project.unwrap_or_default())),
        }
    }

    /// The status; the CHECK constraint keeps other values out.
    pub fn status(&self) -> RiskStatus {
        RiskStatus::parse(&self.status).unwrap_or(RiskStatus::Open)
    }

    /// The values whose changes the history keeps.
    pub fn tracked(&self) -> Tracked {
        Tracked {
            status: self.status(),
            likelihood: level(self.likelihood),
            impact: level(self.impact),
            next_review_on: self.next_review_on,
        }
    }

    fn into_dto(self, owner_name: String, today: NaiveDate) -> Risk {
        let status = self.status();
        Risk {
            id: self.id,
            org_id: OrganisationId(self.org_id),
            project_id: self.project_id.map(ProjectId),
            pilot_id: self.pilot_id.map(PilotId),
            title: self.title,
            category: RiskCategory::parse(&self.category).unwrap_or(RiskCategory::Other),
            likelihood: level(self.likelihood),
            impact: level(self.impact),
            score: level(self.score),
            mitigation: self.mitigation,
            owner_id: UserId(self.owner_id),
            owner_name,
            status,
            review_overdue: rules::review_overdue(status, self.next_review_on, today),
            next_review_on: self.next_review_on,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// One risk row.
pub fn find(conn: &mut DbConnection, id: RiskId) -> QueryResult<RiskRow> {
    risks::table.find(id.0).select(RiskRow::as_select()).first(conn)
}

/// The columns a risk's fields set, on insert and on update alike; the score is computed
/// from them.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = risks, treat_none_as_null = true)]
struct Values<'a> {
    title: &'a str,
    category: &'a str,
    likelihood: i32,
    impact: i32,
    score: i32,
    mitigation: &'a str,
    owner_id: i64,
    status: &'a str,
    next_review_on: Option<NaiveDate>,
    updated_at: NaiveDateTime,
}

impl<'a> Values<'a> {
    fn of(fields: &'a RiskFields) -> Self {
        Self {
            title: &fields.title,
            category: fields.category.as_str(),
            likelihood: i32::from(fields.tracked.likelihood),
            impact: i32::from(fields.tracked.impact),
            score: i32::from(fields.score()),
            mitigation: &fields.mitigation,
            owner_id: fields.owner_id,
            status: fields.tracked.status.as_str(),
            next_review_on: fields.tracked.next_review_on,
            updated_at: super::now(),
        }
    }
}

/// How many risks `parent`'s register holds.
pub fn count_of(conn: &mut DbConnection, parent: Parent) -> QueryResult<i64> {
    filtered(parent, &RiskFilter::default()).count().get_result(conn)
}

/// Records a risk of `parent`, of school `org`; the score is computed from the fields.
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    parent: Parent,
    fields: &RiskFields,
    actor: UserId,
) -> QueryResult<RiskId> {
    let (project, pilot) = match parent {
        Parent::Project(id) => (Some(id.0), None),
        Parent::Pilot(id) => (None, Some(id.0)),
    };
    let values = Values::of(fields);
    diesel::insert_into(risks::table)
        .values((
            risks::org_id.eq(org.0),
            risks::project_id.eq(project),
            risks::pilot_id.eq(pilot),
            risks::created_by.eq(actor.0),
            risks::created_at.eq(values.updated_at),
            values,
        ))
        .returning(risks::id)
        .get_result(conn)
        .map(RiskId)
}

/// Rewrites a risk; the score is computed from the fields.
pub fn update(conn: &mut DbConnection, id: RiskId, fields: &RiskFields) -> QueryResult<()> {
    diesel::update(risks::table.find(id.0))
        .set(Values::of(fields))
        .execute(conn)
        .map(|_| ())
}

/// Appends the changes of one write to a risk's history (a batch insert is not portable
/// over the multi-connection, so one row each).
pub fn record_changes(
    conn: &mut DbConnection,
    id: RiskId,
    actor: UserId,
    changes: &[Change],
    note: Option<&str>,
) -> QueryResult<()> {
    let at = super::now();
    for (field, from, to) in changes {
        diesel::insert_into(risk_changes::table)
            .values((
                risk_changes::risk_id.eq(id.0),
                risk_changes::actor_id.eq(actor.0),
                risk_changes::at.eq(at),
                risk_changes::field.eq(field.as_str()),
                risk_changes::from_value.eq(from.as_deref()),
                risk_changes::to_value.eq(to.as_deref()),
                risk_changes::note.eq(note),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The API representation of rows on `today`, with their owners' names: one more query.
pub fn complete(conn: &mut DbConnection, rows: Vec<RiskRow>, today: NaiveDate) -> QueryResult<Vec<Risk>> {
    let names = super::user::full_names(conn, rows.iter().map(|row| row.owner_id))?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = names.get(&row.owner_id).cloned().unwrap_or_default();
            row.into_dto(name, today)
        })
        .collect())
}

/// The API representation of one risk row on `today`.
pub fn represent(conn: &mut DbConnection, row: RiskRow, today: NaiveDate) -> QueryResult<Risk> {
    complete(conn, vec![row], today)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// The API representation of one risk on `today`.
pub fn load(conn: &mut DbConnection, id: RiskId, today: NaiveDate) -> QueryResult<Risk> {
    let row = find(conn, id)?;
    represent(conn, row, today)
}

fn filtered<'a>(parent: Parent, filter: &RiskFilter) -> risks::BoxedQuery<'a, Backend> {
    let mut query = match parent {
        Parent::Project(id) => risks::table.filter(risks::project_id.eq(id.0)).into_boxed(),
        Parent::Pilot(id) => risks::table.filter(risks::pilot_id.eq(id.0)).into_boxed(),
    };
    if let Some(status) = filter.status {
        query = query.filter(risks::status.eq(status.as_str()));
    }
    query
}

/// One page of a register, the highest score first (ties by id), and the total.
pub fn list(
    conn: &mut DbConnection,
    parent: Parent,
    filter: &RiskFilter,
    page: PageRequest,
    today: NaiveDate,
) -> QueryResult<(Vec<Risk>, i64)> {
    let total = filtered(parent, filter).count().get_result(conn)?;
    let rows: Vec<RiskRow> = filtered(parent, filter)
        .order((risks::score.desc(), risks::id))
        .limit(page.limit())
        .offset(page.offset())
        .select(RiskRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, today)?, total))
}

/// One page of a risk's history, oldest first, with the actors' names, and the total.
pub fn history(conn: &mut DbConnection, id: RiskId, page: PageRequest) -> QueryResult<(Vec<RiskChange>, i64)> {
    type Row = (
        i64,
        NaiveDateTime,
        Option<i64>,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let of_risk = || risk_changes::table.filter(risk_changes::risk_id.eq(id.0));
    let total = of_risk().count().get_result(conn)?;
    let rows: Vec<Row> = of_risk()
        .left_join(users::table.on(users::id.nullable().eq(risk_changes::actor_id)))
        .order(risk_changes::id)
        .limit(page.limit())
        .offset(page.offset())
        .select((
            risk_changes::id,
            risk_changes::at,
            risk_changes::actor_id,
            users::full_name.nullable(),
            risk_changes::field,
            risk_changes::from_value,
            risk_changes::to_value,
            risk_changes::note,
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(change, at, actor, name, field, from, to, note)| RiskChange {
            id: change,
            risk_id: id,
            at: at.and_utc(),
            actor_id: actor.map(UserId),
            actor_name: name,
            field: RiskField::parse(&field).unwrap_or(RiskField::Status),
            from,
            to,
            note,
        })
        .collect();
    Ok((items, total))
}

/// The risks a person owns whose review date is before `today` and that are not closed,
/// the oldest review first (at most 100).
pub fn due_for_review(conn: &mut DbConnection, owner: UserId, today: NaiveDate) -> QueryResult<Vec<RiskRow>> {
    risks::table
        .filter(risks::owner_id.eq(owner.0))
        .filter(risks::next_review_on.lt(today))
        .filter(risks::status.ne(RiskStatus::Closed.as_str()))
        .order((risks::next_review_on, risks::id))
        .limit(100)
        .select(RiskRow::as_select())
        .load(conn)
}

versioned!(risks);
