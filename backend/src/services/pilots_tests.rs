use super::*;
use crate::db::models::resource;
use crate::error::ApiError;
use crate::services::attachments::{self, Owner};
use crate::services::seeded::{
    self, COMMITTEE, COUNCIL, FIRST_PAGE, PARTNER, SUPERVISOR, TEACHER, audit_of, fields, reason,
};
use crate::services::{lifecycle, versions};
use openapi::FieldErrorCode::{NotAllowed, Required};
use openapi::lifecycle::TransitionInput;
use openapi::pilots::{PilotConclusion, PilotStatus};
use openapi::resources::{ResourceFilter, Stage, VersionInput, VersionKind};
use openapi::{RefusalReason, VersionId};

/// The demo resource whose title contains `fragment`.
fn demo_resource(conn: &mut DbConnection, fragment: &str) -> openapi::resources::ResourceItem {
    let page = PageRequest { page: 1, per_page: 100 };
    let (all, _) = resource::list(conn, &ResourceFilter::default(), page).unwrap();
    all.into_iter().find(|r| r.title.contains(fragment)).unwrap()
}

/// A version of a resource, without files.
fn new_version(conn: &mut DbConnection, caller: &Caller, resource: ResourceId) -> VersionId {
    let input = VersionInput {
        kind: VersionKind::Design,
        notes: String::new(),
    };
    VersionId(versions::create(conn, caller, resource, &input).unwrap().id)
}

fn pilot_of(version: VersionId, own: OrganisationId, starts_on: chrono::NaiveDate) -> PilotInput {
    PilotInput {
        version_id: version,
        sites: vec![own],
        starts_on,
        ends_on: starts_on + chrono::TimeDelta::days(60),
        teachers: 3,
        classes: "6А".to_owned(),
        pupils: 27,
        method: "Уроки по модели, наблюдение, протоколы".to_owned(),
        interim_results: String::new(),
        final_results: String::new(),
    }
}

fn concluded(results: Option<&str>) -> ConclusionInput {
    ConclusionInput {
        conclusion: PilotConclusion::Revise,
        concluded_on: None,
        final_results: results.map(str::to_owned),
    }
}

#[test]
fn a_teacher_records_a_pilot_that_the_committee_reads_and_a_partner_school_neither_reads_nor_records() {
    let mut db = seeded::demo();
    let (teacher, partner, committee) = (db.caller(TEACHER), db.caller(PARTNER), db.caller(COMMITTEE));
    let tutor = demo_resource(&mut db, "тьютора");
    let version = new_version(&mut db, &teacher, tutor.id);
    let mut input = pilot_of(version, tutor.org_id, today());
    let partner_school = partner.actor.org_id;
    input.sites = vec![partner_school, tutor.org_id];

    let created = create(&mut db, &teacher, tutor.id, &input).unwrap();
    assert_eq!(created.status, PilotStatus::Running, "it starts today");
    let sites: Vec<OrganisationId> = created.sites.iter().map(|s| s.org_id).collect();
    assert_eq!(sites, [tutor.org_id, partner_school], "the own school first");
    assert_eq!(get(&mut db, &committee, PilotId(created.id)).unwrap(), created);
    assert!(matches!(
        get(&mut db, &partner, PilotId(created.id)),
        Err(ApiError::NotFound)
    ));
    assert!(matches!(
        create(&mut db, &partner, tutor.id, &input),
        Err(ApiError::NotFound)
    ));
    let supervisor = db.caller(SUPERVISOR);
    assert!(matches!(
        create(&mut db, &supervisor, tutor.id, &input),
        Err(ApiError::Forbidden)
    ));
    let listed = list(&mut db, &committee, tutor.id, &FIRST_PAGE).unwrap();
    assert_eq!(listed.items, vec![created.clone()]);
    let trail: Vec<String> = audit_of(&mut db, "pilot", created.id)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(trail, ["create"]);
}

