//! Events in the demo municipality:
//!
//! - СОШ № 61's municipal seminar on formative assessment in two weeks, open to the city
//!   with 40 places, presenting the task bank; the partner teachers of СОШ № 12 and
//!   Гимназия № 17 are registered;
//! - its open lesson three weeks ago: both partners attended and answered the feedback
//!   request (5 and 4);
//! - the committee's municipal fair of innovation products, running this week and open to
//!   the city with 200 places: the stands of СОШ № 61 (the task bank) and Гимназия № 17,
//!   rated by registered visitors of other organisations (each rating organisation one
//!   vote).
//!
//! Dates are counted from the day the demo is loaded.

use crate::db::DbConnection;
use crate::db::models::{event, fair};
use crate::domain::events::{EventFields, confirmation_code};
use crate::error::ApiError;
use chrono::{Days, NaiveDate, Utc};
use openapi::events::{EventKind, EventLevel, EventRole, EventStatus};
use openapi::{EventId, OrganisationId, RegistrationId, ResourceId, StandId, UserId};

// Indices into the demo organisations and users of `super`.
const SCH61: usize = 0;
const SCH12: usize = 1;
const GYM17: usize = 2;
const COMMITTEE_ORG: usize = 3;
const DIRECTOR: usize = 0;
const TEACHER: usize = 2;
const PARTNER12: usize = 4;
const PARTNER17: usize = 5;
const COMMITTEE: usize = 6;

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

/// An event of the demo: the fields every demo event shares, and these.
fn fields(kind: EventKind, title: &str, (starts, ends): (NaiveDate, NaiveDate), capacity: Option<i32>) -> EventFields {
    EventFields {
        role: EventRole::Organiser,
        organiser_name: String::new(),
        kind,
        level: EventLevel::Municipal,
        title: title.to_owned(),
        description: String::new(),
        starts_on: starts,
        ends_on: ends,
        time_text: "14:00–16:30".to_owned(),
        place: String::new(),
        online_url: String::new(),
        speakers: Vec::new(),
        resource_ids: Vec::new(),
        open_to_city: capacity.is_some(),
        capacity,
    }
}

/// Registers a demo account for an event.
fn register(conn: &mut DbConnection, event: EventId, user: i64, org: i64) -> Result<RegistrationId, ApiError> {
    let code = confirmation_code(rand::random());
    Ok(event::register(conn, event, UserId(user), OrganisationId(org), &code)?)
}

/// Loads the events; called inside the transaction that creates the demo, after the
/// resources (`bank` is the task bank's resource).
pub fn load(conn: &mut DbConnection, orgs: &[i64], users: &[i64], bank: i64) -> Result<(), ApiError> {
    let today = Utc::now().date_naive();
    let host = OrganisationId(orgs[SCH61]);
    let teacher = UserId(users[TEACHER]);

    let mut seminar = fields(
        EventKind::Seminar,
        "Формирующее оценивание на уроках математики: банк заданий в работе учителя",
        (day(today, 14), day(today, 14)),
        Some(40),
    );
    seminar.description = "Городской семинар для учителей математики 5–7 классов: листы критериев, \
                           самооценка учащихся, опыт апробации банка заданий в трёх школах."
        .to_owned();
    seminar.place = "СОШ № 61, актовый зал (ул. Новая, 5)".to_owned();
    seminar.speakers = vec![
        "Кузнецова Ольга Сергеевна".to_owned(),
        "Смирнов Андрей Игоревич".to_owned(),
    ];
    seminar.resource_ids = vec![ResourceId(bank)];
    let seminar = event::insert(conn, host, &seminar, teacher)?;
    event::set_status(conn, seminar, EventStatus::Published)?;
    register(conn, seminar, users[PARTNER12], orgs[SCH12])?;
    register(conn, seminar, users[PARTNER17], orgs[GYM17])?;

    let mut lesson = fields(
        EventKind::OpenLesson,
        "Открытый урок «Самооценка по листу критериев», 6 класс",
        (day(today, -21), day(today, -21)),
        Some(15),
    );
    lesson.time_text = "10:00–10:45".to_owned();
    lesson.place = "СОШ № 61, кабинет 214".to_owned();
    lesson.speakers = vec!["Кузнецова Ольга Сергеевна".to_owned()];
    lesson.resource_ids = vec![ResourceId(bank)];
    let lesson = event::insert(conn, host, &lesson, teacher)?;
    event::set_status(conn, lesson, EventStatus::Published)?;
    let present = [
        register(conn, lesson, users[PARTNER12], orgs[SCH12])?.0,
        register(conn, lesson, users[PARTNER17], orgs[GYM17])?.0,
    ];
    event::set_attendance(conn, lesson, &present)?;
    event::request_feedback(conn, lesson)?;
    event::insert_feedback(
        conn,
        lesson,
        UserId(users[PARTNER12]),
        5,
        "Листы критериев сразу применим в своих классах",
    )?;
    event::insert_feedback(
        conn,
        lesson,
        UserId(users[PARTNER17]),
        4,
        "Хотелось бы больше заданий для 7 класса",
    )?;

    let mut fair_fields = fields(
        EventKind::Fair,
        "Муниципальная ярмарка инновационных продуктов",
        (day(today, -1), day(today, 6)),
        Some(200),
    );
    fair_fields.place = "Городской дворец творчества детей и молодёжи".to_owned();
    fair_fields.time_text = "10:00–17:00".to_owned();
    let committee = UserId(users[COMMITTEE]);
    let fair_id = event::insert(conn, OrganisationId(orgs[COMMITTEE_ORG]), &fair_fields, committee)?;
    event::set_status(conn, fair_id, EventStatus::Published)?;
    let stand = |conn: &mut DbConnection, org: usize, title: &str, resources: &[ResourceId], by: usize| {
        fair::insert(
            conn,
            &fair::NewStand {
                event: fair_id,
                org: OrganisationId(orgs[org]),
                title,
                description: "",
                resources,
                actor: UserId(users[by]),
            },
        )
    };
    let bank_stand = stand(
        conn,
        SCH61,
        "Банк заданий по формирующему оцениванию",
        &[ResourceId(bank)],
        TEACHER,
    )?;
    let gym_stand: StandId = stand(conn, GYM17, "Цифровая лаборатория естественных наук", &[], PARTNER17)?;
    // Only visitors registered for the fair rate, each for their own organisation.
    for (user, org) in [
        (PARTNER12, SCH12),
        (PARTNER17, GYM17),
        (COMMITTEE, COMMITTEE_ORG),
        (DIRECTOR, SCH61),
    ] {
        register(conn, fair_id, users[user], orgs[org])?;
    }
    for (stand, user, score) in [
        (bank_stand, PARTNER12, 5),
        (bank_stand, PARTNER17, 5),
        (bank_stand, COMMITTEE, 4),
        (gym_stand, PARTNER12, 4),
        (gym_stand, COMMITTEE, 4),
        (gym_stand, DIRECTOR, 5),
    ] {
        fair::rate(conn, stand, UserId(users[user]), score)?;
    }
    Ok(())
}
