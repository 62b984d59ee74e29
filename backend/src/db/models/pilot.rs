//! The `pilots` and `pilot_sites` tables.

use super::PageRequest;
use super::attachment::{self, Owner};
use crate::db::DbConnection;
use crate::db::schema::{organisations, pilot_sites, pilots, resource_versions};
use crate::domain::pilots::{self as rules, Conclusion, PilotFields};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::pilots::{Pilot, PilotConclusion, PilotSite};
use openapi::{OrganisationId, PilotId, ResourceId, UserId, VersionId};
use std::collections::HashMap;

/// A row of `pilots`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pilots)]
pub struct PilotRow {
    /// Id.
    pub id: i64,
    /// The resource's school.
    pub org_id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Version piloted.
    pub version_id: i64,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day planned.
    pub ends_on: NaiveDate,
    /// Teachers.
    pub teachers: i32,
    /// Classes.
    pub classes: String,
    /// Pupils.
    pub pupils: i32,
    /// Method.
    pub method: String,
    /// Interim results.
    pub interim_results: String,
    /// Final results.
    pub final_results: String,
    /// Conclusion, once concluded.
    pub conclusion: Option<String>,
    /// Day of the conclusion.
    pub concluded_on: Option<NaiveDate>,
    /// Who concluded it.
    pub concluded_by: Option<i64>,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl PilotRow {
    /// The school.
    pub fn org(&self) -> OrganisationId {
        OrganisationId(self.org_id)
    }

    /// Whether it is concluded.
    pub fn is_concluded(&self) -> bool {
        self.conclusion.is_some()
    }

    fn into_dto(
        self,
        version_number: i32,
        sites: Vec<PilotSite>,
        files: Vec<openapi::plan::Attachment>,
        today: NaiveDate,
    ) -> Pilot {
        Pilot {
            id: self.id,
            org_id: OrganisationId(self.org_id),
            resource_id: ResourceId(self.resource_id),
            version_id: VersionId(self.version_id),
            version_number,
            sites,
            status: rules::status(self.is_concluded(), self.starts_on, today),
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            teachers: self.teachers,
            classes: self.classes,
            pupils: self.pupils,
            method: self.method,
            interim_results: self.interim_results,
            final_results: self.final_results,
            conclusion: self.conclusion.as_deref().and_then(PilotConclusion::parse),
            concluded_on: self.concluded_on,
            concluded_by: self.concluded_by.map(UserId),
            attachments: files,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// One pilot row.
pub fn find(conn: &mut DbConnection, id: PilotId) -> QueryResult<PilotRow> {
    pilots::table.find(id.0).select(PilotRow::as_select()).first(conn)
}

/// The columns a pilot's fields set, on insert and on update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = pilots)]
struct Values<'a> {
    version_id: i64,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    teachers: i32,
    classes: &'a str,
    pupils: i32,
    method: &'a str,
    interim_results: &'a str,
    final_results: &'a str,
    updated_at: NaiveDateTime,
}

impl<'a> Values<'a> {
    fn of(fields: &'a PilotFields) -> Self {
        Self {
            version_id: fields.version_id.0,
            starts_on: fields.starts_on,
            ends_on: fields.ends_on,
            teachers: fields.teachers,
            classes: &fields.classes,
            pupils: fields.pupils,
            method: &fields.method,
            interim_results: &fields.interim_results,
            final_results: &fields.final_results,
            updated_at: super::now(),
        }
    }
}

/// Records a pilot of a resource of school `org` with its sites.
pub fn insert(
    conn: &mut DbConnection,
    org: OrganisationId,
    resource: ResourceId,
    fields: &PilotFields,
    actor: UserId,
) -> QueryResult<PilotId> {
    let values = Values::of(fields);
    let id = diesel::insert_into(pilots::table)
        .values((
            pilots::org_id.eq(org.0),
            pilots::resource_id.eq(resource.0),
            pilots::created_by.eq(actor.0),
            pilots::created_at.eq(values.updated_at),
            values,
        ))
        .returning(pilots::id)
        .get_result(conn)
        .map(PilotId)?;
    write_sites(conn, id, &fields.sites)?;
    Ok(id)
}

/// Rewrites a pilot that is not concluded, sites included; returns whether it applied.
pub fn update(conn: &mut DbConnection, id: PilotId, fields: &PilotFields) -> QueryResult<bool> {
    let changed = diesel::update(pilots::table.find(id.0).filter(pilots::conclusion.is_null()))
        .set(Values::of(fields))
        .execute(conn)?;
    if changed != 1 {
        return Ok(false);
    }
    diesel::delete(pilot_sites::table.filter(pilot_sites::pilot_id.eq(id.0))).execute(conn)?;
    write_sites(conn, id, &fields.sites)?;
    Ok(true)
}

/// Concludes a pilot that is not concluded yet; returns whether it applied.
pub fn conclude(conn: &mut DbConnection, id: PilotId, conclusion: &Conclusion, actor: UserId) -> QueryResult<bool> {
    diesel::update(pilots::table.find(id.0).filter(pilots::conclusion.is_null()))
        .set((
            pilots::conclusion.eq(conclusion.conclusion.as_str()),
            pilots::concluded_on.eq(conclusion.concluded_on),
            pilots::concluded_by.eq(actor.0),
            pilots::final_results.eq(&conclusion.final_results),
            pilots::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|changed| changed == 1)
}

/// The sites in order, one row each (a batch insert is not portable over the
/// multi-connection).
fn write_sites(conn: &mut DbConnection, id: PilotId, sites: &[OrganisationId]) -> QueryResult<()> {
    for (position, org) in (0..).zip(sites) {
        diesel::insert_into(pilot_sites::table)
            .values((
                pilot_sites::pilot_id.eq(id.0),
                pilot_sites::org_id.eq(org.0),
                pilot_sites::position.eq(position),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The API representation of rows on `today`, with their version numbers, sites and
/// files: three more queries, whatever the number of rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<PilotRow>, today: NaiveDate) -> QueryResult<Vec<Pilot>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let version_ids: Vec<i64> = rows.iter().map(|row| row.version_id).collect();
    let numbers: HashMap<i64, i32> = resource_versions::table
        .filter(resource_versions::id.eq_any(&version_ids))
        .select((resource_versions::id, resource_versions::number))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect();
    let site_rows: Vec<(i64, i64, String)> = pilot_sites::table
        .inner_join(organisations::table)
        .filter(pilot_sites::pilot_id.eq_any(&ids))
        .order((pilot_sites::pilot_id, pilot_sites::position))
        .select((pilot_sites::pilot_id, organisations::id, organisations::short_name))
        .load(conn)?;
    let mut sites: HashMap<i64, Vec<PilotSite>> = HashMap::new();
    for (pilot, org, name) in site_rows {
        sites.entry(pilot).or_default().push(PilotSite {
            org_id: OrganisationId(org),
            name,
        });
    }
    let owners: Vec<Owner> = ids.iter().map(|id| Owner::Pilot(PilotId(*id))).collect();
    let mut files = attachment::of_many(conn, &owners)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (id, number) = (row.id, numbers.get(&row.version_id).copied().unwrap_or_default());
            let sites = sites.remove(&id).unwrap_or_default();
            row.into_dto(number, sites, files.remove(&id).unwrap_or_default(), today)
        })
        .collect())
}

/// The API representation of one pilot row on `today`.
pub fn represent(conn: &mut DbConnection, row: PilotRow, today: NaiveDate) -> QueryResult<Pilot> {
    complete(conn, vec![row], today)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)
}

/// The API representation of one pilot on `today`.
pub fn load(conn: &mut DbConnection, id: PilotId, today: NaiveDate) -> QueryResult<Pilot> {
    let row = find(conn, id)?;
    represent(conn, row, today)
}

/// One page of a resource's pilots, the latest start first, and the total.
pub fn list(
    conn: &mut DbConnection,
    resource: ResourceId,
    page: PageRequest,
    today: NaiveDate,
) -> QueryResult<(Vec<Pilot>, i64)> {
    let of_resource = || pilots::table.filter(pilots::resource_id.eq(resource.0));
    let total = of_resource().count().get_result(conn)?;
    let rows: Vec<PilotRow> = of_resource()
        .order((pilots::starts_on.desc(), pilots::id.desc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(PilotRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows, today)?, total))
}

/// How many pilots of a resource are concluded.
pub fn count_completed(conn: &mut DbConnection, resource: ResourceId) -> QueryResult<i64> {
    pilots::table
        .filter(pilots::resource_id.eq(resource.0))
        .filter(pilots::conclusion.is_not_null())
        .count()
        .get_result(conn)
}

/// The projects of pilots (through their resources), by pilot id, in one query.
pub fn projects_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, i64>> {
    use crate::db::schema::resources;
    let rows: Vec<(i64, i64)> = pilots::table
        .inner_join(resources::table.on(resources::id.eq(pilots::resource_id)))
        .filter(pilots::id.eq_any(ids))
        .select((pilots::id, resources::project_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

versioned!(pilots);
