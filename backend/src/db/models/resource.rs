//! The `resources`, `resource_authors` and `resource_kit_items` tables.

use super::{Backend, PageRequest};
use crate::db::Engine;
use crate::db::schema::{
    organisations, projects, resource_authors, resource_kit_items, resource_stats, resources, resources_search, users,
};
use crate::db::{DbConnection, read_model};
use crate::domain::metrics::Tally;
use crate::domain::pagination::{Keyset, Split};
use crate::domain::resources::ResourceCard;
use crate::domain::text::{like_term, search_key, search_term};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Text;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::projects::ProjectLevel;
use openapi::resources::{
    Author, DevelopmentElement, KitItem, KitItemType, ProgrammeFormat, Resource, ResourceFilter, ResourceForm, Stage,
    Visibility,
};
use openapi::{OrganisationId, ProjectId, ResourceId, SEARCH_COUNT_CAP, UserId};
use std::collections::HashMap;

/// A row of `resources`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = resources)]
pub struct ResourceRow {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// School.
    pub org_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Form.
    pub form: String,
    /// Element.
    pub element: Option<String>,
    /// Hours.
    pub hours: Option<i32>,
    /// Programme format.
    pub programme_format: Option<String>,
    /// Licence.
    pub licence: String,
    /// Visibility.
    pub visibility: String,
    /// Lifecycle stage.
    pub stage: String,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl ResourceRow {
    /// The lifecycle stage.
    pub fn stage(&self) -> Stage {
        Stage::parse(&self.stage).unwrap_or(Stage::Request)
    }

    /// Whether it is in the public catalogue.
    pub fn is_published(&self) -> bool {
        self.visibility == Visibility::Published.as_str()
    }

    fn into_dto(self, names: (String, String), authors: Vec<Author>, kit_items: Vec<KitItem>) -> Resource {
        let stage = self.stage();
        let (org_short_name, project_title) = names;
        Resource {
            id: ResourceId(self.id),
            project_id: ProjectId(self.project_id),
            project_title,
            org_id: OrganisationId(self.org_id),
            org_short_name,
            title: self.title,
            description: self.description,
            form: ResourceForm::parse(&self.form).unwrap_or(ResourceForm::MethodologicalDevelopment),
            element: self.element.as_deref().and_then(DevelopmentElement::parse),
            hours: self.hours,
            programme_format: self.programme_format.as_deref().and_then(ProgrammeFormat::parse),
            kit_items,
            authors,
            licence: self.licence,
            visibility: Visibility::parse(&self.visibility).unwrap_or(Visibility::Internal),
            stage,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// One resource row.
pub fn find(conn: &mut DbConnection, id: ResourceId) -> QueryResult<ResourceRow> {
    let id = id.0;
    resources::table.find(id).select(ResourceRow::as_select()).first(conn)
}

/// The titles of these resources, by id.
pub fn titles(conn: &mut DbConnection, ids: impl IntoIterator<Item = i64>) -> QueryResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(i64, String)> = resources::table
        .filter(resources::id.eq_any(ids))
        .select((resources::id, resources::title))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

fn authors_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<HashMap<i64, Vec<Author>>> {
    let mut authors: HashMap<i64, Vec<Author>> = HashMap::new();
    let author_rows: Vec<(i64, Option<i64>, String, i32)> = resource_authors::table
        .filter(resource_authors::resource_id.eq_any(ids))
        .order((resource_authors::resource_id, resource_authors::position))
        .select((
            resource_authors::resource_id,
            resource_authors::user_id,
            resource_authors::name,
            resource_authors::share,
        ))
        .load(conn)?;
    for (resource_id, user_id, name, share) in author_rows {
        let share = u8::try_from(share).unwrap_or(0);
        authors.entry(resource_id).or_default().push(Author {
            user_id: user_id.map(UserId),
            name,
            share,
        });
    }
    Ok(authors)
}

/// The authors of one resource, in order.
pub fn authors(conn: &mut DbConnection, id: ResourceId) -> QueryResult<Vec<Author>> {
    Ok(authors_of(conn, &[id.0])?.remove(&id.0).unwrap_or_default())
}

/// The names of those of these accounts that belong to the school, by id: the accounts
/// a resource of the school may name as authors.
pub fn school_accounts(
    conn: &mut DbConnection,
    org: OrganisationId,
    ids: &[UserId],
) -> QueryResult<HashMap<UserId, String>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::org_id.eq(org.0))
        .select((users::id, users::full_name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}

/// Completes rows with their schools, projects, authors and kit items: four queries for
/// any number of rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<ResourceRow>) -> QueryResult<Vec<Resource>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let names = super::organisation::short_names(conn, rows.iter().map(|row| row.org_id))?;
    let projects = super::project::titles(conn, rows.iter().map(|row| row.project_id))?;
    let mut authors = authors_of(conn, &ids)?;
    let mut kits: HashMap<i64, Vec<KitItem>> = HashMap::new();
    let kit_rows: Vec<(i64, String, String)> = resource_kit_items::table
        .filter(resource_kit_items::resource_id.eq_any(&ids))
        .order((resource_kit_items::resource_id, resource_kit_items::position))
        .select((
            resource_kit_items::resource_id,
            resource_kit_items::item_type,
            resource_kit_items::title,
        ))
        .load(conn)?;
    for (resource_id, item_type, title) in kit_rows {
        let item_type = KitItemType::parse(&item_type).unwrap_or(KitItemType::Other);
        kits.entry(resource_id).or_default().push(KitItem { item_type, title });
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let (id, org, project) = (row.id, row.org_id, row.project_id);
            let name = names.get(&org).cloned().unwrap_or_default();
            let project = projects.get(&project).cloned().unwrap_or_default();
            row.into_dto(
                (name, project),
                authors.remove(&id).unwrap_or_default(),
                kits.remove(&id).unwrap_or_default(),
            )
        })
        .collect())
}

/// The API representation of one resource.
pub fn load(conn: &mut DbConnection, id: ResourceId) -> QueryResult<Resource> {
    let row = find(conn, id)?;
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

fn write_parts(conn: &mut DbConnection, id: i64, card: &ResourceCard) -> QueryResult<()> {
    diesel::delete(resource_authors::table.filter(resource_authors::resource_id.eq(id))).execute(conn)?;
    diesel::delete(resource_kit_items::table.filter(resource_kit_items::resource_id.eq(id))).execute(conn)?;
    for (position, author) in (0..).zip(&card.authors) {
        diesel::insert_into(resource_authors::table)
            .values((
                resource_authors::resource_id.eq(id),
                resource_authors::position.eq(position),
                resource_authors::user_id.eq(author.user_id.map(|u| u.0)),
                resource_authors::name.eq(&author.name),
                resource_authors::share.eq(i32::from(author.share)),
            ))
            .execute(conn)?;
    }
    for (position, item) in (0..).zip(&card.kit_items) {
        diesel::insert_into(resource_kit_items::table)
            .values((
                resource_kit_items::resource_id.eq(id),
                resource_kit_items::position.eq(position),
                resource_kit_items::item_type.eq(item.item_type.as_str()),
                resource_kit_items::title.eq(&item.title),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The columns a resource card sets, on insert and on update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = resources, treat_none_as_null = true)]
struct CardValues<'a> {
    title: &'a str,
    description: &'a str,
    form: &'a str,
    element: Option<&'a str>,
    hours: Option<i32>,
    programme_format: Option<&'a str>,
    licence: &'a str,
    visibility: &'a str,
    search: String,
    updated_at: NaiveDateTime,
}

impl<'a> CardValues<'a> {
    fn of(card: &'a ResourceCard) -> Self {
        Self {
            title: &card.title,
            description: &card.description,
            form: card.form.as_str(),
            element: card.element.map(DevelopmentElement::as_str),
            hours: card.hours,
            programme_format: card.programme_format.map(ProgrammeFormat::as_str),
            licence: &card.licence,
            visibility: card.visibility.as_str(),
            search: search_key(&[&card.title, &card.description]),
            updated_at: super::now(),
        }
    }
}

/// Inserts a resource of a project at the first lifecycle stage.
pub fn insert(
    conn: &mut DbConnection,
    project_id: ProjectId,
    org_id: OrganisationId,
    card: &ResourceCard,
) -> QueryResult<i64> {
    let project_id = project_id.0;
    let org_id = org_id.0;
    let values = CardValues::of(card);
    let created_at = values.updated_at;
    let id = diesel::insert_into(resources::table)
        .values((
            resources::project_id.eq(project_id),
            resources::org_id.eq(org_id),
            resources::stage.eq(Stage::Request.as_str()),
            resources::created_at.eq(created_at),
            values,
        ))
        .returning(resources::id)
        .get_result(conn)?;
    write_parts(conn, id, card)?;
    read_model::on_resource_created(conn, id, project_id)?;
    Ok(id)
}

/// Replaces a resource's card (not its stage).
pub fn update(conn: &mut DbConnection, id: ResourceId, card: &ResourceCard) -> QueryResult<()> {
    let before = read_model::Listing::of(conn, id.0)?;
    let values = CardValues::of(card);
    let after = before.with_card(card.visibility == Visibility::Published, values.form, values.element);
    diesel::update(resources::table.find(id.0)).set(values).execute(conn)?;
    write_parts(conn, id.0, card)?;
    read_model::on_resource_changed(conn, &before, &after)
}

diesel::infix_operator!(Matches, " MATCH ");

/// The resources a filter selects, as a query to extend. The search is a substring of
/// the normalised `search` column, found through an index: on PostgreSQL `LIKE` with the
/// column's trigram GIN index; on SQLite the FTS5 trigram table, asked for the term as a
/// phrase (consecutive trigrams: exactly the substring, without reading the rows back
/// as its `LIKE` does). A term under three characters has no trigram and is looked for
/// by `LIKE` on the rows, on both engines.
fn filtered<'a>(filter: &ResourceFilter, engine: Engine) -> resources::BoxedQuery<'a, Backend> {
    let mut query = resources::table.into_boxed();
    if let Some(term) = filter.q.as_deref().and_then(search_term) {
        query = match engine {
            Engine::Sqlite if term.chars().count() >= 3 => {
                let phrase = format!("\"{}\"", term.replace('"', "\"\""));
                query.filter(
                    resources::id.eq_any(
                        resources_search::table
                            .filter(Matches::new(resources_search::search, phrase.into_sql::<Text>()))
                            .select(resources_search::rowid),
                    ),
                )
            }
            _ => query.filter(resources::search.like(like_term(&term)).escape('\\')),
        };
    }
    if let Some(org) = filter.org_id {
        query = query.filter(resources::org_id.eq(org.0));
    }
    if let Some(project) = filter.project_id {
        query = query.filter(resources::project_id.eq(project.0));
    }
    if let Some(form) = filter.form {
        query = query.filter(resources::form.eq(form.as_str()));
    }
    if let Some(element) = filter.element {
        query = query.filter(resources::element.eq(element.as_str()));
    }
    if let Some(stage) = filter.stage {
        query = query.filter(resources::stage.eq(stage.as_str()));
    }
    if let Some(visibility) = filter.visibility {
        query = query.filter(resources::visibility.eq(visibility.as_str()));
    }
    query
}

/// One page of resources, newest first, and the total.
pub fn list(conn: &mut DbConnection, filter: &ResourceFilter, page: PageRequest) -> QueryResult<(Vec<Resource>, i64)> {
    let engine = Engine::of(conn);
    let total = filtered(filter, engine).count().get_result(conn)?;
    let rows = filtered(filter, engine)
        .order(resources::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(ResourceRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows)?, total))
}

/// The published resources a catalogue filter selects, as a query to extend.
fn catalogue<'a>(filter: &CatalogueFilter, engine: Engine) -> resources::BoxedQuery<'a, Backend> {
    let base = ResourceFilter {
        q: filter.q.clone(),
        org_id: filter.org_id,
        form: filter.form,
        element: filter.element,
        visibility: Some(Visibility::Published),
        ..ResourceFilter::default()
    };
    let mut query = filtered(&base, engine);
    if let Some(level) = filter.level {
        let ids = projects::table
            .filter(projects::level.eq(level.as_str()))
            .select(projects::id);
        query = query.filter(resources::project_id.eq_any(ids));
    }
    query
}

/// The number of resources in the public catalogue a filter selects, and whether it is
/// only a lower bound: from the read model's counters when at most one of form, element,
/// school and level is set and there is no search; otherwise the matching rows are
/// counted through the indexes the page uses (a cost that grows with the matches, not
/// with the table) — a search's matches up to [`SEARCH_COUNT_CAP`], so that a common
/// word does not cost what the whole table costs.
pub fn catalogue_total(conn: &mut DbConnection, filter: &CatalogueFilter) -> QueryResult<(i64, bool)> {
    match catalogue_counter(filter) {
        Some(Counter::List(name)) => Ok((read_model::total(conn, &name)?, false)),
        Some(Counter::School(org)) => Ok((
            read_model::schools(conn, &[org.0])?
                .get(&org.0)
                .map_or(0, |stats| stats.published_resources),
            false,
        )),
        None if filter.q.as_deref().and_then(search_term).is_some() => {
            let counted: Vec<i64> = catalogue(filter, Engine::of(conn))
                .select(resources::id)
                .limit(SEARCH_COUNT_CAP + 1)
                .load(conn)?;
            let counted = i64::try_from(counted.len()).unwrap_or(i64::MAX);
            Ok((counted.min(SEARCH_COUNT_CAP), counted > SEARCH_COUNT_CAP))
        }
        None => Ok((catalogue(filter, Engine::of(conn)).count().get_result(conn)?, false)),
    }
}

/// What a catalogue row shows, read in one query: the resource's columns, its project's
/// level, its school's short name and the figures of its row of the read model.
#[derive(Queryable, Selectable)]
#[diesel(table_name = resources)]
struct CatalogueRow {
    id: i64,
    title: String,
    form: String,
    element: Option<String>,
    org_id: i64,
    #[diesel(select_expression = projects::level)]
    level: String,
    #[diesel(select_expression = organisations::short_name)]
    org_short_name: String,
    #[diesel(embed)]
    figures: Option<CatalogueFigures>,
}

/// The counts behind a catalogue row's figures, from `resource_stats`.
#[derive(Queryable, Selectable)]
#[diesel(table_name = resource_stats)]
struct CatalogueFigures {
    responses: i64,
    satisfied: i64,
    promoters: i64,
    detractors: i64,
    deliveries: i64,
}

impl CatalogueRow {
    fn into_item(self) -> CatalogueItem {
        let count = |value: i64| u64::try_from(value).unwrap_or(0);
        let (tally, deliveries) = self.figures.map_or_else(Default::default, |figures| {
            let tally = Tally {
                responses: count(figures.responses),
                satisfied: count(figures.satisfied),
                promoters: count(figures.promoters),
                detractors: count(figures.detractors),
                ..Tally::default()
            };
            (tally, figures.deliveries)
        });
        CatalogueItem {
            id: ResourceId(self.id),
            title: self.title,
            form: ResourceForm::parse(&self.form).unwrap_or(ResourceForm::MethodologicalDevelopment),
            element: self.element.as_deref().and_then(DevelopmentElement::parse),
            level: ProjectLevel::parse(&self.level).unwrap_or(ProjectLevel::Platform),
            org_id: OrganisationId(self.org_id),
            org_short_name: self.org_short_name,
            csat_percent: tally.csat_percent(),
            nps: tally.nps(),
            deliveries,
        }
    }
}

/// One page of the public catalogue, newest first, and the key the next page starts
/// after when one follows: the page's ids (rows read: up to the page's limit), then
/// their rows with what the list shows, joined by primary key. By cursor the page starts
/// after the last id shown, an index range scan however deep; by number it skips rows.
pub fn catalogue_page(
    conn: &mut DbConnection,
    filter: &CatalogueFilter,
    page: &Keyset<i64>,
) -> QueryResult<Split<CatalogueItem, i64>> {
    let mut ids = catalogue(filter, Engine::of(conn))
        .order(resources::id.desc())
        .limit(page.limit());
    if let Some(after) = page.after {
        ids = ids.filter(resources::id.lt(after));
    } else {
        ids = ids.offset(page.offset());
    }
    let ids: Vec<i64> = ids.select(resources::id).load(conn)?;
    let (ids, next) = page.split(ids, |id| *id);
    let rows: Vec<CatalogueRow> = resources::table
        .inner_join(projects::table)
        .inner_join(organisations::table.on(organisations::id.eq(resources::org_id)))
        .left_join(resource_stats::table.on(resource_stats::resource_id.eq(resources::id)))
        .filter(resources::id.eq_any(&ids))
        .order(resources::id.desc())
        .select(CatalogueRow::as_select())
        .load(conn)?;
    Ok((rows.into_iter().map(CatalogueRow::into_item).collect(), next))
}

/// Where the read model keeps a catalogue total.
enum Counter {
    /// In `list_counts`, by this name.
    List(String),
    /// In the school's row.
    School(OrganisationId),
}

/// The counter of a catalogue filter's total, if there is one: no search and at most one
/// of the other filters.
fn catalogue_counter(filter: &CatalogueFilter) -> Option<Counter> {
    if filter.q.as_deref().and_then(search_term).is_some() {
        return None;
    }
    let list = |name: String| Some(Counter::List(name));
    match (filter.form, filter.element, filter.org_id, filter.level) {
        (None, None, None, None) => list(read_model::CATALOGUE.to_owned()),
        (Some(form), None, None, None) => list(read_model::catalogue_form(form.as_str())),
        (None, Some(element), None, None) => list(read_model::catalogue_element(element.as_str())),
        (None, None, Some(org), None) => Some(Counter::School(org)),
        (None, None, None, Some(level)) => list(read_model::catalogue_level(level.as_str())),
        _ => None,
    }
}

versioned!(resources);
