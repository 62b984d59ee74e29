//! Rules of a project card: what a competitive assignment, a laboratory and a platform
//! each require, and the span of school years.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use chrono::NaiveDate;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange, Required};
use openapi::limits;
use openapi::projects::{
    ConfirmationInput, PlatformStatus, Project, ProjectInput, ProjectLevel, ProjectOrigin, ProjectStatus,
};
use openapi::{OrganisationId, RefusalReason, UserId};

/// The longest a project may run, in school years after the first.
pub const MAX_SPAN: i32 = rules::limits::MAX_PROJECT_SPAN;

/// A project card that passed every rule that needs no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectCard {
    /// Title.
    pub title: String,
    /// Problem.
    pub problem: String,
    /// Origin.
    pub origin: ProjectOrigin,
    /// Competition (competitive only).
    pub competition: Option<String>,
    /// Customer (competitive only).
    pub customer_org_id: Option<OrganisationId>,
    /// Level.
    pub level: ProjectLevel,
    /// Platform status (platform only).
    pub platform_status: Option<PlatformStatus>,
    /// Supervisor account (laboratory only).
    pub supervisor_id: Option<UserId>,
    /// External supervisor (laboratory only, when no account).
    pub supervisor_name: Option<String>,
    /// External supervisor's affiliation.
    pub supervisor_affiliation: Option<String>,
    /// Directions of work.
    pub directions: Vec<String>,
    /// Cited problems (checked against the school in the database).
    pub problem_ids: Vec<i64>,
    /// First school year.
    pub start_year: i32,
    /// Last school year.
    pub end_year: i32,
    /// Status.
    pub status: ProjectStatus,
}

fn optional_text(errors: &mut Errors, field: &str, value: Option<&str>, limit: limits::Text) -> Option<String> {
    value.and_then(|v| errors.take(text::optional(field, v, limit)).flatten())
}

impl ProjectCard {
    /// Parses a project input, reporting every invalid field at once.
    pub fn parse(input: &ProjectInput) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let title = errors.take(text::bounded("title", &input.title, limits::PROJECT_TITLE));
        let problem = errors.take(text::bounded("problem", &input.problem, limits::PROJECT_PROBLEM));
        let competition = optional_text(
            &mut errors,
            "competition",
            input.competition.as_deref(),
            limits::COMPETITION,
        );
        let supervisor_name = optional_text(
            &mut errors,
            "supervisor_name",
            input.supervisor_name.as_deref(),
            limits::SUPERVISOR,
        );
        let supervisor_affiliation = optional_text(
            &mut errors,
            "supervisor_affiliation",
            input.supervisor_affiliation.as_deref(),
            limits::SUPERVISOR,
        );
        if supervisor_affiliation.is_some() && supervisor_name.is_none() {
            errors.add(
                "supervisor_affiliation",
                NotAllowed,
                "only an external supervisor, named by name, has an affiliation",
            );
        }
        if input.directions.len() > limits::DIRECTIONS.max {
            errors.add(
                "directions",
                OutOfRange,
                format!("at most {} directions", limits::DIRECTIONS.max),
            );
        }
        let directions: Vec<String> = input
            .directions
            .iter()
            .enumerate()
            .filter_map(|(index, direction)| {
                errors.take(text::bounded(
                    &format!("directions[{index}]"),
                    direction,
                    limits::DIRECTION,
                ))
            })
            .collect();
        errors.take(text::at_most(
            "problem_ids",
            input.problem_ids.len(),
            limits::CITED_PROBLEMS,
        ));
        let mut problem_ids = input.problem_ids.clone();
        problem_ids.sort_unstable();
        problem_ids.dedup();
        match input.origin {
            ProjectOrigin::Competitive => {
                if input.competition.as_deref().is_none_or(|c| c.trim().is_empty()) {
                    errors.add(
                        "competition",
                        Required,
                        "a competitive assignment names its competition",
                    );
                }
                if input.customer_org_id.is_none() {
                    errors.add(
                        "customer_org_id",
                        Required,
                        "a competitive assignment names its customer",
                    );
                }
            }
            ProjectOrigin::OwnInitiative => {
                if competition.is_some() {
                    errors.add(
                        "competition",
                        NotAllowed,
                        "only a competitive assignment has a competition",
                    );
                }
                if input.customer_org_id.is_some() {
                    errors.add(
                        "customer_org_id",
                        NotAllowed,
                        "only a competitive assignment has a customer",
                    );
                }
            }
        }
        match input.level {
            ProjectLevel::Laboratory => {
                if input.supervisor_id.is_none() && supervisor_name.is_none() {
                    errors.add(
                        "supervisor_id",
                        Required,
                        "a school-laboratory works under a scientific supervisor",
                    );
                }
                if input.supervisor_id.is_some() && supervisor_name.is_some() {
                    errors.add(
                        "supervisor_name",
                        NotAllowed,
                        "give either a supervisor account or a name, not both",
                    );
                }
                if input.platform_status.is_some() {
                    errors.add(
                        "platform_status",
                        NotAllowed,
                        "only an innovation platform has a platform status",
                    );
                }
            }
            ProjectLevel::Platform => {
                if input.platform_status.is_none() {
                    errors.add(
                        "platform_status",
                        Required,
                        "an innovation platform is municipal or regional",
                    );
                }
            }
        }
        errors.take(text::in_range("start_year", input.start_year, limits::SCHOOL_YEAR));
        let span = input.end_year.checked_sub(input.start_year);
        if input.end_year < input.start_year || span.is_none_or(|span| span > MAX_SPAN) {
            errors.add(
                "end_year",
                OutOfRange,
                format!("must be the first year or up to {MAX_SPAN} years after it"),
            );
        }
        errors.finish()?;
        let (Some(title), Some(problem)) = (title, problem) else {
            return Err(DomainError::Invalid(Vec::new()));
        };
        let competitive = input.origin == ProjectOrigin::Competitive;
        let laboratory = input.level == ProjectLevel::Laboratory;
        Ok(Self {
            title,
            problem,
            origin: input.origin,
            competition: competition.filter(|_| competitive),
            customer_org_id: input.customer_org_id.filter(|_| competitive),
            level: input.level,
            platform_status: input.platform_status.filter(|_| !laboratory),
            supervisor_id: input.supervisor_id.filter(|_| laboratory),
            supervisor_affiliation: supervisor_affiliation.filter(|_| laboratory),
            supervisor_name: supervisor_name.filter(|_| laboratory),
            directions,
            problem_ids,
            start_year: input.start_year,
            end_year: input.end_year,
            status: input.status.unwrap_or(ProjectStatus::Draft),
        })
    }
}

