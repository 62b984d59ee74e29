//! The committee's registry of every school's innovation work, and its CSV export.

use crate::auth::CurrentUser;
use crate::db::models::{PageRequest, registry};
use crate::domain::csv;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use openapi::feedback::{RegistryFilter, RegistrySchool};
use openapi::users::Role;
use openapi::{Page, PageQuery, Problem};

fn committee_only(current: &CurrentUser) -> Result<(), ApiError> {
    if current.actor.has(Role::Committee) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Every school with its projects, resources, requests, deliveries and metrics (see
/// `Metrics` for the formulas), by short name. The committee only.
#[utoipa::path(
    tag = "registry",
    operation_id = "list_registry",
    security(("bearer" = [])),
    params(PageQuery, RegistryFilter),
    responses(
        (status = 200, description = "One page of schools", body = Page<RegistrySchool>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/registry")]
pub async fn list_registry(
    state: web::Data<AppState>,
    current: CurrentUser,
    page: web::Query<PageQuery>,
    filter: web::Query<RegistryFilter>,
) -> Result<web::Json<Page<RegistrySchool>>, ApiError> {
    committee_only(&current)?;
    let page = PageRequest::parse(&page)?;
    let filter = filter.into_inner();
    crate::db::run(&state.pool, move |conn| {
        let (items, total) = registry::list(conn, &filter, page)?;
        Ok(page.wrap(items, total))
    })
    .await
    .map(web::Json)
}

/// The whole registry as CSV: UTF-8 with a byte-order mark, `;`-separated, decimals
/// with a comma, so that Excel in a Russian locale opens it as it is. The committee only.
#[utoipa::path(
    tag = "registry",
    operation_id = "export_registry",
    security(("bearer" = [])),
    params(RegistryFilter),
    responses(
        (status = 200, description = "The registry as CSV", body = String, content_type = "text/csv"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the committee", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/registry/export")]
pub async fn export_registry(
    state: web::Data<AppState>,
    current: CurrentUser,
    filter: web::Query<RegistryFilter>,
) -> Result<HttpResponse, ApiError> {
    committee_only(&current)?;
    let filter = filter.into_inner();
    let body = crate::db::run(&state.pool, move |conn| {
        let mut out = String::from(csv::BOM);
        out.push_str(&csv::line(&[
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
        ]));
        let mut page = PageRequest {
            page: 1,
            per_page: openapi::pagination::MAX_PER_PAGE,
        };
        loop {
            let (rows, total) = registry::list(conn, &filter, page)?;
            for row in &rows {
                let m = &row.metrics;
                out.push_str(&csv::line(&[
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
                ]));
            }
            if page.offset() + page.limit() >= total {
                break;
            }
            page.page += 1;
        }
        Ok(out)
    })
    .await?;
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename("registry.csv".to_owned())],
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header(disposition)
        .body(body))
}
