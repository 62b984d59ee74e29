//! The catalogues' lookups and formats: every closed value of the API has a name in both
//! languages, dates read `dd.mm.yyyy`, numbers and counts read as each language writes them.

use super::*;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::projects::{PlatformStatus, ProjectLevel, ProjectStatus};
use openapi::resources::Stage;
use std::collections::BTreeSet;

const BOTH: [&Texts; 2] = [&RU, &EN];

fn problem(code: ProblemCode, reason: Option<RefusalReason>) -> ApiError {
    ApiError::problem_of(code, reason, Vec::new())
}

/// Asserts that `name` gives every value a text of its own, in both languages, and that
/// the languages differ somewhere.
fn named_apart<T: Copy + std::fmt::Debug>(values: &[T], name: impl Fn(&Texts, T) -> String) {
    for t in BOTH {
        let names: BTreeSet<String> = values.iter().map(|value| name(t, *value)).collect();
        assert_eq!(names.len(), values.len(), "two values share a name: {names:?}");
        assert!(names.iter().all(|text| !text.trim().is_empty()), "{names:?}");
    }
    assert!(
        values.iter().any(|value| name(&RU, *value) != name(&EN, *value)),
        "{values:?} untranslated"
    );
}

#[test]
fn dates_read_day_month_year_with_zeros() {
    let day = NaiveDate::from_ymd_opt(2026, 8, 31).unwrap();
    let new_year = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    for t in BOTH {
        assert_eq!(t.day(day), "31.08.2026");
        assert_eq!(t.day(new_year), "05.01.2027");
        assert_eq!(t.month(day), "08.2026");
        assert_eq!(t.month(new_year), "01.2027");
    }
}

#[test]
fn school_years_span_two_calendar_years() {
    assert_eq!(school_year(2025), "2025/2026");
    assert_eq!(school_years(2025, 2025), "2025/2026");
    assert_eq!(school_years(2025, 2027), "2025/2026 – 2027/2028");
}

#[test]
fn every_refusal_reason_has_its_own_message() {
    named_apart(RefusalReason::ALL, |t, reason| t.refusal(reason).to_owned());
}

#[test]
fn a_refusal_shows_its_reason_and_a_conflict_without_one_the_generic_message() {
    let frozen = problem(ProblemCode::TransitionRefused, Some(RefusalReason::RankingFrozen));
    assert_eq!(RU.error(&frozen), RU.launch.refused_ranking_frozen);
    let issued = problem(ProblemCode::Conflict, Some(RefusalReason::OrderIssued));
    assert_eq!(EN.error(&issued), EN.launch.refused_order_issued);
    assert_eq!(RU.error(&problem(ProblemCode::Conflict, None)), RU.err_conflict);
    assert_eq!(
        RU.error(&problem(ProblemCode::PayloadTooLarge, None)),
        RU.lifecycle.file_too_large
    );
    assert_eq!(
        EN.error(&problem(ProblemCode::QuotaExceeded, None)),
        EN.lifecycle.storage_full
    );
}

#[test]
fn failures_without_a_problem_body_have_their_messages() {
    for t in BOTH {
        assert_eq!(t.error(&ApiError::Network), t.err_network);
        assert_eq!(t.error(&ApiError::SignedOut), t.err_signed_out);
        assert_eq!(t.error(&ApiError::Unexpected), t.err_internal);
    }
}

#[test]
fn every_way_a_session_ends_reads_as_signed_out() {
    for code in [
        ProblemCode::Unauthenticated,
        ProblemCode::InvalidToken,
        ProblemCode::TokenExpired,
        ProblemCode::SessionEnded,
        ProblemCode::InvalidRefreshToken,
    ] {
        assert_eq!(RU.problem(code), RU.err_signed_out, "{code:?}");
        assert_eq!(RU.error(&problem(code, None)), RU.err_signed_out, "{code:?}");
    }
    assert_eq!(RU.problem(ProblemCode::PreconditionFailed), RU.err_stale);
    assert_eq!(RU.problem(ProblemCode::AccountDisabled), RU.err_account_disabled);
    assert_ne!(RU.err_signed_out, RU.err_account_disabled);
}

#[test]
fn field_errors_are_told_apart() {
    let codes = [
        FieldErrorCode::Required,
        FieldErrorCode::TooShort,
        FieldErrorCode::TooLong,
        FieldErrorCode::InvalidFormat,
        FieldErrorCode::OutOfRange,
        FieldErrorCode::Taken,
        FieldErrorCode::NotAllowed,
        FieldErrorCode::Unknown,
    ];
    named_apart(&codes, |t, code| t.field_error(code).to_owned());
}

