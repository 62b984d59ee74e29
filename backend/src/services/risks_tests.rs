use super::*;
use crate::db::models::project;
use crate::error::ApiError;
use crate::services::seeded::{self, COMMITTEE, COUNCIL, FIRST_PAGE, PARTNER, TEACHER, audit_of, fields};
use openapi::projects::{ProjectFilter, ProjectLevel};
use openapi::risks::{RiskCategory, RiskField, RiskStatus};

/// The demo's platform project.
fn platform(conn: &mut DbConnection) -> ProjectId {
    let page = PageRequest { page: 1, per_page: 100 };
    let (projects, _) = project::list(conn, &ProjectFilter::default(), page).unwrap();
    projects
        .into_iter()
        .find(|p| p.level == ProjectLevel::Platform && p.title.contains("Формирующее"))
        .unwrap()
        .id
}

fn risk(title: &str, likelihood: u8, impact: u8, owner: UserId) -> RiskInput {
    RiskInput {
        title: title.to_owned(),
        category: RiskCategory::Organisational,
        likelihood,
        impact,
        mitigation: "Согласовать график с администрацией".to_owned(),
        owner_id: owner,
        status: None,
        next_review_on: None,
        note: None,
    }
}

#[test]
fn a_register_lists_the_highest_score_first_ties_by_id_and_filters_by_status() {
    let mut db = seeded::demo();
    let teacher = db.caller(TEACHER);
    let project = platform(&mut db);
    let owner = teacher.actor.user_id;
    let top = create_for_project(&mut db, &teacher, project, &risk("Срыв графика уроков", 5, 5, owner)).unwrap();
    assert_eq!((top.score, top.status), (25, RiskStatus::Open));
    let tie = create_for_project(&mut db, &teacher, project, &risk("Уход учителя группы", 4, 3, owner)).unwrap();
    let mut low = risk("Нет бумаги для листов", 1, 2, owner);
    low.status = Some(RiskStatus::Mitigated);
    let low = create_for_project(&mut db, &teacher, project, &low).unwrap();

    let all = list_of_project(&mut db, &teacher, project, &FIRST_PAGE, &RiskFilter::default()).unwrap();
    let order: Vec<(u8, i64)> = all.items.iter().map(|r| (r.score, r.id)).collect();
    let demo = all.items.iter().find(|r| r.id != tie.id && r.score == 12).unwrap().id;
    assert!(demo < tie.id, "the demo's risk was recorded first");
    assert_eq!(order, [(25, top.id), (12, demo), (12, tie.id), (2, low.id)]);
    let mitigated = RiskFilter {
        status: Some(RiskStatus::Mitigated),
    };
    let only = list_of_project(&mut db, &teacher, project, &FIRST_PAGE, &mitigated).unwrap();
    assert_eq!((only.total, only.items[0].id), (1, low.id));
}

#[test]
fn a_change_of_status_likelihood_impact_or_review_date_is_kept_in_the_history_and_others_are_not() {
    let mut db = seeded::demo();
    let (teacher, council) = (db.caller(TEACHER), db.caller(COUNCIL));
    let project = platform(&mut db);
    let input = risk("Срыв графика уроков", 4, 3, teacher.actor.user_id);
    let created = create_for_project(&mut db, &teacher, project, &input).unwrap();
    let id = RiskId(created.id);

    let mut renamed = input.clone();
    renamed.title = "Срыв графика сетевых уроков".to_owned();
    let renamed_risk = update(&mut db, &teacher, id, Expected::Version(created.version), &renamed).unwrap();
    assert_eq!(history(&mut db, &teacher, id, &FIRST_PAGE).unwrap().total, 0);

    let mut mitigated = renamed.clone();
    mitigated.status = Some(RiskStatus::Mitigated);
    mitigated.likelihood = 2;
    mitigated.owner_id = council.actor.user_id;
    mitigated.note = Some("График согласован с завучем".to_owned());
    let after = update(
        &mut db,
        &council,
        id,
        Expected::Version(renamed_risk.version),
        &mitigated,
    )
    .unwrap();
    assert_eq!((after.score, after.owner_id), (6, council.actor.user_id));

    let changes = history(&mut db, &teacher, id, &FIRST_PAGE).unwrap().items;
    let seen: Vec<(RiskField, Option<&str>, Option<&str>)> = changes
        .iter()
        .map(|c| (c.field, c.from.as_deref(), c.to.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (RiskField::Status, Some("open"), Some("mitigated")),
            (RiskField::Likelihood, Some("4"), Some("2")),
        ]
    );
    assert!(
        changes
            .iter()
            .all(|c| c.actor_id == Some(council.actor.user_id)
                && c.note.as_deref() == Some("График согласован с завучем"))
    );
    let trail: Vec<String> = audit_of(&mut db, "risk", created.id).into_iter().map(|e| e.0).collect();
    assert_eq!(trail, ["create", "update", "update"]);
}

