//! The work plan and the results tracking system of a project (Regulation 4.3, expertise
//! criterion (a)): plan items, the completion and on-time figures, reminders, indicators.

pub mod indicators;
pub mod items;

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::plan as rows;
use crate::domain::plan;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::{Days, NaiveDate, Utc};
use openapi::plan::{PlanSummary, Reminder};
use openapi::{Problem, ProjectId};

/// Today in UTC: the date the plan's figures and overdue marks are computed for.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// Reminders look this many days ahead.
const REMINDER_DAYS: u64 = 14;

/// The summary of a project's plan (one school year, or all) on `today`.
pub fn summary(
    conn: &mut DbConnection,
    project: i64,
    school_year: Option<i32>,
    today: NaiveDate,
) -> Result<PlanSummary, ApiError> {
    let all = rows::all(conn, project, school_year)?;
    let items: Vec<plan::Item> = all.iter().map(rows::PlanRow::item).collect();
    let figures = plan::figures(&items, today);
    let late: Vec<rows::PlanRow> = all.into_iter().filter(|row| row.item().is_overdue(today)).collect();
    let mut overdue = rows::complete(conn, late, today)?;
    overdue.sort_by_key(|item| (item.deadline, item.id));
    Ok(PlanSummary {
        project_id: ProjectId(project),
        school_year,
        as_of: today,
        items: i64::try_from(items.len()).unwrap_or(i64::MAX),
        due: figures.due,
        done: figures.done,
        done_on_time: figures.done_on_time,
        completion_percent: figures.completion_percent,
        on_time_percent: figures.on_time_percent,
        overdue,
    })
}

/// Filter of the summary.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// One school year, by the year it starts; every year of the project when omitted.
    pub school_year: Option<i32>,
}

/// The completion and on-time percentages of a project's plan and its overdue items, as
/// of today (UTC), by the formulas on `PlanSummary`.
#[utoipa::path(
    tag = "plan",
    operation_id = "get_plan_summary",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id"), SummaryQuery),
    responses(
        (status = 200, description = "The figures and the overdue items", body = PlanSummary),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/plan-summary")]
pub async fn get_plan_summary(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    query: web::Query<SummaryQuery>,
) -> Result<web::Json<PlanSummary>, ApiError> {
    let id = id.into_inner();
    let school_year = query.into_inner().school_year;
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        summary(conn, id, school_year, today())
    })
    .await
    .map(web::Json)
}

/// The signed-in user's open plan items due within 14 days or overdue, by deadline.
#[utoipa::path(
    tag = "plan",
    operation_id = "list_my_reminders",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reminders, the nearest deadline first", body = Vec<Reminder>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me/reminders")]
pub async fn list_my_reminders(
    state: web::Data<AppState>,
    current: CurrentUser,
) -> Result<web::Json<Vec<Reminder>>, ApiError> {
    let user = current.actor.user_id.0;
    crate::db::run(&state.pool, move |conn| {
        let today = today();
        let until = today.checked_add_days(Days::new(REMINDER_DAYS)).unwrap_or(today);
        let (open, titles): (Vec<rows::PlanRow>, Vec<String>) = rows::open_for(conn, user, until)?.into_iter().unzip();
        let items = rows::complete(conn, open, today)?;
        Ok(items
            .into_iter()
            .zip(titles)
            .map(|(item, project_title)| Reminder {
                days_left: (item.deadline - today).num_days(),
                item,
                project_title,
            })
            .collect())
    })
    .await
    .map(web::Json)
}
