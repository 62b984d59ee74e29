//! The host school's innovation work in the demo: two projects, resources at every step
//! of the lifecycle, consumer requests, versions with files, deliveries and feedback.

use super::pilots::Piloted;
use crate::db::DbConnection;
use crate::db::models::delivery::{self, NewDelivery};
use crate::db::models::feedback::{self, NewFeedback, VIA_APP, VIA_LINK};
use crate::db::models::feedback_link::{self, NewLink};
use crate::db::models::request::{self, NewRequestRow};
use crate::db::models::version::{self, NewFile};
use crate::db::models::{project, resource, transition};
use crate::db::schema::feedback as feedback_table;
use crate::domain::projects::ProjectCard;
use crate::domain::resources::ResourceCard;
use crate::error::ApiError;
use crate::storage::Storage;
use chrono::NaiveDate;
use diesel::prelude::*;
use openapi::DeliveryId;
use openapi::ProjectId;
use openapi::RequestId;
use openapi::ResourceId;
use openapi::lifecycle::DeliveryForm;
use openapi::projects::{PlatformStatus, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::requests::RequestStatus;
use openapi::resources::{
    Author, DevelopmentElement, KitItem, KitItemType, ProgrammeFormat, ResourceForm, Stage, VersionKind, Visibility,
};
use openapi::{OrganisationId, UserId};
use sha2::{Digest, Sha256};

// Indices into the demo organisations and users of `super`.
const SCH61: usize = 0;
const SCH12: usize = 1;
const GYM17: usize = 2;
const COMMITTEE: usize = 3;
const DIRECTOR: usize = 0;
const COUNCIL: usize = 1;
const TEACHER: usize = 2;
const SUPERVISOR: usize = 3;
const PARTNER12: usize = 4;
const PARTNER17: usize = 5;

/// Delivery, recipient school, respondent, their e-mail, their account (index; none: by
/// a link the school issued), CSAT, recommend, ready, comment, month of 2026 answered.
type DemoAnswer<'a> = (i64, i64, &'a str, &'a str, Option<usize>, u8, u8, bool, &'a str, u32);

/// What the work's loading gives the later parts of the demo.
pub struct Work {
    /// The two projects.
    pub projects: super::launch::Projects,
    /// The task bank and its product version.
    pub bank: Piloted,
    /// The network project's kit and its design version.
    pub kit: Piloted,
}

struct Ids<'a> {
    users: &'a [i64],
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn author(ids: &Ids<'_>, user: usize, name: &str, share: u8) -> Author {
    Author {
        user_id: Some(UserId(ids.users[user])),
        name: name.to_owned(),
        share,
    }
}

