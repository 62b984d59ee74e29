//! The document package (Regulation 4.3–4.4): what a version must hold, the council's
//! review and when the package counts as approved.
//!
//! - A new version of a document supersedes the versions still under review.
//! - The council approves or returns a version under review; a return needs a comment.
//!   A decided or superseded version cannot be decided again.
//! - The package is approved when the latest version of each of the four documents is.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::{NotAllowed, Required};
use openapi::RefusalReason;
use openapi::limits;
use openapi::package::{DocumentKind, InnovationMap, ReviewDecision, VersionInput, VersionStatus};

/// Why the council cannot decide on a version.
pub fn review_refusal(status: VersionStatus) -> Option<DomainError> {
    (status != VersionStatus::UnderReview).then(|| DomainError::Refused {
        reason: RefusalReason::NotUnderReview,
        detail: format!(
            "This version is {}; only a version under review can be decided.",
            status.as_str()
        ),
    })
}

/// Why files cannot be attached to or removed from a version: only one under review
/// takes changes.
pub fn files_refusal(status: VersionStatus) -> Option<DomainError> {
    (status != VersionStatus::UnderReview).then(|| DomainError::Refused {
        reason: RefusalReason::NotUnderReview,
        detail: "Files are attached to a version while it is under review.".to_owned(),
    })
}

/// A comment for a review thread: 1 to 4000 characters.
pub fn parse_comment(body: &str) -> Result<String, DomainError> {
    Ok(text::bounded("body", body, limits::COMMENT)?)
}

/// The status a decision gives and the comment that joins the thread.
pub fn decide(decision: &ReviewDecision) -> Result<(VersionStatus, Option<String>), DomainError> {
    match decision {
        ReviewDecision::Approve { comment } => {
            let comment = match comment.as_deref() {
                Some(comment) => text::optional("comment", comment, limits::APPROVAL_COMMENT)?,
                None => None,
            };
            Ok((VersionStatus::Approved, comment))
        }
        ReviewDecision::Return { comment } => {
            let comment = text::bounded("comment", comment, limits::RETURN_COMMENT)?;
            Ok((VersionStatus::Returned, Some(comment)))
        }
    }
}

/// Whether the package is approved: every document's latest version is.
pub fn package_approved(latest: &[(DocumentKind, Option<VersionStatus>)]) -> bool {
    DocumentKind::ALL.iter().all(|kind| {
        latest
            .iter()
            .any(|(k, status)| k == kind && *status == Some(VersionStatus::Approved))
    })
}

/// What the client sent for a version, checked for its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// The programme's text.
    Programme(String),
    /// The innovation map.
    InnovationMap(InnovationMap),
    /// The work plan or the results tracking system: the server takes the snapshot.
    Snapshot,
}

