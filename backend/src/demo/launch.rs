//! The launch procedure in the demo school (СОШ № 61), one project at each stage:
//!
//! 1. problem analysis: the ranking of the current school year is open, partly scored;
//! 2. structures: a new project whose creative group waits for the director's approval;
//! 3. package review: the laboratory project's innovation map was returned and its
//!    second version waits for the council;
//! 4. running: the platform project's package is approved, its order issued and its plan
//!    under way (items done on time, late, overdue and coming up).
//!
//! Dates are counted from the day the demo is loaded, so the plan stays current.

use crate::db::DbConnection;
use crate::db::models::order::{self, Body, OrderContent};
use crate::db::models::ranking::{self, ProblemText};
use crate::db::models::{package, plan, project, structure};
use crate::domain::orders::{standard_points, standard_title};
use crate::domain::plan::{ItemFields, school_year_of};
use crate::domain::projects::ProjectCard;
use crate::domain::ranking::default_criteria;
use crate::domain::structures::Composition;
use crate::error::ApiError;
use chrono::{Days, NaiveDate, Utc};
use openapi::package::{DocumentContent, DocumentKind, InnovationMap, VersionStatus};
use openapi::plan::{IndicatorValueInput, PlanStatus};
use openapi::projects::{PlatformStatus, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::structures::{MemberFunction, StructureKind};
use openapi::{OrganisationId, ProblemId, ProjectId, UserId};

// Indices into the demo users of `super`.
const DIRECTOR: usize = 0;
const COUNCIL: usize = 1;
const TEACHER: usize = 2;
const SUPERVISOR: usize = 3;

/// The demo's two existing projects.
pub struct Projects {
    /// The municipal platform (formative assessment), active.
    pub platform: i64,
    /// The school-laboratory (network model), active.
    pub laboratory: i64,
}

fn problem(
    conn: &mut DbConnection,
    round: &ranking::RoundRow,
    title: &str,
    description: &str,
    evidence: &str,
    actor: i64,
) -> Result<i64, ApiError> {
    let text = ProblemText {
        title: title.to_owned(),
        description: description.to_owned(),
        evidence: evidence.to_owned(),
    };
    Ok(ranking::insert_problem(conn, round, &text, UserId(actor))?.0)
}

fn member(user: i64, function: MemberFunction, competence: &str) -> (i64, MemberFunction, String) {
    (user, function, competence.to_owned())
}

fn text(value: &str) -> String {
    value.to_owned()
}

fn innovation_map(risks: &str) -> InnovationMap {
    InnovationMap {
        problem: text(
            "Учащиеся 5–7 классов теряют интерес к учёбе: отметка не показывает, что получилось и что улучшить",
        ),
        idea: text("Оценивание, встроенное в урок: критерии заранее, обратная связь по ходу, самооценка ученика"),
        goal: text("Повысить учебную мотивацию учащихся 5–7 классов средствами формирующего оценивания"),
        tasks: text("Разработать банк заданий с критериями; обучить педагогов; организовать мониторинг мотивации"),
        expected_results: text("Рост доли учащихся с высокой учебной мотивацией с 28 до 40 %"),
        products: text("Банк заданий, программа повышения квалификации «Формирующее оценивание на уроке» (36 ч)"),
        resources: text("Творческая группа из 6 педагогов, методический час раз в две недели, цифровая платформа"),
        risks: text(risks),
        consumers: text("Учителя математики и русского языка школ города, методические объединения"),
    }
}

fn item(
    action: &str,
    responsible: (Option<i64>, &str),
    deadline: NaiveDate,
    expected: &str,
    status: PlanStatus,
    done_on: Option<NaiveDate>,
) -> ItemFields {
    ItemFields {
        school_year: school_year_of(deadline),
        action: action.to_owned(),
        responsible_id: responsible.0,
        responsible_name: responsible.1.to_owned(),
        deadline,
        expected_result: expected.to_owned(),
        status,
        evidence: if status == PlanStatus::Done {
            "Протокол и материалы на сайте школы: https://sch61.example/innovation".to_owned()
        } else {
            String::new()
        },
        done_on,
    }
}

/// Loads the launch procedure; called inside the transaction that creates the demo.
pub fn load(conn: &mut DbConnection, org: i64, users: &[i64], projects: &Projects) -> Result<(), ApiError> {
    let today = Utc::now().date_naive();
    let this_year = school_year_of(today);
    let day = |offset: i64| {
        if offset >= 0 {
            today
                .checked_add_days(Days::new(offset.unsigned_abs()))
                .unwrap_or(today)
        } else {
            today
                .checked_sub_days(Days::new(offset.unsigned_abs()))
                .unwrap_or(today)
        }
    };
    let (director, council, teacher, supervisor) = (users[DIRECTOR], users[COUNCIL], users[TEACHER], users[SUPERVISOR]);
    let criteria = default_criteria();

    // Last year's ranking, frozen: the running projects answer its top problems.
    let last = ranking::insert_round(conn, OrganisationId(org), this_year - 1, &criteria, UserId(council))?;
    let last_row = ranking::find_round(conn, last)?;
    let motivation = problem(
        conn,
        &last_row,
        "Низкая учебная мотивация учащихся 5–7 классов",
        "Доля учащихся с высокой мотивацией снижается с 5 по 7 класс; оценивание не даёт ориентиров для роста",
        "Анкетирование учащихся (методика Н. Г. Лускановой), 312 анкет",
        council,
    )?;
    let network = problem(
        conn,
        &last_row,
        "Разобщённость педагогов школ района в цифровой среде",
        "Нет общей модели совместной работы педагогов разных школ; опыт не переходит из школы в школу",
        "Опрос руководителей методических объединений района",
        council,
    )?;
    let overload = problem(
        conn,
        &last_row,
        "Перегрузка учителей отчётной документацией",
        "Учителя тратят до 6 часов в неделю на отчёты",
        "Хронометраж рабочего времени, 24 учителя",
        council,
    )?;
    for (problem, scores) in [(motivation, [5, 5, 4]), (network, [4, 4, 3]), (overload, [3, 4, 2])] {
        ranking::set_scores(conn, ProblemId(problem), UserId(council), &scores)?;
    }
    ranking::freeze(conn, last, UserId(director))?;

    // This year's ranking: open, partly scored (stage 1).
    let current = ranking::insert_round(conn, OrganisationId(org), this_year, &criteria, UserId(council))?;
    let current_row = ranking::find_round(conn, current)?;
    let reading = problem(
        conn,
        &current_row,
        "Низкий уровень смыслового чтения в 5–6 классах",
        "Учащиеся не извлекают информацию из текстов учебников естественнонаучного цикла",
        "ВПР по биологии и географии: 41 % не справились с заданиями на работу с текстом",
        council,
    )?;
    problem(
        conn,
        &current_row,
        "Слабая профориентационная работа в основной школе",
        "Выбор профиля в 9 классе случаен; нет системы проб",
        "Опрос выпускников 9 классов",
        director,
    )?;
    problem(
        conn,
        &current_row,
        "Недостаток практики исследовательской деятельности",
        "Проекты учащихся носят реферативный характер",
        "Экспертиза индивидуальных проектов, 2025/2026",
        council,
    )?;
    ranking::set_scores(conn, ProblemId(reading), UserId(council), &[5, 4, 4])?;

    // The running projects cite last year's problems.
    project::cite(conn, ProjectId(projects.platform), ProblemId(motivation))?;
    project::cite(conn, ProjectId(projects.laboratory), ProblemId(network))?;

    // Stage 4: the platform project runs under an issued order.
    let group = structure::insert(
        conn,
        OrganisationId(org),
        ProjectId(projects.platform),
        &Composition {
            kind: StructureKind::CreativeGroup,
            name: text("Творческая группа «Формирующее оценивание»"),
            members: vec![
                member(
                    council,
                    MemberFunction::Head,
                    "Руководство группой, отчёт перед педагогическим советом",
                ),
                member(
                    teacher,
                    MemberFunction::Member,
                    "Разработка банка заданий по математике",
                ),
                member(supervisor, MemberFunction::Expert, "Научная экспертиза материалов"),
            ],
        },
    )?;
    let approved = structure::load(conn, group)?;
    structure::approve(conn, group, &approved.members, approved.version, UserId(director))?;
    structure::bump(conn, group.0)?;
    let platform_items = [
        item(
            "Провести педагогический совет о запуске проекта",
            (Some(director), "Петрова Елена Викторовна"),
            day(-75),
            "Решение педсовета, утверждённый пакет документов",
            PlanStatus::Done,
            Some(day(-76)),
        ),
        item(
            "Провести входную диагностику учебной мотивации в 5–7 классах",
            (Some(council), "Смирнов Андрей Игоревич"),
            day(-45),
            "Аналитическая справка по итогам анкетирования",
            PlanStatus::Done,
            Some(day(-40)),
        ),
        item(
            "Разработать критерии оценивания для 12 тем математики 5 класса",
            (Some(teacher), "Кузнецова Ольга Сергеевна"),
            day(-7),
            "Листы критериев и самооценки",
            PlanStatus::InProgress,
            None,
        ),
        item(
            "Провести открытый урок «Формирующее оценивание на уроке математики»",
            (Some(teacher), "Кузнецова Ольга Сергеевна"),
            day(8),
            "Сценарий урока и видеозапись",
            PlanStatus::Planned,
            None,
        ),
        item(
            "Провести семинар для учителей школ-партнёров",
            (None, "Городской методический центр"),
            day(40),
            "Программа семинара, лист регистрации",
            PlanStatus::Planned,
            None,
        ),
    ];
    for fields in &platform_items {
        plan::insert(conn, ProjectId(projects.platform), OrganisationId(org), fields)?;
    }
    plan::insert_indicator(
        conn,
        ProjectId(projects.platform),
        OrganisationId(org),
        "Доля учащихся 5–7 классов с высокой учебной мотивацией",
        "%",
        &[
            IndicatorValueInput {
                school_year: this_year - 1,
                target: 32.0,
                actual: Some(30.5),
            },
            IndicatorValueInput {
                school_year: this_year,
                target: 40.0,
                actual: None,
            },
        ],
    )?;
    plan::insert_indicator(
        conn,
        ProjectId(projects.platform),
        OrganisationId(org),
        "Педагоги, применяющие приёмы формирующего оценивания",
        "чел.",
        &[IndicatorValueInput {
            school_year: this_year,
            target: 18.0,
            actual: Some(11.0),
        }],
    )?;
    submit_package(conn, org, projects.platform, teacher, council, true)?;
    let (platform_row, _) = project::find(conn, ProjectId(projects.platform))?;
    let directions = project::directions(conn, ProjectId(projects.platform))?;
    let participants =
        crate::domain::orders::participants(&structure::for_project(conn, ProjectId(projects.platform))?);
    let order_id = order::insert(
        conn,
        OrganisationId(org),
        ProjectId(projects.platform),
        &OrderContent {
            number: text("112-о"),
            issued_on: NaiveDate::from_ymd_opt(this_year, 9, 1).unwrap_or(today),
            school_year: this_year,
            title: standard_title(&platform_row.title, this_year),
            body: Body {
                points: standard_points(&platform_row.title, this_year, &directions),
                participants: participants.clone(),
            },
            signatory_name: text("Е. В. Петрова"),
            signatory_position: text("Директор"),
            supersedes_id: None,
        },
        UserId(director),
    )?;
    let draft = order::find(conn, order_id)?;
    order::issue(conn, &draft, &participants, UserId(director))?;

    // Stage 3: the laboratory project's package is under review.
    let lab = structure::insert(
        conn,
        OrganisationId(org),
        ProjectId(projects.laboratory),
        &Composition {
            kind: StructureKind::Laboratory,
            name: text("Лаборатория сетевого взаимодействия"),
            members: vec![
                member(
                    supervisor,
                    MemberFunction::Head,
                    "Научное руководство, методика исследования",
                ),
                member(
                    council,
                    MemberFunction::Secretary,
                    "Протоколы, связь с педагогическим советом",
                ),
                member(teacher, MemberFunction::Member, "Апробация модели на уроках"),
            ],
        },
    )?;
    let lab_members = structure::load(conn, lab)?;
    structure::approve(conn, lab, &lab_members.members, lab_members.version, UserId(director))?;
    structure::bump(conn, lab.0)?;
    submit_package(conn, org, projects.laboratory, teacher, council, false)?;

    // Stage 2: a new project whose creative group waits for the director.
    let reading_project = project::insert(
        conn,
        OrganisationId(org),
        &ProjectCard {
            title: text("Смысловое чтение как основа функциональной грамотности в 5–6 классах"),
            problem: text("Низкий уровень смыслового чтения в 5–6 классах"),
            origin: ProjectOrigin::OwnInitiative,
            competition: None,
            customer_org_id: None,
            level: ProjectLevel::Platform,
            platform_status: Some(PlatformStatus::Municipal),
            supervisor_id: None,
            supervisor_name: None,
            supervisor_affiliation: None,
            directions: vec![text("Приёмы смыслового чтения на уроках биологии и географии")],
            problem_ids: vec![reading],
            start_year: this_year,
            end_year: this_year + 2,
            status: ProjectStatus::Draft,
        },
    )?;
    structure::insert(
        conn,
        OrganisationId(org),
        reading_project,
        &Composition {
            kind: StructureKind::CreativeGroup,
            name: text("Творческая группа «Смысловое чтение»"),
            members: vec![
                member(teacher, MemberFunction::Head, "Руководство группой"),
                member(council, MemberFunction::Member, "Подбор текстов и заданий"),
            ],
        },
    )?;
    Ok(())
}

/// The four documents: all approved (`complete`), or the programme approved, the map
/// returned once and its second version under review.
fn submit_package(
    conn: &mut DbConnection,
    org: i64,
    project: i64,
    author: i64,
    reviewer: i64,
    complete: bool,
) -> Result<(), ApiError> {
    let (org, project) = (OrganisationId(org), ProjectId(project));
    let (author, reviewer) = (UserId(author), UserId(reviewer));
    let programme = package::insert(
        conn,
        project,
        org,
        DocumentKind::Programme,
        &DocumentContent::Programme {
            text: text(
                "Программа инновационной деятельности: обоснование, цель и задачи, этапы (подготовительный, \
                 основной, обобщающий), содержание работы по направлениям, ожидаемые результаты и продукты, \
                 система управления, ресурсное обеспечение.",
            ),
        },
        "",
        author,
    )?;
    package::decide(conn, programme, VersionStatus::Approved, reviewer)?;
    if complete {
        let map = package::insert(
            conn,
            project,
            org,
            DocumentKind::InnovationMap,
            &DocumentContent::InnovationMap {
                map: innovation_map("Перегрузка учителей — распределение тем между членами группы"),
            },
            "",
            author,
        )?;
        package::decide(conn, map, VersionStatus::Approved, reviewer)?;
        let today = Utc::now().date_naive();
        let rows = plan::all(conn, project, None)?;
        let items = plan::complete(conn, rows, today)?;
        let plan_version = package::insert(
            conn,
            project,
            org,
            DocumentKind::WorkPlan,
            &DocumentContent::WorkPlan { items },
            "",
            author,
        )?;
        package::decide(conn, plan_version, VersionStatus::Approved, reviewer)?;
        let indicators = plan::indicators_of(conn, project)?;
        let tracking = package::insert(
            conn,
            project,
            org,
            DocumentKind::ResultsTracking,
            &DocumentContent::ResultsTracking { indicators },
            "",
            author,
        )?;
        package::decide(conn, tracking, VersionStatus::Approved, reviewer)?;
    } else {
        let first = package::insert(
            conn,
            project,
            org,
            DocumentKind::InnovationMap,
            &DocumentContent::InnovationMap {
                map: innovation_map("Не определены"),
            },
            "",
            author,
        )?;
        package::decide(conn, first, VersionStatus::Returned, reviewer)?;
        package::comment(
            conn,
            first,
            reviewer,
            "Риски не определены: опишите риски апробации модели и способы их преодоления.",
        )?;
        package::insert(
            conn,
            project,
            org,
            DocumentKind::InnovationMap,
            &DocumentContent::InnovationMap {
                map: innovation_map(
                    "Низкая активность школ-партнёров — договоры о сетевом взаимодействии, общий график",
                ),
            },
            "Риски и способы их преодоления описаны",
            author,
        )?;
    }
    Ok(())
}
