//! The committee's registry of every school's innovation work, and its CSV export.

use super::{Caller, Outcome};
use crate::clock::today;
use crate::db::DbConnection;
use crate::db::models::{PageRequest, registry};
use crate::domain::csv;
use crate::domain::dissemination;
use crate::domain::pagination::Keyset;
use crate::error::ApiError;
use openapi::dissemination::SchoolYearSpan;
use openapi::feedback::{RegistryFilter, RegistryItem, RegistrySchool};
use openapi::users::Role;
use openapi::{CursorQuery, Page, PageQuery};

/// The columns of the CSV export.
const HEADER: [&str; 30] = [
    "Школа",
    "Проектов",
    "Действующих проектов",
    "Ресурсов",
    "Опубликовано",
    "Запросов",
    "Поставок",
    "Школ-получателей",
    "Отзывов",
    "Из них в приложении",
    "Из них по ссылкам",
    "Респондентов",
    "CSAT, %",
    "NPS",
    "Готовы рекомендовать, %",
    "Учебный год",
    "Апробаций",
    "Площадок апробации",
    "Учащихся в апробации",
    "Рисков открыто",
    "Рисков закрыто",
    "Потоков обучения",
    "Обучено педагогов",
    "Часов обучения",
    "Удостоверений",
    "Консультаций",
    "Мероприятий",
    "Участников мероприятий",
    "Школ охвачено",
    "Оценка на ярмарках",
];

/// Every school with its projects, resources, requests, deliveries and metrics, by
/// short name. The committee only.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    cursor: &CursorQuery,
    filter: &RegistryFilter,
) -> Outcome<Page<RegistryItem>> {
    committee_only(caller)?;
    let page = Keyset::parse(page, cursor)?;
    let year = school_year(filter)?;
    let total = registry::total(conn, filter)?;
    let (items, next) = registry::page(conn, filter, &page, &year)?;
    Ok(page.page(items, total, next))
}

/// The whole registry as CSV: UTF-8 with a byte-order mark, `;`-separated, decimals with
/// a comma, so that Excel in a Russian locale opens it as it is. The committee only.
pub fn export(conn: &mut DbConnection, caller: &Caller, filter: &RegistryFilter) -> Outcome<String> {
    committee_only(caller)?;
    let year = school_year(filter)?;
    let mut out = String::from(csv::BOM);
    out.push_str(&csv::line(&HEADER));
    let mut page = Keyset {
        page: PageRequest {
            page: 1,
            per_page: openapi::pagination::MAX_PER_PAGE,
        },
        after: None,
    };
    loop {
        let (rows, next) = registry::page_in_full(conn, filter, &page, &year)?;
        for row in &rows {
            out.push_str(&line(row));
        }
        if next.is_none() {
            return Ok(out);
        }
        page.after = next;
    }
}

/// One school's line of the export.
fn line(row: &RegistrySchool) -> String {
    let m = &row.metrics;
    let d = &row.dissemination;
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
        m.app_responses.to_string(),
        m.link_responses.to_string(),
        m.respondents.to_string(),
        csv::decimal(m.csat_percent),
        csv::decimal(m.nps),
        csv::decimal(m.ready_percent),
        d.school_year.label.clone(),
        d.pilots.to_string(),
        d.pilot_sites.to_string(),
        d.pilot_pupils.to_string(),
        d.risks_open.to_string(),
        d.risks_closed.to_string(),
        d.cohorts.to_string(),
        d.teachers_trained.to_string(),
        d.training_hours.to_string(),
        d.certificates.to_string(),
        d.consultations.to_string(),
        d.events.to_string(),
        d.attendees.to_string(),
        d.schools_reached.to_string(),
        csv::decimal(d.fair_rating),
    ])
}

/// The school year of the dissemination columns: the filter's, or the current one.
fn school_year(filter: &RegistryFilter) -> Outcome<SchoolYearSpan> {
    Ok(dissemination::school_year(filter.school_year, today())?)
}

/// The registry is the committee's.
fn committee_only(caller: &Caller) -> Outcome<()> {
    if caller.actor.has(Role::Committee) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::models::feedback;
    use crate::db::schema::resources;
    use crate::domain::metrics::Scope;
    use crate::services::seeded;
    use diesel::prelude::*;
    use openapi::ResourceId;

    #[test]
    fn the_registry_is_the_committees() {
        let mut db = seeded::demo();
        let director = db.caller("director@sch61.demo");
        let page = PageQuery {
            page: None,
            per_page: None,
        };
        let filter = RegistryFilter::default();
        assert!(matches!(
            list(&mut db.conn, &director, &page, &CursorQuery::default(), &filter),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            export(&mut db.conn, &director, &filter),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_csv_has_one_line_per_school_with_its_resources_figures_summed() {
        let mut db = seeded::demo();
        let committee = db.caller("committee@kom.demo");
        let host = db.caller("director@sch61.demo").me.organisation;
        let csv = export(&mut db.conn, &committee, &RegistryFilter::default()).unwrap();
        let body = csv.strip_prefix(csv::BOM).unwrap();
        let lines: Vec<&str> = body.split_terminator("\r\n").collect();
        assert_eq!(lines[0], HEADER.join(";"));
        assert_eq!(lines.len(), 1 + 3, "the three schools, not the committee");
        let fields: Vec<&str> = lines
            .iter()
            .find(|line| line.starts_with(&host.name))
            .unwrap()
            .split(';')
            .collect();
        let resources: Vec<i64> = resources::table
            .filter(resources::org_id.eq(host.id.0))
            .select(resources::id)
            .load(&mut **db.conn)
            .unwrap();
        let each: Vec<_> = resources
            .into_iter()
            .map(|id| feedback::aggregate(&mut db.conn, Scope::Resource(ResourceId(id))).unwrap())
            .collect();
        let sum = |figure: fn(&openapi::feedback::Metrics) -> i64| each.iter().map(figure).sum::<i64>().to_string();
        assert_eq!(fields[3], each.len().to_string());
        assert_eq!(
            fields[6..9],
            [sum(|m| m.deliveries), sum(|m| m.adopting_schools), sum(|m| m.responses)]
        );
        assert_eq!(fields[8], "5");
        assert_eq!(fields[7], "3", "a school reached by two resources counts twice");
        let school = feedback::aggregate(&mut db.conn, Scope::School(host.id)).unwrap();
        assert_eq!(
            fields[9..11],
            [school.app_responses.to_string(), school.link_responses.to_string()]
        );
        assert_eq!(school.app_responses + school.link_responses, 5);
        assert!(
            school.app_responses > 0 && school.link_responses > 0,
            "the demo has answers of both kinds"
        );
        assert_eq!(fields[11], school.respondents.to_string());
        assert_eq!(fields[11], "5", "the demo's five answers come from five people");
        assert_eq!(
            fields[12..15],
            [
                csv::decimal(school.csat_percent),
                csv::decimal(school.nps),
                csv::decimal(school.ready_percent)
            ]
        );
    }
}
