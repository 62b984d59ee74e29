//! The `organisations` table.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::organisations;
use crate::domain::text::{like_pattern, search_key};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::OrganisationId;
use openapi::organisations::{Organisation, OrganisationFilter, OrganisationKind, OrganisationSummary};

/// A row of `organisations`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    /// Id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// `school` or `committee`.
    pub kind: String,
    /// Municipality.
    pub municipality: String,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

impl OrganisationRow {
    /// The kind as an enum; the CHECK constraint keeps other values out.
    pub fn kind(&self) -> OrganisationKind {
        OrganisationKind::parse(&self.kind).unwrap_or(OrganisationKind::School)
    }

    /// The API representation.
    pub fn into_dto(self) -> Organisation {
        let kind = self.kind();
        Organisation {
            id: OrganisationId(self.id),
            name: self.name,
            short_name: self.short_name,
            kind,
            municipality: self.municipality,
            created_at: self.created_at.and_utc(),
        }
    }

    /// The short representation shown beside a user.
    pub fn summary(&self) -> OrganisationSummary {
        OrganisationSummary {
            id: OrganisationId(self.id),
            name: self.name.clone(),
            short_name: self.short_name.clone(),
            kind: self.kind(),
        }
    }
}

/// A new organisation, validated.
#[derive(Debug, Clone)]
pub struct NewOrganisation<'a> {
    /// Full name.
    pub name: &'a str,
    /// Short name.
    pub short_name: &'a str,
    /// Kind.
    pub kind: OrganisationKind,
    /// Municipality.
    pub municipality: &'a str,
}

/// The key that keeps names unique regardless of case (Cyrillic included).
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// One organisation by id.
pub fn find(conn: &mut DbConnection, id: OrganisationId) -> QueryResult<OrganisationRow> {
    let id = id.0;
    organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
}

/// Whether an organisation with this name exists, compared case-insensitively.
pub fn name_taken(conn: &mut DbConnection, name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        organisations::table.filter(organisations::name_key.eq(name_key(name))),
    ))
    .get_result(conn)
}

/// Which of `ids` are schools, in one query.
pub fn schools_among(conn: &mut DbConnection, ids: &[OrganisationId]) -> QueryResult<Vec<OrganisationId>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let found: Vec<i64> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .filter(organisations::kind.eq(OrganisationKind::School.as_str()))
        .select(organisations::id)
        .load(conn)?;
    Ok(found.into_iter().map(OrganisationId).collect())
}

/// How many organisations there are.
pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    organisations::table.count().get_result(conn)
}

/// Inserts an organisation and returns its id.
pub fn insert(conn: &mut DbConnection, new: &NewOrganisation<'_>) -> QueryResult<i64> {
    let now = super::now();
    let id = diesel::insert_into(organisations::table)
        .values((
            organisations::name.eq(new.name),
            organisations::name_key.eq(name_key(new.name)),
            organisations::short_name.eq(new.short_name),
            organisations::kind.eq(new.kind.as_str()),
            organisations::municipality.eq(new.municipality),
            organisations::search.eq(search_key(&[new.name, new.short_name, new.municipality])),
            organisations::created_at.eq(now),
            organisations::updated_at.eq(now),
        ))
        .returning(organisations::id)
        .get_result(conn)?;
    crate::db::read_model::on_organisation_created(conn, id, new.kind == OrganisationKind::School)?;
    Ok(id)
}

/// The organisations a filter selects, as a query to extend.
pub fn filtered<'a>(filter: &OrganisationFilter) -> organisations::BoxedQuery<'a, Backend> {
    let mut query = organisations::table.into_boxed();
    if let Some(pattern) = filter.q.as_deref().and_then(like_pattern) {
        query = query.filter(organisations::search.like(super::planned_with(pattern)).escape('\\'));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(organisations::kind.eq(kind.as_str()));
    }
    query
}

/// One page of organisations matching the filter, ordered by short name, and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &OrganisationFilter,
    page: PageRequest,
) -> QueryResult<(Vec<OrganisationRow>, i64)> {
    let total = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order((organisations::short_name.asc(), organisations::id.asc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(OrganisationRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The short names of several organisations, in one query.
pub fn short_names(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = i64>,
) -> QueryResult<std::collections::HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(i64, String)> = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::short_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