#[test]
fn roles_and_organisation_kinds_have_names_and_lists_keep_their_order() {
    named_apart(&Role::ALL, |t, role| t.role(role).to_owned());
    named_apart(&Role::ALL, |t, role| t.role_about(role).to_owned());
    named_apart(&OrganisationKind::ALL, |t, kind| t.kind(kind).to_owned());
    assert_eq!(
        RU.role_list(&[Role::Council, Role::Staff]),
        "Научно-методический совет, Педагог"
    );
    assert_eq!(RU.role_list(&[]), "");
}

#[test]
fn statuses_stages_and_levels_have_names() {
    named_apart(ProjectStatus::ALL, |t, status| t.projects.status(status).to_owned());
    named_apart(ProjectLevel::ALL, |t, level| t.projects.level(level).to_owned());
    named_apart(Stage::ALL, |t, stage| t.resources.stage(stage).to_owned());
    named_apart(openapi::orders::OrderStatus::ALL, |t, status| {
        t.launch.order_status(status).to_owned()
    });
    named_apart(openapi::plan::PlanStatus::ALL, |t, status| {
        t.launch.plan_status(status).to_owned()
    });
    named_apart(openapi::package::VersionStatus::ALL, |t, status| {
        t.launch.version_status(status).to_owned()
    });
    named_apart(openapi::structures::StructureKind::ALL, |t, kind| {
        t.launch.structure_kind(kind).to_owned()
    });
}

#[test]
fn a_platform_s_level_names_its_status_in_lower_case() {
    assert_eq!(
        RU.projects
            .level_with_status(ProjectLevel::Platform, Some(PlatformStatus::Municipal)),
        "Инновационная площадка (муниципальная)"
    );
    assert_eq!(
        RU.projects.level_with_status(ProjectLevel::Platform, None),
        "Инновационная площадка"
    );
}

#[test]
fn every_audit_spelling_has_a_name_and_unknown_ones_none() {
    named_apart(AuditAction::ALL, |t, action| {
        t.audit.action(action.as_str()).expect("a name").to_owned()
    });
    named_apart(AuditEntity::ALL, |t, entity| {
        t.audit.entity(entity.as_str()).expect("a name").to_owned()
    });
    assert_eq!(RU.audit.action("teleport"), None);
    assert_eq!(RU.audit.entity("spaceship"), None);
}

#[test]
fn numbers_use_the_language_s_decimal_separator() {
    assert_eq!(RU.launch.decimal(87.456, 1), "87,5");
    assert_eq!(EN.launch.decimal(87.456, 1), "87.5");
    assert_eq!(RU.launch.decimal(3.0, 0), "3");
    assert_eq!(RU.launch.amount(12.0), "12");
    assert_eq!(RU.launch.amount(2.25), "2,25");
    assert_eq!(RU.deliveries.figure(Some(86.6), " %"), "87 %");
    assert_eq!(RU.deliveries.figure(None, " %"), "нет данных");
    assert_eq!(EN.deliveries.figure(None, " %"), "no data");
}

#[test]
fn days_left_count_with_the_right_russian_form() {
    assert_eq!(RU.launch.days_left(0), "Срок сегодня");
    assert_eq!(RU.launch.days_left(1), "Срок через 1 день");
    assert_eq!(RU.launch.days_left(3), "Срок через 3 дня");
    assert_eq!(RU.launch.days_left(11), "Срок через 11 дней");
    assert_eq!(RU.launch.days_left(21), "Срок через 21 день");
    assert_eq!(RU.launch.days_left(-5), "Просрочено на 5 дней");
    assert_eq!(RU.launch.days_left(-22), "Просрочено на 22 дня");
    assert_eq!(EN.launch.days_left(1), "Due in 1 day");
    assert_eq!(EN.launch.days_left(-2), "Overdue by 2 days");
}

#[test]
fn the_capped_count_note_names_the_servers_cap() {
    let cap = openapi::SEARCH_COUNT_CAP.to_string();
    for texts in [&RU, &EN] {
        assert_eq!(
            texts.total_capped.matches(cap.as_str()).count(),
            2,
            "{}",
            texts.total_capped
        );
    }
}

#[test]
fn pilot_and_risk_values_have_names_in_both_languages() {
    use openapi::pilots::{PilotConclusion, PilotStatus};
    use openapi::risks::{RiskCategory, RiskField, RiskStatus};
    named_apart(PilotStatus::ALL, |t, status| t.pilots.status(status).to_owned());
    named_apart(PilotConclusion::ALL, |t, conclusion| {
        t.pilots.conclusion_name(conclusion).to_owned()
    });
    named_apart(RiskCategory::ALL, |t, category| {
        t.pilots.category_name(category).to_owned()
    });
    named_apart(RiskStatus::ALL, |t, status| {
        t.pilots.risk_status_name(status).to_owned()
    });
    named_apart(RiskField::ALL, |t, field| t.pilots.field_name(field).to_owned());
    assert_ne!(RU.pilots.heading, EN.pilots.heading);
    assert_ne!(RU.pilots.mitigation, EN.pilots.mitigation);
}
