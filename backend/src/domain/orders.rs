//! The order (приказ) on innovation activity (Regulation 4.5).
//!
//! - A draft is written from the project: the standard title and points drafted from the
//!   project's directions, the participants from its approved structures.
//! - The director issues it only when the package is approved, every structure of the
//!   project is approved, and the project cites problems of a frozen ranking.
//! - An issued order never changes: a change is a new order that supersedes it.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::OutOfRange;
use openapi::RefusalReason;
use openapi::limits;
use openapi::orders::{OrderInput, OrderParticipant, OrderStatus};
use openapi::structures::{Structure, StructureStatus};

/// The title of an order for a project and school year.
pub fn standard_title(project_title: &str, school_year: i32) -> String {
    format!(
        "Об организации инновационной деятельности по теме «{project_title}» в {school_year}/{} учебном году",
        school_year + 1
    )
}

/// The points of an order drafted from the project's title and directions.
pub fn standard_points(project_title: &str, school_year: i32, directions: &[String]) -> Vec<String> {
    let mut points = vec![format!(
        "Организовать в {school_year}/{} учебном году инновационную деятельность по теме «{project_title}».",
        school_year + 1
    )];
    points.push(
        "Утвердить программу инновационной деятельности, инновационную карту, план работы и систему \
         отслеживания результатов в редакции, одобренной педагогическим советом."
            .to_owned(),
    );
    if !directions.is_empty() {
        let listed: Vec<String> = directions
            .iter()
            .enumerate()
            .map(|(index, direction)| format!("{}) {}", index + 1, sentence_part(direction)))
            .collect();
        points.push(format!(
            "Определить направления инновационной деятельности: {}.",
            listed.join("; ")
        ));
    }
    points.push("Утвердить состав участников инновационной деятельности и их компетенцию (приложение).".to_owned());
    points.push("Контроль за исполнением настоящего приказа оставляю за собой.".to_owned());
    points
}

/// A direction as a part of a sentence: without a final full stop, its first letter in
/// lower case unless the first word is an abbreviation («ИКТ»).
fn sentence_part(direction: &str) -> String {
    let trimmed = direction.trim().trim_end_matches('.');
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(trimmed.chars().skip(1)).collect()
        }
        _ => trimmed.to_owned(),
    }
}

/// An order's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFields {
    /// Number.
    pub number: String,
    /// Title, when given.
    pub title: Option<String>,
    /// Points, when given.
    pub points: Option<Vec<String>>,
    /// Signatory.
    pub signatory_name: String,
    /// Their position.
    pub signatory_position: String,
}

/// Checks a draft's fields against the project's school years.
pub fn parse(input: &OrderInput, years: (i32, i32)) -> Result<OrderFields, DomainError> {
    let mut errors = Errors::default();
    let number = errors.take(text::bounded("number", &input.number, limits::ORDER_NUMBER));
    if input.school_year < years.0 || input.school_year > years.1 {
        errors.add(
            "school_year",
            OutOfRange,
            format!("must be one of the project's school years, {} to {}", years.0, years.1),
        );
    }
    let title = input
        .title
        .as_deref()
        .and_then(|t| errors.take(text::optional("title", t, limits::ORDER_TITLE)).flatten());
    let points = input.points.as_ref().map(|points| {
        if points.len() < limits::ORDER_POINTS.min || points.len() > limits::ORDER_POINTS.max {
            let (min, max) = (limits::ORDER_POINTS.min, limits::ORDER_POINTS.max);
            errors.add("points", OutOfRange, format!("from {min} to {max} points"));
        }
        points
            .iter()
            .enumerate()
            .filter_map(|(index, point)| {
                errors.take(text::bounded(&format!("points[{index}]"), point, limits::ORDER_POINT))
            })
            .collect::<Vec<_>>()
    });
    let signatory_name = errors.take(text::bounded(
        "signatory_name",
        &input.signatory_name,
        limits::SIGNATORY,
    ));
    let signatory_position = errors.take(text::bounded(
        "signatory_position",
        &input.signatory_position,
        limits::SIGNATORY,
    ));
    errors.finish()?;
    Ok(OrderFields {
        number: number.unwrap_or_default(),
        title,
        points,
        signatory_name: signatory_name.unwrap_or_default(),
        signatory_position: signatory_position.unwrap_or_default(),
    })
}

/// The participants of a project: every member of its structures as last approved.
pub fn participants(structures: &[Structure]) -> Vec<OrderParticipant> {
    structures
        .iter()
        .filter_map(|s| Some((s, s.approvals.first()?)))
        .flat_map(|(s, approved)| {
            approved.members.iter().map(|m| OrderParticipant {
                name: m.name.clone(),
                structure: s.name.clone(),
                function: m.function,
                competence: m.competence.clone(),
            })
        })
        .collect()
}

/// Whether the project has structures and every one is approved.
pub fn structures_approved(structures: &[Structure]) -> bool {
    !structures.is_empty() && structures.iter().all(|s| s.status == StructureStatus::Approved)
}

