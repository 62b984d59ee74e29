//! Pilots and risks in the demo school (СОШ № 61):
//!
//! - the task bank, piloted in the school and both partner schools, concluded and
//!   recommended; its one risk closed, with the change in its history;
//! - the network project's kit, piloted now with СОШ № 12; its risk's review is overdue,
//!   so it is among the teacher's reminders;
//! - a risk of the platform project, reviewed in three weeks.
//!
//! Dates are counted from the day the demo is loaded.

use crate::db::DbConnection;
use crate::db::models::pilot;
use crate::db::models::risk::{self, Parent};
use crate::domain::pilots::{Conclusion, PilotFields};
use crate::domain::risks::{RiskFields, Tracked, changes};
use crate::error::ApiError;
use chrono::{Days, NaiveDate, Utc};
use openapi::pilots::PilotConclusion;
use openapi::risks::{RiskCategory, RiskStatus};
use openapi::{OrganisationId, ProjectId, ResourceId, UserId, VersionId};

// Indices into the demo organisations and users of `super`.
const SCH61: usize = 0;
const SCH12: usize = 1;
const GYM17: usize = 2;
const COUNCIL: usize = 1;
const TEACHER: usize = 2;

/// A resource of the demo and the version of it that is piloted.
#[derive(Debug, Clone, Copy)]
pub struct Piloted {
    /// The resource.
    pub resource: i64,
    /// Its version.
    pub version: i64,
}

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

fn text(value: &str) -> String {
    value.to_owned()
}

/// Loads the pilots and risks; called inside the transaction that creates the demo.
pub fn load(
    conn: &mut DbConnection,
    orgs: &[i64],
    users: &[i64],
    platform: i64,
    bank: Piloted,
    kit: Piloted,
) -> Result<(), ApiError> {
    let today = Utc::now().date_naive();
    let host = OrganisationId(orgs[SCH61]);
    let (council, teacher) = (UserId(users[COUNCIL]), UserId(users[TEACHER]));

    let bank_fields = PilotFields {
        version_id: VersionId(bank.version),
        sites: vec![host, OrganisationId(orgs[SCH12]), OrganisationId(orgs[GYM17])],
        starts_on: day(today, -200),
        ends_on: day(today, -70),
        teachers: 6,
        classes: text("5А, 5Б, 6А, 6В"),
        pupils: 104,
        method: text(
            "Уроки математики по банку заданий с листами критериев и самооценки; входная и итоговая \
                 диагностика учебной мотивации (методика Н. Г. Лускановой); посещение уроков и анкеты учителей",
        ),
        interim_results: text("Учащиеся к концу первой четверти сами проверяют работы по критериям"),
        final_results: text(
            "Доля учащихся с высокой учебной мотивацией выросла с 28 до 37 %; учителя школ-партнёров \
                 применяют листы самооценки на каждом третьем уроке",
        ),
    };
    let bank_pilot = pilot::insert(conn, host, ResourceId(bank.resource), &bank_fields, council)?;
    pilot::conclude(
        conn,
        bank_pilot,
        &Conclusion {
            conclusion: PilotConclusion::Recommended,
            concluded_on: day(today, -60),
            final_results: bank_fields.final_results.clone(),
        },
        council,
    )?;
    let kit_pilot = pilot::insert(
        conn,
        host,
        ResourceId(kit.resource),
        &PilotFields {
            version_id: VersionId(kit.version),
            sites: vec![host, OrganisationId(orgs[SCH12])],
            starts_on: day(today, -30),
            ends_on: day(today, 90),
            teachers: 4,
            classes: text("7А, 7Б"),
            pupils: 48,
            method: text("Сетевые уроки двух школ в цифровой среде по макету комплекта; наблюдение и протоколы"),
            interim_results: text("Проведено 3 сетевых урока из 10 запланированных"),
            final_results: String::new(),
        },
        teacher,
    )?;

    let review = |offset: i64| Some(day(today, offset));
    let fields =
        |title: &str, category, (likelihood, impact), mitigation: &str, owner: UserId, status, next| RiskFields {
            title: text(title),
            category,
            tracked: Tracked {
                status,
                likelihood,
                impact,
                next_review_on: next,
            },
            mitigation: text(mitigation),
            owner_id: owner.0,
            note: None,
        };
    risk::insert(
        conn,
        host,
        Parent::Project(ProjectId(platform)),
        &fields(
            "Перегрузка учителей при подготовке заданий с критериями",
            RiskCategory::Staffing,
            (3, 4),
            "Распределить темы между членами творческой группы; методический час раз в две недели",
            council,
            RiskStatus::Open,
            review(21),
        ),
        council,
    )?;
    risk::insert(
        conn,
        host,
        Parent::Pilot(kit_pilot),
        &fields(
            "Низкая активность педагогов школы-партнёра в цифровой среде",
            RiskCategory::Motivational,
            (4, 4),
            "Договор о сетевом взаимодействии, общий график уроков, наставник от СОШ № 61",
            teacher,
            RiskStatus::Open,
            review(-3),
        ),
        teacher,
    )?;
    let open = fields(
        "Не хватает времени урока на самооценку учащихся",
        RiskCategory::Methodological,
        (3, 2),
        "Заложить 5 минут на самооценку в сценарии уроков",
        teacher,
        RiskStatus::Open,
        review(-120),
    );
    let closed_risk = risk::insert(conn, host, Parent::Pilot(bank_pilot), &open, teacher)?;
    let closed = RiskFields {
        tracked: Tracked {
            status: RiskStatus::Closed,
            ..open.tracked
        },
        ..open.clone()
    };
    risk::update(conn, closed_risk, &closed)?;
    risk::record_changes(
        conn,
        closed_risk,
        teacher,
        &changes(open.tracked, closed.tracked),
        Some("Время на самооценку заложено в сценарии всех уроков банка"),
    )?;
    risk::bump(conn, closed_risk.0)?;
    Ok(())
}
