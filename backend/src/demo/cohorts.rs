//! Teacher training in the demo: a cohort of СОШ № 61's programme «Формирующее
//! оценивание на уроке», running for a month now, with three sessions held and one to
//! come. СОШ № 12's teacher has completed it and holds a certificate; two teachers of
//! СОШ № 61 are enrolled, with their attendance marked; the gymnasium's teacher waits,
//! the cohort being full.
//!
//! Dates are counted from the day the demo is loaded.

use crate::db::DbConnection;
use crate::db::models::enrolment::{self, NewEnrolment};
use crate::db::models::{cohort, user};
use crate::db::schema::resources;
use crate::domain::cohorts::{CohortFields, SessionFields};
use crate::error::ApiError;
use chrono::{Days, NaiveDate, Utc};
use diesel::prelude::*;
use openapi::cohorts::EnrolmentStatus;
use openapi::resources::{ProgrammeFormat, ResourceForm};
use openapi::{OrganisationId, ResourceId, UserId};

// Indices into the demo organisations and users of `super`.
const SCH61: usize = 0;
const COUNCIL: usize = 1;
const TEACHER: usize = 2;
const SUPERVISOR: usize = 3;
const PARTNER12: usize = 4;
const PARTNER17: usize = 5;

/// The day `offset` days from `today` (before it when negative).
fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    let days = Days::new(offset.unsigned_abs());
    if offset >= 0 {
        today.checked_add_days(days)
    } else {
        today.checked_sub_days(days)
    }
    .unwrap_or(today)
}

fn session(held_on: NaiveDate, topic: &str, hours: i32) -> SessionFields {
    SessionFields {
        id: None,
        held_on,
        topic: topic.to_owned(),
        hours,
    }
}

/// Loads the cohort; called inside the transaction that creates the demo.
pub fn load(conn: &mut DbConnection, orgs: &[i64], users: &[i64]) -> Result<(), ApiError> {
    let today = Utc::now().date_naive();
    let host = OrganisationId(orgs[SCH61]);
    let course: i64 = resources::table
        .filter(resources::org_id.eq(host.0))
        .filter(resources::form.eq(ResourceForm::TrainingProgramme.as_str()))
        .order(resources::id)
        .select(resources::id)
        .first(conn)?;
    let fields = CohortFields {
        title: "Поток 1: формирующее оценивание в 5–9 классах".to_owned(),
        starts_on: day(today, -30),
        ends_on: day(today, 10),
        format: ProgrammeFormat::Blended,
        hours: 36,
        capacity: 3,
        attendance_threshold: openapi::limits::DEFAULT_ATTENDANCE_THRESHOLD,
        place: "СОШ № 61, ул. Циолковского, 5, методический кабинет".to_owned(),
        online_link: "https://sch61.example/webinar/fo".to_owned(),
        trainers: vec![
            "Смирнов Андрей Игоревич".to_owned(),
            "Петрова Елена Викторовна".to_owned(),
        ],
        sessions: vec![
            session(day(today, -30), "Формирующее оценивание: цели и критерии", 8),
            session(day(today, -23), "Обратная связь на уроке", 10),
            session(day(today, -16), "Стажировка: посещение уроков в СОШ № 61", 10),
            session(day(today, 7), "Защита методических разработок", 8),
        ],
    };
    let council = UserId(users[COUNCIL]);
    let id = cohort::insert(conn, host, ResourceId(course), &fields, council)?;
    let mut enrolled = Vec::new();
    for (index, status) in [
        (PARTNER12, EnrolmentStatus::Enrolled),
        (TEACHER, EnrolmentStatus::Enrolled),
        (SUPERVISOR, EnrolmentStatus::Enrolled),
        (PARTNER17, EnrolmentStatus::Waiting),
    ] {
        let teacher = user::find(conn, UserId(users[index]))?;
        let new = NewEnrolment {
            cohort: id,
            host,
            user: UserId(teacher.id),
            user_org: OrganisationId(teacher.org_id),
            status,
            by: UserId(teacher.id),
        };
        enrolled.push(enrolment::enrol(conn, &new, None)?);
    }
    let sessions = cohort::session_ids(conn, id)?;
    let present = [
        vec![enrolled[0], enrolled[1], enrolled[2]],
        vec![enrolled[0], enrolled[1]],
        vec![enrolled[0], enrolled[2]],
    ];
    for (held, marks) in sessions.iter().zip(present) {
        enrolment::mark(conn, *held, &marks, council)?;
    }
    crate::services::enrolments::issue(conn, enrolled[0], today, council)
}
