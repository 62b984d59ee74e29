//! The committee's registry of every school's innovation work, and its CSV export.

use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::{PageRequest, registry};
use crate::domain::csv;
use crate::error::ApiError;
use openapi::feedback::{RegistryFilter, RegistrySchool};
use openapi::users::Role;
use openapi::{Page, PageQuery};

/// The columns of the CSV export.
const HEADER: [&str; 12] = [
    "Школа",
    "Проектов",
    "Действующих проектов",
    "Ресурсов",
    "Опубликовано",
    "Запросов",
    "Поставок",
    "Школ-получателей",
    "Отзывов",
    "CSAT, %",
    "NPS",
    "Готовы рекомендовать, %",
];

/// Every school with its projects, resources, requests, deliveries and metrics, by
/// short name. The committee only.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &RegistryFilter,
) -> Outcome<Page<RegistrySchool>> {
    committee_only(caller)?;
    let page = PageRequest::parse(page)?;
    let (items, total) = registry::list(conn, filter, page)?;
    Ok(page.wrap(items, total))
}

/// The whole registry as CSV: UTF-8 with a byte-order mark, `;`-separated, decimals with
/// a comma, so that Excel in a Russian locale opens it as it is. The committee only.
pub fn export(conn: &mut DbConnection, caller: &Caller, filter: &RegistryFilter) -> Outcome<String> {
    committee_only(caller)?;
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&HEADER));
    let mut page = PageRequest {
        page: 1,
        per_page: openapi::pagination::MAX_PER_PAGE,
    };
    loop {
        let (rows, total) = registry::list(conn, filter, page)?;
        for row in &rows {
            out.push_str(&line(row));
        }
        if page.offset() + page.limit() >= total {
            break;
        }
        page.page += 1;
    }
    Ok(out)
}

/// One school's line of the export.
fn line(row: &RegistrySchool) -> String {
    let m = &row.metrics;
    csv::line(&[
        row.organisation.name.clone(),
        row.projects.to_string(),
        row.active_projects.to_string(),
        row.resources.to_string(),
        row.published_resources.to_string(),
        row.requests_received.to_string(),
        m.deliveries.to_string(),
        m.adopting_schools.to_string(),
        m.responses.to_string(),
        csv::decimal(m.csat_percent),
        csv::decimal(m.nps),
        csv::decimal(m.ready_percent),
    ])
}

/// The registry is the committee's.
fn committee_only(caller: &Caller) -> Outcome<()> {
    if caller.actor.has(Role::Committee) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}
