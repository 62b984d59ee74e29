//! Managing structures (Regulation 4.2): the composition rules and the approval state.
//!
//! A composition has 1 to 50 members, each account once, exactly one head and at most
//! one secretary. The director approves a composition; any change after an approval
//! makes the structure `changed`, which needs approval again. Approving an approved
//! structure is refused, so every approval in the history is a distinct composition.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::{NotAllowed, OutOfRange, Taken};
use openapi::RefusalReason;
use openapi::limits;
use openapi::structures::{MemberFunction, MemberInput, StructureInput, StructureKind, StructureStatus};

/// A validated composition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composition {
    /// Kind.
    pub kind: StructureKind,
    /// Name.
    pub name: String,
    /// Members: (user, function, competence), in the order given (errors name these
    /// positions; lists show the head first).
    pub members: Vec<(i64, MemberFunction, String)>,
}

/// Checks a structure's composition.
pub fn parse(input: &StructureInput) -> Result<Composition, DomainError> {
    let mut errors = Errors::default();
    let name = errors.take(text::bounded("name", &input.name, limits::STRUCTURE_NAME));
    if input.members.len() < limits::MEMBERS.min || input.members.len() > limits::MEMBERS.max {
        let (min, max) = (limits::MEMBERS.min, limits::MEMBERS.max);
        errors.add("members", OutOfRange, format!("name from {min} to {max} members"));
    }
    let mut members = Vec::with_capacity(input.members.len());
    for (
        index,
        MemberInput {
            user_id,
            function,
            competence,
        },
    ) in input.members.iter().enumerate()
    {
        if input.members[..index].iter().any(|m| m.user_id == *user_id) {
            errors.add(&format!("members[{index}].user_id"), Taken, "each person once");
        }
        if let Some(competence) = errors.take(text::bounded(
            &format!("members[{index}].competence"),
            competence,
            limits::COMPETENCE,
        )) {
            members.push((user_id.0, *function, competence));
        }
    }
    let count = |function: MemberFunction| input.members.iter().filter(|m| m.function == function).count();
    if !input.members.is_empty() && count(MemberFunction::Head) != 1 {
        errors.add("members", NotAllowed, "exactly one member must be the head");
    }
    if count(MemberFunction::Secretary) > 1 {
        errors.add("members", NotAllowed, "at most one secretary");
    }
    errors.finish()?;
    Ok(Composition {
        kind: input.kind,
        name: name.unwrap_or_default(),
        members,
    })
}

/// The status after the composition or name changed.
pub fn after_change(status: StructureStatus) -> StructureStatus {
    match status {
        StructureStatus::Draft => StructureStatus::Draft,
        StructureStatus::Approved | StructureStatus::Changed => StructureStatus::Changed,
    }
}

/// Whether the director may approve now: a draft or a changed composition.
pub fn can_approve(status: StructureStatus) -> bool {
    status != StructureStatus::Approved
}

/// Refuses approving a composition that is approved already (`already_approved`).
pub fn approvable(status: StructureStatus) -> Result<(), DomainError> {
    if can_approve(status) {
        Ok(())
    } else {
        Err(DomainError::refused(
            RefusalReason::AlreadyApproved,
            "This composition is approved already.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;
    use openapi::UserId;

    fn member(id: i64, function: MemberFunction) -> MemberInput {
        MemberInput {
            user_id: UserId(id),
            function,
            competence: "Руководство проектом".to_owned(),
        }
    }

    fn input(members: Vec<MemberInput>) -> StructureInput {
        StructureInput {
            kind: StructureKind::CreativeGroup,
            name: "Творческая группа".to_owned(),
            members,
        }
    }

    #[test]
    fn a_composition_needs_one_head_and_distinct_people() {
        let ok = parse(&input(vec![
            member(2, MemberFunction::Member),
            member(1, MemberFunction::Head),
        ]))
        .unwrap();
        assert_eq!(ok.members.len(), 2);
        assert_eq!(
            invalid(parse(&input(vec![member(1, MemberFunction::Member)]))),
            "members NotAllowed",
            "no head"
        );
        assert_eq!(
            invalid(parse(&input(vec![
                member(1, MemberFunction::Head),
                member(2, MemberFunction::Head)
            ]))),
            "members NotAllowed",
            "two heads"
        );
        assert_eq!(
            invalid(parse(&input(vec![
                member(1, MemberFunction::Head),
                member(1, MemberFunction::Expert)
            ]))),
            "members[1].user_id Taken",
            "one person twice"
        );
        assert_eq!(
            invalid(parse(&input(vec![
                member(1, MemberFunction::Head),
                member(2, MemberFunction::Secretary),
                member(3, MemberFunction::Secretary)
            ]))),
            "members NotAllowed",
            "two secretaries"
        );
        assert_eq!(invalid(parse(&input(vec![]))), "members OutOfRange", "nobody");
    }

    #[test]
    fn a_change_after_approval_needs_approval_again() {
        assert_eq!(after_change(StructureStatus::Draft), StructureStatus::Draft);
        assert_eq!(after_change(StructureStatus::Approved), StructureStatus::Changed);
        assert_eq!(after_change(StructureStatus::Changed), StructureStatus::Changed);
        assert!(can_approve(StructureStatus::Draft));
        assert!(can_approve(StructureStatus::Changed));
        assert!(!can_approve(StructureStatus::Approved));
    }
}