/// The file name of an order's DOCX: the number in safe characters, marked when a draft.
pub use rules::orders::file_name;

/// Refuses any change to an issued order.
pub fn editable(status: OrderStatus) -> Result<(), DomainError> {
    match status {
        OrderStatus::Draft => Ok(()),
        OrderStatus::Issued => Err(DomainError::Refused {
            reason: RefusalReason::OrderIssued,
            detail: "An issued order never changes; draft a new order that supersedes it.".to_owned(),
        }),
    }
}

/// What issuing needs, as found in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// The package is approved.
    pub package_approved: bool,
    /// The project has structures and every one is approved.
    pub structures_approved: bool,
    /// The project cites at least one problem of a frozen ranking.
    pub cites_ranked_problems: bool,
}

/// Refuses to issue an order that is not a draft or whose project is not ready.
pub fn can_issue(status: OrderStatus, ready: Readiness) -> Result<(), DomainError> {
    editable(status)?;
    let refuse = |reason: RefusalReason, detail: &str| Err(DomainError::refused(reason, detail));
    if !ready.package_approved {
        return refuse(
            RefusalReason::PackageNotApproved,
            "The council has not approved every document of the package.",
        );
    }
    if !ready.structures_approved {
        return refuse(
            RefusalReason::StructuresNotApproved,
            "The project has no managing structure, or one is not approved by the director.",
        );
    }
    if !ready.cites_ranked_problems {
        return refuse(
            RefusalReason::NoRankedProblems,
            "The project cites no problem of a frozen ranking.",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    const READY: Readiness = Readiness {
        package_approved: true,
        structures_approved: true,
        cites_ranked_problems: true,
    };

    fn reason(result: Result<(), DomainError>) -> Option<&'static str> {
        result.err().and_then(|err| err.reason()).map(RefusalReason::as_str)
    }

    #[test]
    fn an_issued_order_never_changes_and_is_not_issued_twice() {
        assert!(editable(OrderStatus::Draft).is_ok());
        assert_eq!(reason(editable(OrderStatus::Issued)), Some("order_issued"));
        assert_eq!(reason(can_issue(OrderStatus::Issued, READY)), Some("order_issued"));
    }

    #[test]
    fn issuing_needs_the_approved_package_structures_and_ranked_problems() {
        assert!(can_issue(OrderStatus::Draft, READY).is_ok());
        let no_package = Readiness {
            package_approved: false,
            ..READY
        };
        assert_eq!(
            reason(can_issue(OrderStatus::Draft, no_package)),
            Some("package_not_approved")
        );
        let no_structures = Readiness {
            structures_approved: false,
            ..READY
        };
        assert_eq!(
            reason(can_issue(OrderStatus::Draft, no_structures)),
            Some("structures_not_approved")
        );
        let no_problems = Readiness {
            cites_ranked_problems: false,
            ..READY
        };
        assert_eq!(
            reason(can_issue(OrderStatus::Draft, no_problems)),
            Some("no_ranked_problems")
        );
    }

    #[test]
    fn the_standard_draft_names_the_year_and_each_direction() {
        assert_eq!(
            standard_title("Смысловое чтение", 2026),
            "Об организации инновационной деятельности по теме «Смысловое чтение» в 2026/2027 учебном году"
        );
        let points = standard_points(
            "Смысловое чтение",
            2026,
            &["Сетевое взаимодействие.".to_owned(), "ИКТ-сопровождение".to_owned()],
        );
        assert_eq!(points.len(), 5);
        assert_eq!(
            points[2],
            "Определить направления инновационной деятельности: 1) сетевое взаимодействие; 2) ИКТ-сопровождение."
        );
        assert!(points[0].contains("2026/2027"));
        assert_eq!(
            standard_points("Смысловое чтение", 2026, &[]).len(),
            4,
            "no directions, no such point"
        );
    }

    #[test]
    fn a_draft_is_checked() {
        let input = OrderInput {
            number: "45-о".to_owned(),
            issued_on: chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            school_year: 2026,
            title: None,
            points: None,
            signatory_name: "Соколова Е. В.".to_owned(),
            signatory_position: "Директор".to_owned(),
            supersedes_id: None,
        };
        assert!(parse(&input, (2025, 2027)).is_ok());
        assert_eq!(
            invalid(parse(
                &OrderInput {
                    school_year: 2030,
                    ..input.clone()
                },
                (2025, 2027)
            )),
            "school_year OutOfRange"
        );
        assert_eq!(
            invalid(parse(
                &OrderInput {
                    points: Some(vec![]),
                    ..input.clone()
                },
                (2025, 2027)
            )),
            "points OutOfRange"
        );
        assert_eq!(
            invalid(parse(
                &OrderInput {
                    number: " ".to_owned(),
                    ..input
                },
                (2025, 2027)
            )),
            "number Required"
        );
    }
}