/// Checks the yearly confirmation of a platform's status against its project: only a
/// platform is confirmed, for one of its school years, on a day not after `today`, with a
/// basis of 5–500 characters; a year already confirmed is refused. Returns the basis.
pub fn parse_confirmation(
    project: &Project,
    input: &ConfirmationInput,
    today: NaiveDate,
) -> Result<String, DomainError> {
    let mut errors = Errors::default();
    if project.level != ProjectLevel::Platform {
        errors.add(
            "school_year",
            NotAllowed,
            "only an innovation platform has its status confirmed",
        );
    }
    if input.school_year < project.start_year || input.school_year > project.end_year {
        errors.add("school_year", OutOfRange, "must be one of the project's school years");
    }
    if input.confirmed_on > today {
        errors.add("confirmed_on", OutOfRange, "cannot be in the future");
    }
    let basis = errors.take(text::bounded("basis", &input.basis, limits::CONFIRMATION_BASIS));
    errors.finish()?;
    if project.confirmations.iter().any(|c| c.school_year == input.school_year) {
        return Err(DomainError::refused(
            RefusalReason::YearConfirmed,
            "This school year is confirmed already.",
        ));
    }
    Ok(basis.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProjectInput {
        ProjectInput {
            title: "Формирующее оценивание в основной школе".into(),
            problem: "Низкая учебная мотивация".into(),
            origin: ProjectOrigin::OwnInitiative,
            competition: None,
            customer_org_id: None,
            level: ProjectLevel::Platform,
            platform_status: Some(PlatformStatus::Municipal),
            supervisor_id: None,
            supervisor_name: None,
            supervisor_affiliation: None,
            directions: vec!["Сетевое взаимодействие".into()],
            problem_ids: vec![],
            start_year: 2025,
            end_year: 2027,
            status: None,
        }
    }

    fn fields(result: Result<ProjectCard, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected validation errors, got {other:?}"),
        }
    }

    #[test]
    fn an_own_initiative_platform_is_valid_and_starts_as_a_draft() {
        let card = ProjectCard::parse(&input()).unwrap();
        assert_eq!(card.status, ProjectStatus::Draft);
        assert_eq!(card.platform_status, Some(PlatformStatus::Municipal));
    }

    #[test]
    fn a_competitive_assignment_needs_its_competition_and_customer() {
        let competitive = ProjectInput {
            origin: ProjectOrigin::Competitive,
            ..input()
        };
        assert_eq!(
            fields(ProjectCard::parse(&competitive)),
            ["competition", "customer_org_id"]
        );
        let own = ProjectInput {
            competition: Some("Конкурс".into()),
            customer_org_id: Some(OrganisationId(1)),
            ..input()
        };
        assert_eq!(fields(ProjectCard::parse(&own)), ["competition", "customer_org_id"]);
    }

    #[test]
    fn a_laboratory_needs_a_supervisor_and_no_platform_status() {
        let lab = ProjectInput {
            level: ProjectLevel::Laboratory,
            ..input()
        };
        assert_eq!(fields(ProjectCard::parse(&lab)), ["supervisor_id", "platform_status"]);
        let lab = ProjectInput {
            level: ProjectLevel::Laboratory,
            platform_status: None,
            supervisor_name: Some("Иванов И. И., КузГПА".into()),
            ..input()
        };
        assert_eq!(
            ProjectCard::parse(&lab).unwrap().supervisor_name.as_deref(),
            Some("Иванов И. И., КузГПА")
        );
        let platform = ProjectInput {
            platform_status: None,
            ..input()
        };
        assert_eq!(fields(ProjectCard::parse(&platform)), ["platform_status"]);
    }

    #[test]
    fn school_years_are_bounded() {
        assert_eq!(
            fields(ProjectCard::parse(&ProjectInput {
                end_year: 2024,
                ..input()
            })),
            ["end_year"]
        );
        assert_eq!(
            fields(ProjectCard::parse(&ProjectInput {
                end_year: 2036,
                ..input()
            })),
            ["end_year"]
        );
        assert!(
            ProjectCard::parse(&ProjectInput {
                end_year: 2035,
                ..input()
            })
            .is_ok()
        );
        assert_eq!(
            fields(ProjectCard::parse(&ProjectInput {
                start_year: 1999,
                end_year: 2000,
                ..input()
            })),
            ["start_year"]
        );
    }

    #[test]
    fn years_at_the_ends_of_the_integer_range_are_refused_not_overflowed() {
        assert_eq!(
            fields(ProjectCard::parse(&ProjectInput {
                start_year: i32::MIN,
                end_year: 0,
                ..input()
            })),
            ["start_year", "end_year"]
        );
        assert_eq!(
            fields(ProjectCard::parse(&ProjectInput {
                start_year: i32::MIN,
                end_year: i32::MAX,
                ..input()
            })),
            ["start_year", "end_year"]
        );
    }
}