/// Checks a new version's content and note for its document.
pub fn parse_version(kind: DocumentKind, input: &VersionInput) -> Result<(Submitted, String), DomainError> {
    let mut errors = Errors::default();
    let note = errors
        .take(text::optional("note", &input.note, limits::OPTIONAL_NOTE))
        .flatten()
        .unwrap_or_default();
    let submitted = match kind {
        DocumentKind::Programme => match input.text.as_deref() {
            Some(body) => errors
                .take(text::bounded("text", body, limits::PROGRAMME_TEXT))
                .map(Submitted::Programme),
            None => {
                errors.add("text", Required, "the programme's text is required");
                None
            }
        },
        DocumentKind::InnovationMap => match &input.map {
            Some(map) => {
                // The free-text risks are deprecated (the risk register replaces them):
                // blank is accepted.
                let risks = errors
                    .take(text::optional("map.risks", &map.risks, limits::MAP_RISKS))
                    .flatten()
                    .unwrap_or_default();
                let mut field = |name: &str, value: &str| {
                    errors
                        .take(text::bounded(&format!("map.{name}"), value, limits::MAP_FIELD))
                        .unwrap_or_default()
                };
                Some(Submitted::InnovationMap(InnovationMap {
                    problem: field("problem", &map.problem),
                    idea: field("idea", &map.idea),
                    goal: field("goal", &map.goal),
                    tasks: field("tasks", &map.tasks),
                    expected_results: field("expected_results", &map.expected_results),
                    products: field("products", &map.products),
                    resources: field("resources", &map.resources),
                    risks,
                    consumers: field("consumers", &map.consumers),
                }))
            }
            None => {
                errors.add("map", Required, "the innovation map's fields are required");
                None
            }
        },
        DocumentKind::WorkPlan | DocumentKind::ResultsTracking => Some(Submitted::Snapshot),
    };
    if kind != DocumentKind::Programme && input.text.is_some() {
        errors.add("text", NotAllowed, "only the programme has a text");
    }
    if kind != DocumentKind::InnovationMap && input.map.is_some() {
        errors.add("map", NotAllowed, "only the innovation map has fields");
    }
    errors.finish()?;
    Ok((submitted.unwrap_or(Submitted::Snapshot), note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    #[test]
    fn only_a_version_under_review_can_be_decided() {
        assert!(review_refusal(VersionStatus::UnderReview).is_none());
        for status in [
            VersionStatus::Approved,
            VersionStatus::Returned,
            VersionStatus::Superseded,
        ] {
            assert!(review_refusal(status).is_some(), "{status:?}");
        }
    }

    #[test]
    fn a_return_needs_a_comment_an_approval_does_not() {
        assert_eq!(
            decide(&ReviewDecision::Approve { comment: None }).unwrap(),
            (VersionStatus::Approved, None)
        );
        assert_eq!(
            invalid(decide(&ReviewDecision::Return {
                comment: " ".to_owned()
            })),
            "comment Required"
        );
        assert_eq!(
            decide(&ReviewDecision::Return {
                comment: "Уточните риски".to_owned()
            })
            .unwrap(),
            (VersionStatus::Returned, Some("Уточните риски".to_owned()))
        );
    }

    #[test]
    fn the_package_is_approved_only_when_all_four_latest_versions_are() {
        let all = |status| DocumentKind::ALL.iter().map(|k| (*k, Some(status))).collect::<Vec<_>>();
        assert!(package_approved(&all(VersionStatus::Approved)));
        assert!(!package_approved(&all(VersionStatus::UnderReview)));
        let mut three = all(VersionStatus::Approved);
        three[2].1 = Some(VersionStatus::Returned);
        assert!(!package_approved(&three), "one returned");
        three[2].1 = None;
        assert!(!package_approved(&three), "one missing");
        assert!(!package_approved(&[]));
    }

    #[test]
    fn each_document_takes_its_own_content() {
        let programme = VersionInput {
            text: Some("Программа инновационной деятельности школы".to_owned()),
            map: None,
            note: String::new(),
        };
        assert!(parse_version(DocumentKind::Programme, &programme).is_ok());
        assert_eq!(
            invalid(parse_version(DocumentKind::InnovationMap, &programme)),
            "map Required; text NotAllowed",
            "no map, and a text it does not take"
        );
        let short = VersionInput {
            text: Some("коротко".to_owned()),
            ..programme.clone()
        };
        assert_eq!(invalid(parse_version(DocumentKind::Programme, &short)), "text TooShort");
        let empty_map = VersionInput {
            text: None,
            map: Some(InnovationMap::default()),
            note: String::new(),
        };
        let Err(DomainError::Invalid(errors)) = parse_version(DocumentKind::InnovationMap, &empty_map) else {
            panic!("an empty map must be refused");
        };
        assert_eq!(errors.len(), 8, "every field is named but the deprecated risks");
        assert!(errors.iter().all(|e| e.field != "map.risks"));
        assert_eq!(
            invalid(parse_version(DocumentKind::WorkPlan, &empty_map)),
            "map NotAllowed",
            "the work plan takes no content"
        );
        let nothing = VersionInput { map: None, ..empty_map };
        assert_eq!(
            parse_version(DocumentKind::WorkPlan, &nothing).unwrap().0,
            Submitted::Snapshot
        );
    }

    #[test]
    fn the_maps_free_text_risks_may_be_left_blank_now_that_the_register_replaces_them() {
        let filled = |risks: &str| VersionInput {
            text: None,
            map: Some(InnovationMap {
                problem: "Проблема".to_owned(),
                idea: "Идея".to_owned(),
                goal: "Цель".to_owned(),
                tasks: "Задачи".to_owned(),
                expected_results: "Результаты".to_owned(),
                products: "Продукты".to_owned(),
                resources: "Ресурсы".to_owned(),
                risks: risks.to_owned(),
                consumers: "Потребители".to_owned(),
            }),
            note: String::new(),
        };
        assert!(parse_version(DocumentKind::InnovationMap, &filled("  ")).is_ok());
        assert!(parse_version(DocumentKind::InnovationMap, &filled("Нехватка времени")).is_ok());
        assert_eq!(
            invalid(parse_version(DocumentKind::InnovationMap, &filled("Да"))),
            "map.risks TooShort",
            "old records' text is still checked when given"
        );
    }
}