/// Stores a small text-bearing PDF as a version's file.
fn attach(
    conn: &mut DbConnection,
    storage: &dyn Storage,
    version_id: i64,
    resource_id: i64,
    name: &str,
    actor: i64,
) -> Result<(), ApiError> {
    let content =
        format!("%PDF-1.4\n% {name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let key = format!("{resource_id}/demo-{version_id}");
    storage.put(&key, content.as_bytes())?;
    let sha256: String = Sha256::digest(content.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let file = NewFile {
        version_id,
        resource_id,
        file_name: name,
        content_type: "application/pdf",
        size: i64::try_from(content.len()).unwrap_or(0),
        sha256: &sha256,
        storage_key: &key,
        created_by: actor,
    };
    version::insert_file(conn, &file)?;
    Ok(())
}

/// Walks a resource forward to `to`, recording each step by `actor`.
fn advance(conn: &mut DbConnection, resource_id: i64, to: Stage, actor: i64) -> Result<(), ApiError> {
    for pair in Stage::ALL.windows(2) {
        if pair[0] >= to {
            break;
        }
        transition::apply(conn, ResourceId(resource_id), pair[0], pair[1], UserId(actor), None)?;
    }
    Ok(())
}

fn card(
    title: &str,
    description: &str,
    form: ResourceForm,
    authors: Vec<Author>,
    visibility: Visibility,
) -> ResourceCard {
    ResourceCard {
        title: title.to_owned(),
        description: description.to_owned(),
        form,
        element: None,
        hours: None,
        programme_format: None,
        kit_items: Vec::new(),
        authors,
        licence: "CC BY 4.0".to_owned(),
        visibility,
    }
}

/// Loads the work; called inside the transaction that creates the demo municipality.
pub fn load(conn: &mut DbConnection, storage: &dyn Storage, orgs: &[i64], users: &[i64]) -> Result<Work, ApiError> {
    let ids = Ids { users };
    let host = orgs[SCH61];
    let teacher = users[TEACHER];
    let platform = project::insert(
        conn,
        OrganisationId(host),
        &ProjectCard {
            title: "Формирующее оценивание как ресурс повышения учебной мотивации в основной школе".to_owned(),
            problem: "Снижение учебной мотивации учащихся 5–7 классов; оценивание не даёт ученику ориентиров для роста"
                .to_owned(),
            origin: ProjectOrigin::OwnInitiative,
            competition: None,
            customer_org_id: None,
            level: ProjectLevel::Platform,
            platform_status: Some(PlatformStatus::Municipal),
            supervisor_id: None,
            supervisor_name: None,
            supervisor_affiliation: None,
            directions: vec![
                "Разработка банка заданий с критериями оценивания".to_owned(),
                "Обучение педагогов школы и школ-партнёров приёмам формирующего оценивания".to_owned(),
                "Мониторинг учебной мотивации учащихся 5–7 классов".to_owned(),
            ],
            problem_ids: Vec::new(),
            start_year: 2025,
            end_year: 2027,
            status: ProjectStatus::Active,
        },
    )?
    .0;
    let laboratory = project::insert(
        conn,
        OrganisationId(host),
        &ProjectCard {
            title: "Модель сетевого взаимодействия школ в цифровой образовательной среде".to_owned(),
            problem: "Нет согласованной модели совместной работы педагогов разных школ в цифровой среде".to_owned(),
            origin: ProjectOrigin::Competitive,
            competition: Some("Муниципальный конкурс инновационных площадок — 2025".to_owned()),
            customer_org_id: Some(OrganisationId(orgs[COMMITTEE])),
            level: ProjectLevel::Laboratory,
            platform_status: None,
            supervisor_id: Some(UserId(users[SUPERVISOR])),
            supervisor_name: Some("Волков Дмитрий Николаевич".to_owned()),
            supervisor_affiliation: None,
            directions: vec!["Модель совместной работы педагогов в цифровой среде".to_owned()],
            problem_ids: Vec::new(),
            start_year: 2025,
            end_year: 2026,
            status: ProjectStatus::Active,
        },
    )?
    .0;

    // A resource through all five steps, with two deliveries and five answers.
    let mut bank = card(
        "Банк заданий для формирующего оценивания по математике, 5–6 классы",
        "Задания с критериями и листами самооценки; сценарии уроков с обратной связью",
        ResourceForm::MethodologicalDevelopment,
        vec![
            author(&ids, TEACHER, "Кузнецова Ольга Сергеевна", 70),
            author(&ids, COUNCIL, "Смирнов Андрей Игоревич", 30),
        ],
        Visibility::Published,
    );
    bank.element = Some(DevelopmentElement::EffectivenessMonitoring);
    let bank_id = resource::insert(conn, ProjectId(platform), OrganisationId(host), &bank)?;
    let asked = request::insert(
        conn,
        &NewRequestRow {
            requester_org_id: orgs[SCH12],
            requester_id: users[PARTNER12],
            target_org_id: Some(host),
            resource_id: None,
            need: "Нужны задания с критериями оценивания для 5–6 классов, чтобы ученики видели свой прогресс",
            audience: "Учителя математики 5–6 классов",
            desired_form: Some(ResourceForm::MethodologicalDevelopment),
            deadline: Some(date(2026, 12, 20)),
        },
    )?;
    let asked = request::find(conn, RequestId(asked))?;
    request::decide(
        conn,
        &asked,
        RequestStatus::Accepted,
        OrganisationId(host),
        Some(ResourceId(bank_id)),
        None,
        UserId(users[COUNCIL]),
    )?;
    let design = version::insert(
        conn,
        ResourceId(bank_id),
        VersionKind::Design,
        "Структура банка и критерии",
        &bank.authors,
        UserId(teacher),
    )?;
    attach(conn, storage, design, bank_id, "Проект банка заданий.pdf", teacher)?;
    let product = version::insert(
        conn,
        ResourceId(bank_id),
        VersionKind::Product,
        "Апробированная редакция",
        &bank.authors,
        UserId(teacher),
    )?;
    attach(conn, storage, product, bank_id, "Банк заданий, 5–6 классы.pdf", teacher)?;
    let bank_product = product;
    advance(conn, bank_id, Stage::Delivery, teacher)?;
    let to_sch12 = deliver(
        conn,
        bank_id,
        product,
        host,
        orgs[SCH12],
        date(2026, 9, 15),
        DeliveryForm::Training,
        "Орлова Наталья Павловна",
        40,
        teacher,
        users[PARTNER12],
    )?;
    let to_gym17 = deliver(
        conn,
        bank_id,
        product,
        host,
        orgs[GYM17],
        date(2026, 10, 6),
        DeliveryForm::Handover,
        "Лебедев Сергей Олегович",
        12,
        teacher,
        users[PARTNER17],
    )?;
    transition::apply(
        conn,
        ResourceId(bank_id),
        Stage::Delivery,
        Stage::Satisfaction,
        UserId(teacher),
        None,
    )?;
    let answers: [DemoAnswer; 5] = [
        (
            to_sch12,
            orgs[SCH12],
            "Орлова Наталья Павловна",
            "partner@sch12.demo",
            Some(PARTNER12),
            5,
            10,
            true,
            "Дети стали сами проверять работы по критериям",
            9,
        ),
        (
            to_sch12,
            orgs[SCH12],
            "Белова Татьяна Николаевна",
            "belova@sch12.demo",
            None,
            4,
            9,
            true,
            "Удобные листы самооценки",
            10,
        ),
        (
            to_sch12,
            orgs[SCH12],
            "Гришина Светлана Викторовна",
            "grishina@sch12.demo",
            None,
            5,
            8,
            true,
            "",
            10,
        ),
        (
            to_gym17,
            orgs[GYM17],
            "Лебедев Сергей Олегович",
            "partner@gym17.demo",
            Some(PARTNER17),
            3,
            6,
            false,
            "Для гимназических классов заданий мало",
            11,
        ),
        (
            to_gym17,
            orgs[GYM17],
            "Мельникова Ирина Анатольевна",
            "melnikova@gym17.demo",
            None,
            4,
            7,
            true,
            "Хорошо бы добавить 7 класс",
            11,
        ),
    ];
    for (delivery_id, recipient, name, email, account, csat, recommend, ready, comment, month) in answers {
        let key = match account {
            Some(index) => format!("user:{}", users[index]),
            None => {
                let issuer = if recipient == orgs[SCH12] { PARTNER12 } else { PARTNER17 };
                answered_link(conn, DeliveryId(delivery_id), email, name, UserId(users[issuer]))?;
                format!("email:{email}")
            }
        };
        let id = feedback::insert(
            conn,
            &NewFeedback {
                delivery_id,
                resource_id: bank_id,
                org_id: host,
                recipient_org_id: recipient,
                respondent_key: &key,
                respondent_email: Some(email),
                respondent_user_id: account.map(|index| users[index]),
                respondent_name: name,
                csat,
                recommend,
                ready,
                comment,
                via: if account.is_some() { VIA_APP } else { VIA_LINK },
            },
        )?;
        let at = date(2026, month, 20).and_hms_opt(12, 0, 0).unwrap_or_default();
        diesel::update(feedback_table::table.find(id))
            .set(feedback_table::created_at.eq(at))
            .execute(conn)?;
    }

    // A training programme at the delivery step, answered to an open request.
    let mut course = card(
        "Программа повышения квалификации «Формирующее оценивание на уроке»",
        "36 часов: теория, разбор уроков, стажировка в СОШ № 61",
        ResourceForm::TrainingProgramme,
        vec![
            author(&ids, COUNCIL, "Смирнов Андрей Игоревич", 50),
            author(&ids, DIRECTOR, "Петрова Елена Викторовна", 50),
        ],
        Visibility::Published,
    );
    course.hours = Some(36);
    course.programme_format = Some(ProgrammeFormat::Blended);
    let course_id = resource::insert(conn, ProjectId(platform), OrganisationId(host), &course)?;
    let open = request::insert(
        conn,
        &NewRequestRow {
            requester_org_id: orgs[GYM17],
            requester_id: users[PARTNER17],
            target_org_id: None,
            resource_id: None,
            need: "Курс для учителей гимназии по формирующему оцениванию с практикой на уроках",
            audience: "Учителя 5–9 классов",
            desired_form: Some(ResourceForm::TrainingProgramme),
            deadline: None,
        },
    )?;
    let open = request::find(conn, RequestId(open))?;
    request::decide(
        conn,
        &open,
        RequestStatus::Answered,
        OrganisationId(host),
        Some(ResourceId(course_id)),
        Some("Ближайший поток — январь 2027"),
        UserId(users[COUNCIL]),
    )?;
    let design = version::insert(
        conn,
        ResourceId(course_id),
        VersionKind::Design,
        "Учебный план",
        &course.authors,
        UserId(users[COUNCIL]),
    )?;
    attach(
        conn,
        storage,
        design,
        course_id,
        "Учебный план программы.pdf",
        users[COUNCIL],
    )?;
    let product = version::insert(
        conn,
        ResourceId(course_id),
        VersionKind::Product,
        "Программа и материалы",
        &course.authors,
        UserId(users[COUNCIL]),
    )?;
    attach(
        conn,
        storage,
        product,
        course_id,
        "Программа ПК, 36 ч.pdf",
        users[COUNCIL],
    )?;
    advance(conn, course_id, Stage::Delivery, users[COUNCIL])?;
    deliver(
        conn,
        course_id,
        product,
        host,
        orgs[GYM17],
        date(2026, 11, 10),
        DeliveryForm::Training,
        "Лебедев Сергей Олегович",
        25,
        users[COUNCIL],
        users[PARTNER17],
    )?;

    // A kit at the production step (a competitive assignment needs no request).
    let mut kit = card(
        "Комплект материалов сетевого проекта «Цифровой класс»",
        "Положение о сетевом проекте, методические рекомендации и КИМ",
        ResourceForm::MaterialKit,
        vec![
            author(&ids, SUPERVISOR, "Волков Дмитрий Николаевич", 40),
            author(&ids, TEACHER, "Кузнецова Ольга Сергеевна", 60),
        ],
        Visibility::Internal,
    );
    kit.kit_items = vec![
        KitItem {
            item_type: KitItemType::NormativeAct,
            title: "Положение о сетевом проекте".to_owned(),
        },
        KitItem {
            item_type: KitItemType::MethodologicalRecommendations,
            title: "Методические рекомендации для учителей".to_owned(),
        },
        KitItem {
            item_type: KitItemType::AssessmentMaterials,
            title: "КИМ для итоговой диагностики".to_owned(),
        },
    ];
    let kit_id = resource::insert(conn, ProjectId(laboratory), OrganisationId(host), &kit)?;
    let design = version::insert(
        conn,
        ResourceId(kit_id),
        VersionKind::Design,
        "Макет комплекта",
        &kit.authors,
        UserId(teacher),
    )?;
    attach(conn, storage, design, kit_id, "Макет комплекта.pdf", teacher)?;
    let kit_design = design;
    advance(conn, kit_id, Stage::Production, teacher)?;

    // A development at the design step, and one still at the request step with a request waiting.
    let mut tutor = card(
        "Модель деятельности учителя-тьютора в цифровой среде",
        "Роли, функции и инструменты тьютора в сетевом взаимодействии",
        ResourceForm::MethodologicalDevelopment,
        vec![author(&ids, TEACHER, "Кузнецова Ольга Сергеевна", 100)],
        Visibility::Internal,
    );
    tutor.element = Some(DevelopmentElement::ActivityModels);
    let tutor_id = resource::insert(conn, ProjectId(laboratory), OrganisationId(host), &tutor)?;
    advance(conn, tutor_id, Stage::Design, teacher)?;

    let mut history = card(
        "Кейсы для уроков истории родного края",
        "Кейсы по истории Кузбасса для 6–8 классов",
        ResourceForm::MethodologicalDevelopment,
        vec![author(&ids, TEACHER, "Кузнецова Ольга Сергеевна", 100)],
        Visibility::Internal,
    );
    history.element = Some(DevelopmentElement::Content);
    resource::insert(conn, ProjectId(platform), OrganisationId(host), &history)?;
    request::insert(
        conn,
        &NewRequestRow {
            requester_org_id: orgs[SCH12],
            requester_id: users[PARTNER12],
            target_org_id: Some(host),
            resource_id: None,
            need: "Кейсы по истории Кузбасса для проектной работы в 7 классе",
            audience: "Учителя истории",
            desired_form: Some(ResourceForm::MethodologicalDevelopment),
            deadline: Some(date(2027, 3, 1)),
        },
    )?;
    let declined = request::insert(
        conn,
        &NewRequestRow {
            requester_org_id: orgs[GYM17],
            requester_id: users[PARTNER17],
            target_org_id: Some(host),
            resource_id: None,
            need: "Олимпиадные задания по физике для 10–11 классов",
            audience: "Учителя физики",
            desired_form: None,
            deadline: None,
        },
    )?;
    let declined = request::find(conn, RequestId(declined))?;
    request::decide(
        conn,
        &declined,
        RequestStatus::Declined,
        OrganisationId(host),
        None,
        Some("Не входит в тематику нашей площадки"),
        UserId(users[DIRECTOR]),
    )?;
    Ok(Work {
        projects: super::launch::Projects { platform, laboratory },
        bank: Piloted {
            resource: bank_id,
            version: bank_product,
        },
        kit: Piloted {
            resource: kit_id,
            version: kit_design,
        },
    })
}

#[expect(clippy::too_many_arguments, reason = "a fixture row, spelled out")]
fn deliver(
    conn: &mut DbConnection,
    resource_id: i64,
    version_id: i64,
    org_id: i64,
    recipient_org_id: i64,
    delivered_on: NaiveDate,
    form: DeliveryForm,
    contact: &str,
    recipients: u32,
    actor: i64,
    confirmed_by: i64,
) -> Result<i64, ApiError> {
    let id = delivery::insert(
        conn,
        &NewDelivery {
            resource_id,
            version_id,
            org_id,
            recipient_org_id,
            delivered_on,
            form,
            contact,
            recipients,
            created_by: actor,
        },
    )?;
    delivery::confirm(conn, DeliveryId(id), UserId(confirmed_by))?;
    Ok(id)
}

/// A feedback link the receiving school issued to `email` and that was answered, taken
/// from the delivery's allowance like any other.
fn answered_link(
    conn: &mut DbConnection,
    delivery: DeliveryId,
    email: &str,
    respondent: &str,
    by: UserId,
) -> Result<(), ApiError> {
    if !feedback_link::take_slot(conn, delivery)? {
        return Err(ApiError::Internal(anyhow::anyhow!(
            "the demo delivery {} has no feedback link left",
            delivery.0
        )));
    }
    let jti = uuid::Uuid::new_v4().to_string();
    let new = NewLink {
        jti: &jti,
        delivery,
        email,
        respondent,
        expires_at: crate::db::models::now() + chrono::TimeDelta::days(14),
        by,
    };
    feedback_link::insert(conn, &new)?;
    feedback_link::spend(conn, &jti)?;
    Ok(())
}
