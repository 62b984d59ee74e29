//! Consultations in the demo (Regulation 1.3 d):
//!
//! - СОШ № 61 held one for СОШ № 12 on formative assessment twelve days ago, with its
//!   outcome and follow-ups, rated by СОШ № 12's partner teacher;
//! - Гимназия № 17 asked СОШ № 61 about the tutor model, scheduled in a week;
//! - СОШ № 12 asked СОШ № 61 about the task bank; the request waits for the host.
//!
//! Dates are counted from the day the demo is loaded.

use crate::db::DbConnection;
use crate::db::models::consultation::{self, NewConsultation};
use crate::domain::consultations::{Held, Schedule};
use crate::domain::feedback::Answer;
use crate::error::ApiError;
use chrono::{Days, Utc};
use openapi::consultations::ConsultationForm;
use openapi::{OrganisationId, UserId};

// Indices into the demo organisations and users of `super`.
const SCH61: usize = 0;
const SCH12: usize = 1;
const GYM17: usize = 2;
const PARTNER12: usize = 4;
const PARTNER17: usize = 5;

/// Loads the consultations; called inside the transaction that creates the demo.
pub fn load(conn: &mut DbConnection, orgs: &[i64], users: &[i64]) -> Result<(), ApiError> {
    let today = Utc::now().date_naive();
    let host = OrganisationId(orgs[SCH61]);
    let ask = |recipient: usize, asker: usize, topic: &'static str, question: &'static str| NewConsultation {
        host,
        recipient: OrganisationId(orgs[recipient]),
        resource: None,
        topic,
        question,
        requested_by: Some(UserId(users[asker])),
        actor: UserId(users[asker]),
    };

    let held = Held {
        held_on: today.checked_sub_days(Days::new(12)).unwrap_or(today),
        form: ConsultationForm::InPerson,
        place: "СОШ № 61, кабинет 214".to_owned(),
        consultants: "Кузнецова Ольга Сергеевна, учитель математики; Смирнов Андрей Игоревич, заместитель директора"
            .to_owned(),
        participants: "Учителя математики 5–7 классов СОШ № 12".to_owned(),
        participant_count: 7,
        outcome: "Разобрали модель формирующего оценивания на уроках математики, составили критерии \
                  для двух контрольных работ 6 класса, договорились о взаимопосещении уроков."
            .to_owned(),
        follow_ups: "1. Передать СОШ № 12 шаблоны рубрик — до конца месяца (Кузнецова О. С.).\n\
                     2. Открытый урок в 6Б СОШ № 12 с разбором — через месяц (учителя СОШ № 12)."
            .to_owned(),
    };
    let asked = ask(
        SCH12,
        PARTNER12,
        "Формирующее оценивание на уроках математики",
        "Помогите выстроить критерии оценивания для 5–7 классов и подобрать задания.",
    );
    let id = consultation::insert(conn, &asked, Some(&held))?;
    let row = consultation::find(conn, id)?;
    let answer = Answer {
        csat: 5,
        recommend: 9,
        ready: true,
        comment: "Очень практично: критерии уже используем.".to_owned(),
    };
    consultation::insert_answer(conn, &row, UserId(users[PARTNER12]), "Орлова Наталья Павловна", &answer)?;

    let scheduled = consultation::insert(
        conn,
        &ask(
            GYM17,
            PARTNER17,
            "Модель тьюторского сопровождения",
            "Как организовать тьюторское сопровождение проектов в 8–9 классах.",
        ),
        None,
    )?;
    let schedule = Schedule {
        scheduled_on: today.checked_add_days(Days::new(7)).unwrap_or(today),
        form: ConsultationForm::Online,
        place: "https://vk.com/call/sch61-tutor".to_owned(),
        consultants: "Кузнецова Ольга Сергеевна".to_owned(),
    };
    consultation::schedule(conn, scheduled, &schedule)?;
    consultation::bump(conn, scheduled.0)?;

    consultation::insert(
        conn,
        &ask(
            SCH12,
            PARTNER12,
            "Банк заданий по функциональной грамотности",
            "Нужна консультация по использованию банка заданий на уроках в 7 классах.",
        ),
        None,
    )?;
    Ok(())
}