#[test]
fn an_owner_of_another_school_is_refused_and_a_partner_school_reads_no_project_risks() {
    let mut db = seeded::demo();
    let (teacher, partner, committee) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(COMMITTEE));
    let project = platform(&mut db);
    let refused = create_for_project(
        &mut db,
        &teacher,
        project,
        &risk("Срыв графика", 2, 2, partner.actor.user_id),
    );
    assert_eq!(fields(refused.unwrap_err()), vec![("owner_id".to_owned(), NotAllowed)]);
    let register = list_of_project(&mut db, &committee, project, &FIRST_PAGE, &RiskFilter::default()).unwrap();
    assert_eq!(register.total, 1, "the demo's risk only");
    assert!(matches!(
        list_of_project(&mut db, &partner, project, &FIRST_PAGE, &RiskFilter::default()),
        Err(ApiError::NotFound)
    ));
    assert!(matches!(
        create_for_project(
            &mut db,
            &committee,
            project,
            &risk("Срыв графика", 2, 2, teacher.actor.user_id)
        ),
        Err(ApiError::Forbidden)
    ));
}

#[test]
fn an_overdue_review_reminds_its_owner_only_until_the_risk_is_closed() {
    let mut db = seeded::demo();
    let (teacher, council) = (db.caller(TEACHER), db.caller(COUNCIL));
    let today = today();
    let due = reminders(&mut db, teacher.actor.user_id, today).unwrap();
    assert_eq!(due.len(), 1, "the demo's risk of the running pilot");
    let reminder = &due[0];
    assert_eq!((reminder.kind, reminder.days_left), (ReminderKind::RiskReview, -3));
    let risk = reminder.risk.clone().unwrap();
    assert!(risk.review_overdue && risk.pilot_id.is_some());
    let title = reminder.project_title.as_deref().unwrap_or_default();
    assert!(title.contains("сетевого"), "{title}");
    assert!(reminders(&mut db, council.actor.user_id, today).unwrap().is_empty());

    let mut closed = RiskInput {
        title: risk.title.clone(),
        category: risk.category,
        likelihood: risk.likelihood,
        impact: risk.impact,
        mitigation: risk.mitigation.clone(),
        owner_id: risk.owner_id,
        status: Some(RiskStatus::Closed),
        next_review_on: risk.next_review_on,
        note: None,
    };
    update(
        &mut db,
        &teacher,
        RiskId(risk.id),
        Expected::Version(risk.version),
        &closed,
    )
    .unwrap();
    assert!(reminders(&mut db, teacher.actor.user_id, today).unwrap().is_empty());
    closed.status = Some(RiskStatus::Open);
    closed.next_review_on = Some(today);
    update(
        &mut db,
        &teacher,
        RiskId(risk.id),
        Expected::Version(risk.version + 1),
        &closed,
    )
    .unwrap();
    assert!(
        reminders(&mut db, teacher.actor.user_id, today).unwrap().is_empty(),
        "due today is not overdue"
    );
}
