//! The `resources`, `resource_authors` and `resource_kit_items` tables.

use super::{Backend, PageRequest, planned_with};
use crate::db::Engine;
use crate::db::schema::{
    organisations, projects, resource_authors, resource_kit_items, resource_stats, resources, resources_search, users,
};
use crate::db::{DbConnection, read_model};
use crate::domain::metrics::Tally;
use crate::domain::pagination::Keyset;
use crate::domain::resources::ResourceCard;
use crate::domain::text::{like_term, search_key, search_term};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Text;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::projects::ProjectLevel;
use openapi::resources::{
    Author, DevelopmentElement, KitItem, KitItemType, ProgrammeFormat, Resource, ResourceFilter, ResourceForm,
    ResourceItem, Stage, Visibility,
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

/// A stored stage read back (an unknown value reads as the first stage).
fn stage_of(stored: &str) -> Stage {
    Stage::parse(stored).unwrap_or(Stage::Request)
}

/// A stored form read back.
fn form_of(stored: &str) -> ResourceForm {
    ResourceForm::parse(stored).unwrap_or(ResourceForm::MethodologicalDevelopment)
}

/// A stored visibility read back.
fn visibility_of(stored: &str) -> Visibility {
    Visibility::parse(stored).unwrap_or(Visibility::Internal)
}

impl ResourceRow {
    /// The lifecycle stage.
    pub fn stage(&self) -> Stage {
        stage_of(&self.stage)
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
            form: form_of(&self.form),
            element: self.element.as_deref().and_then(DevelopmentElement::parse),
            hours: self.hours,
            programme_format: self.programme_format.as_deref().and_then(ProgrammeFormat::parse),
            kit_items,
            authors,
            licence: self.licence,
            visibility: visibility_of(&self.visibility),
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

/// What a resource is shown with besides its row, for the resources `ids` of these
/// (school, project) pairs: the schools' short names and the projects' titles by id, and
/// the authors by resource; three queries for any number of rows.
#[allow(clippy::type_complexity, reason = "three maps by id, named where they are bound")]
fn context(
    conn: &mut DbConnection,
    ids: &[i64],
    owners: impl Iterator<Item = (i64, i64)> + Clone,
) -> QueryResult<(HashMap<i64, String>, HashMap<i64, String>, HashMap<i64, Vec<Author>>)> {
    let names = super::organisation::short_names(conn, owners.clone().map(|(org, _)| org))?;
    let projects = super::project::titles(conn, owners.map(|(_, project)| project))?;
    Ok((names, projects, authors_of(conn, ids)?))
}

/// Completes rows with their schools, projects, authors and kit items: four queries for
/// any number of rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<ResourceRow>) -> QueryResult<Vec<Resource>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let (names, projects, mut authors) = context(conn, &ids, rows.iter().map(|row| (row.org_id, row.project_id)))?;
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

#[diesel::declare_sql_function]
extern "SQL" {
    /// PostgreSQL's position of `needle` in `haystack` (1-based, 0 when absent).
    fn strpos(haystack: Text, needle: Text) -> diesel::sql_types::Integer;
}

/// How a query finds a search term in the normalised `search` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Matching {
    /// Through an index: on PostgreSQL `LIKE` with the column's trigram GIN index; on
    /// SQLite the ids the FTS5 trigram table finds for the term as a phrase (consecutive
    /// trigrams: exactly the substring). A term under three characters has no trigram
    /// and is looked for on the rows, on both engines: on PostgreSQL by `strpos`, which
    /// the planner does not take for rare as it does a short `LIKE` (it scanned the whole
    /// table for «ф» instead of walking the newest rows until a page was found).
    Indexed(Engine),
    /// By `LIKE` on each row the other filters' index walks to, newest first: cheapest
    /// when those rows are few or the term is common (decision 36).
    Walk,
}

/// The resources a filter selects, as a query to extend; a search is matched as `how`
/// says.
fn filtered<'a>(filter: &ResourceFilter, how: Matching) -> resources::BoxedQuery<'a, Backend> {
    let mut query = resources::table.into_boxed();
    if let Some(term) = filter.q.as_deref().and_then(search_term) {
        query = match how {
            Matching::Indexed(Engine::Sqlite) if term.chars().count() >= 3 => query.filter(
                resources::id.eq_any(
                    resources_search::table
                        .filter(Matches::new(
                            resources_search::search,
                            fts_phrase(&term).into_sql::<Text>(),
                        ))
                        .select(resources_search::rowid),
                ),
            ),
            Matching::Indexed(Engine::Postgresql) if term.chars().count() < 3 => {
                query.filter(strpos(resources::search, planned_with(term)).gt(0))
            }
            _ => query.filter(resources::search.like(planned_with(like_term(&term))).escape('\\')),
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

/// A term as an FTS5 phrase: quoted, its quotes doubled.
fn fts_phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// One page of resources, newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &ResourceFilter,
    page: PageRequest,
) -> QueryResult<(Vec<ResourceItem>, i64)> {
    let how = Matching::Indexed(Engine::of(conn));
    let total = filtered(filter, how).count().get_result(conn)?;
    let rows: Vec<ItemRow> = filtered(filter, how)
        .order(resources::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(ItemRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let (names, projects, mut authors) = context(conn, &ids, rows.iter().map(|row| (row.org_id, row.project_id)))?;
    let items = rows
        .into_iter()
        .map(|row| ResourceItem {
            id: ResourceId(row.id),
            project_id: ProjectId(row.project_id),
            project_title: projects.get(&row.project_id).cloned().unwrap_or_default(),
            org_id: OrganisationId(row.org_id),
            org_short_name: names.get(&row.org_id).cloned().unwrap_or_default(),
            title: row.title,
            form: form_of(&row.form),
            element: row.element.as_deref().and_then(DevelopmentElement::parse),
            authors: authors.remove(&row.id).unwrap_or_default(),
            visibility: visibility_of(&row.visibility),
            stage: stage_of(&row.stage),
            updated_at: row.updated_at.and_utc(),
        })
        .collect();
    Ok((items, total))
}

/// The columns of a resource that its lists show.
#[derive(Queryable, Selectable)]
#[diesel(table_name = resources)]
struct ItemRow {
    id: i64,
    project_id: i64,
    org_id: i64,
    title: String,
    form: String,
    element: Option<String>,
    visibility: String,
    stage: String,
    updated_at: NaiveDateTime,
}

/// The published resources a catalogue filter selects, as a query to extend.
fn catalogue<'a>(filter: &CatalogueFilter, how: Matching) -> resources::BoxedQuery<'a, Backend> {
    let base = ResourceFilter {
        q: filter.q.clone(),
        org_id: filter.org_id,
        form: filter.form,
        element: filter.element,
        visibility: Some(Visibility::Published),
        ..ResourceFilter::default()
    };
    let mut query = filtered(&base, how);
    if let Some(level) = filter.level {
        query = query.filter(resources::project_id.eq_any(projects_of_level(level)));
    }
    query
}

/// The projects of a level, as a subquery of the catalogue's level filter.
fn projects_of_level(
    level: ProjectLevel,
) -> diesel::dsl::Select<
    diesel::dsl::Filter<projects::table, diesel::dsl::Eq<projects::level, &'static str>>,
    projects::id,
> {
    projects::table
        .filter(projects::level.eq(level.as_str()))
        .select(projects::id)
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
            form: form_of(&self.form),
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

/// One page of the public catalogue, newest first: its items, the key the next page
/// starts after when one follows, how many resources the filter selects and whether
/// that is only a lower bound.
pub struct CataloguePage {
    /// The page's items.
    pub items: Vec<CatalogueItem>,
    /// The id the next page starts after.
    pub next: Option<i64>,
    /// How many resources match, or with `capped` how many were counted.
    pub total: i64,
    /// Whether a search matched more than [`SEARCH_COUNT_CAP`].
    pub capped: bool,
}

impl CataloguePage {
    /// A page past the end of the list.
    fn empty(total: i64) -> Self {
        Self {
            items: Vec::new(),
            next: None,
            total,
            capped: false,
        }
    }
}

/// One page of the public catalogue. Without a search the total comes from the read
/// model's counters when at most one of form, element, school and level is set, from a
/// count through the indexes the page uses otherwise; the page's ids are read by cursor
/// (an index range however deep) or by number: where the read model keeps the list's
/// totals per range of ids, from the range the page starts in (decision 37), else by
/// skipping rows. A search counts its matches
/// up to [`SEARCH_COUNT_CAP`] (a cost that grows with the cap, not with the table) and,
/// when the page lies within them, takes the page's ids from that same read. Then the
/// page's rows are read with what the list shows, joined by primary key.
pub fn catalogue_page(
    conn: &mut DbConnection,
    filter: &CatalogueFilter,
    page: &Keyset<i64>,
) -> QueryResult<CataloguePage> {
    let (ids, total, capped) = match filter.q.as_deref().and_then(search_term) {
        Some(term) => {
            let cap = usize::try_from(SEARCH_COUNT_CAP).unwrap_or(usize::MAX);
            let counted = search_ids(conn, filter, &term, None, 0, SEARCH_COUNT_CAP + 1)?;
            let (offset, limit) = (page.offset(), page.limit());
            let ids = match usize::try_from(offset) {
                Ok(from) if page.after.is_none() && offset + limit <= SEARCH_COUNT_CAP + 1 => counted
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .take(usize::try_from(limit).unwrap_or(usize::MAX))
                    .copied()
                    .collect(),
                _ => search_ids(conn, filter, &term, page.after, offset, limit)?,
            };
            let total = i64::try_from(counted.len().min(cap)).unwrap_or(SEARCH_COUNT_CAP);
            (ids, total, counted.len() > cap)
        }
        None => {
            let counter = catalogue_counter(filter);
            let total = match &counter {
                Some(Counter::List(name)) => read_model::total(conn, name)?,
                Some(Counter::School(org)) => read_model::schools(conn, &[org.0])?
                    .get(&org.0)
                    .map_or(0, |stats| stats.published_resources),
                None => catalogue(filter, Matching::Walk).count().get_result(conn)?,
            };
            let mut ids = catalogue(filter, Matching::Walk)
                .order(resources::id.desc())
                .limit(page.limit());
            match (page.after, counter) {
                (Some(after), _) => ids = ids.filter(resources::id.lt(after)),
                (None, Some(Counter::List(name))) if page.offset() >= read_model::BUCKET => {
                    match read_model::seek(conn, &name, page.offset())? {
                        Some((below, skip)) => ids = ids.filter(resources::id.lt(below)).offset(skip),
                        None => return Ok(CataloguePage::empty(total)),
                    }
                }
                (None, _) => ids = ids.offset(page.offset()),
            }
            (ids.select(resources::id).load(conn)?, total, false)
        }
    };
    let (ids, next) = page.split(ids, |id| *id);
    let rows: Vec<CatalogueRow> = resources::table
        .inner_join(projects::table)
        .inner_join(organisations::table.on(organisations::id.eq(resources::org_id)))
        .left_join(resource_stats::table.on(resource_stats::resource_id.eq(resources::id)))
        .filter(resources::id.eq_any(&ids))
        .order(resources::id.desc())
        .select(CatalogueRow::as_select())
        .load(conn)?;
    Ok(CataloguePage {
        items: rows.into_iter().map(CatalogueRow::into_item).collect(),
        next,
        total,
        capped,
    })
}

/// The ids of the published resources a searched catalogue filter selects, newest
/// first, after `after` or from `offset`, at most `limit` (decision 36). On SQLite a term
/// of three characters or more drives the read from the FTS5 trigram table in descending
/// id order (it stops once `limit` rows passed the other filters, so a common word costs
/// what the page costs and a rare one what its few matches cost), except within one
/// school, whose few resources are walked with `LIKE`; on PostgreSQL the planner
/// chooses between the trigram GIN index and the filters' indexes.
fn search_ids(
    conn: &mut DbConnection,
    filter: &CatalogueFilter,
    term: &str,
    after: Option<i64>,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<i64>> {
    let engine = Engine::of(conn);
    if engine == Engine::Sqlite && term.chars().count() >= 3 && filter.org_id.is_none() {
        let mut query = resources::table
            .inner_join(resources_search::table.on(resources_search::rowid.eq(resources::id)))
            .filter(Matches::new(
                resources_search::search,
                fts_phrase(term).into_sql::<Text>(),
            ))
            .filter(resources::visibility.eq(Visibility::Published.as_str()))
            .into_boxed();
        if let Some(form) = filter.form {
            query = query.filter(resources::form.eq(form.as_str()));
        }
        if let Some(element) = filter.element {
            query = query.filter(resources::element.eq(element.as_str()));
        }
        if let Some(level) = filter.level {
            query = query.filter(resources::project_id.eq_any(projects_of_level(level)));
        }
        if let Some(after) = after {
            query = query.filter(resources_search::rowid.lt(after));
        }
        return query
            .order(resources_search::rowid.desc())
            .limit(limit)
            .offset(offset)
            .select(resources::id)
            .load(conn);
    }
    let how = match engine {
        Engine::Sqlite => Matching::Walk,
        Engine::Postgresql => Matching::Indexed(engine),
    };
    let mut query = catalogue(filter, how).order(resources::id.desc()).limit(limit);
    if let Some(after) = after {
        query = query.filter(resources::id.lt(after));
    }
    query.offset(offset).select(resources::id).load(conn)
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