#[test]
fn a_version_of_another_resource_and_a_site_that_is_not_a_school_are_refused_at_their_fields() {
    let mut db = seeded::demo();
    let (teacher, committee) = (db.caller(TEACHER), db.caller(COMMITTEE));
    let tutor = demo_resource(&mut db, "тьютора");
    let bank = demo_resource(&mut db, "Банк заданий");
    let foreign = new_version(&mut db, &teacher, bank.id);
    let mut input = pilot_of(foreign, tutor.org_id, today());
    input.sites = vec![tutor.org_id, committee.actor.org_id];
    let refused = create(&mut db, &teacher, tutor.id, &input).unwrap_err();
    assert_eq!(
        fields(refused),
        vec![
            ("version_id".to_owned(), NotAllowed),
            ("sites[1]".to_owned(), NotAllowed)
        ]
    );
    assert_eq!(list(&mut db, &teacher, tutor.id, &FIRST_PAGE).unwrap().total, 0);
}

#[test]
fn a_concluded_pilot_refuses_every_change_and_stays_as_it_was() {
    let mut db = seeded::demo();
    let council = db.caller(COUNCIL);
    let tutor = demo_resource(&mut db, "тьютора");
    let version = new_version(&mut db, &council, tutor.id);
    let started = today() - chrono::TimeDelta::days(10);
    let created = create(&mut db, &council, tutor.id, &pilot_of(version, tutor.org_id, started)).unwrap();
    let id = PilotId(created.id);
    let without_results = conclude(
        &mut db,
        &council,
        id,
        Expected::Version(created.version),
        &concluded(None),
    );
    assert_eq!(
        fields(without_results.unwrap_err()),
        vec![("final_results".to_owned(), Required)]
    );
    let done = conclude(
        &mut db,
        &council,
        id,
        Expected::Version(created.version),
        &concluded(Some("Модель работает в 6-х классах; доработать задания")),
    )
    .unwrap();
    assert_eq!(done.status, PilotStatus::Completed);
    assert_eq!(
        (done.conclusion, done.concluded_on, done.concluded_by),
        (
            Some(PilotConclusion::Revise),
            Some(today()),
            Some(council.actor.user_id)
        )
    );

    let current = Expected::Version(done.version);
    let edit = pilot_of(version, tutor.org_id, started);
    assert_eq!(
        reason(update(&mut db, &council, id, current, &edit).unwrap_err()),
        RefusalReason::PilotConcluded
    );
    assert_eq!(
        reason(conclude(&mut db, &council, id, current, &concluded(Some("Ещё раз"))).unwrap_err()),
        RefusalReason::PilotConcluded
    );
    assert_eq!(
        reason(attachments::may_attach(&mut db, &council, Owner::Pilot(id)).unwrap_err()),
        RefusalReason::PilotConcluded
    );
    assert_eq!(get(&mut db, &council, id).unwrap(), done);
    let trail: Vec<String> = audit_of(&mut db, "pilot", created.id)
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(trail, ["create", "conclude"]);
}

#[test]
fn a_completed_pilot_opens_production_to_a_resource_without_a_design_document() {
    let mut db = seeded::demo();
    let teacher = db.caller(TEACHER);
    let tutor = demo_resource(&mut db, "тьютора");
    assert_eq!(tutor.stage, Stage::Design);
    let resource = tutor.id;
    let to_production = TransitionInput {
        to: Stage::Production,
        reason: None,
    };
    let refused = lifecycle::transition(&mut db, &teacher, resource, &to_production).unwrap_err();
    assert_eq!(refused.problem().reason, Some(RefusalReason::NoDesignDocument));

    let version = new_version(&mut db, &teacher, resource);
    let started = today() - chrono::TimeDelta::days(30);
    let pilot = create(&mut db, &teacher, resource, &pilot_of(version, tutor.org_id, started)).unwrap();
    let running = lifecycle::transition(&mut db, &teacher, resource, &to_production).unwrap_err();
    assert_eq!(
        running.problem().reason,
        Some(RefusalReason::NoDesignDocument),
        "a running pilot is not yet evidence"
    );
    conclude(
        &mut db,
        &teacher,
        PilotId(pilot.id),
        Expected::Version(pilot.version),
        &concluded(Some("Модель применима")),
    )
    .unwrap();
    let moved = lifecycle::transition(&mut db, &teacher, resource, &to_production).unwrap();
    assert_eq!(moved.stage, Stage::Production);
}
