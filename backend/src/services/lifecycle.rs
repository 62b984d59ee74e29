//! Moving a resource through the five-step lifecycle: forward one step when the current
//! one shows its evidence, back with a reason; every move is kept as its history.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::resource::ResourceRow;
use crate::db::models::{PageRequest, delivery, pilot, project, request, resource, transition, version};
use crate::domain::error::DomainError;
use crate::domain::lifecycle::{self, Evidence, Refusal};
use crate::domain::text;
use crate::error::ApiError;
use openapi::ProjectId;
use openapi::audit::{AuditAction, AuditEntity};
use openapi::lifecycle::{Transition, TransitionInput};
use openapi::limits;
use openapi::resources::{Resource, VersionKind};
use openapi::{OrganisationId, Page, PageQuery, ResourceId};

/// The lifecycle history of a resource, oldest first: who moved it, when and why.
pub fn history(
    conn: &mut DbConnection,
    caller: &Caller,
    resource: ResourceId,
    page: &PageQuery,
) -> Outcome<Page<Transition>> {
    let page = PageRequest::parse(page)?;
    access::resource(conn, &caller.actor, resource, Access::Read)?;
    let (items, total) = transition::list(conn, resource, page)?;
    Ok(page.wrap(items, total))
}

/// Moves a resource (the school's administration, council and teachers) to the next
/// stage when the current one shows its evidence, or back to an earlier stage with a
/// reason. A refusal is `transition_refused` with the rule's reason.
pub fn transition(
    conn: &mut DbConnection,
    caller: &Caller,
    resource: ResourceId,
    input: &TransitionInput,
) -> Outcome<Resource> {
    let reason = input
        .reason
        .as_deref()
        .filter(|reason| !reason.trim().is_empty())
        .map(|reason| text::bounded("reason", reason, limits::NOTE))
        .transpose()
        .map_err(DomainError::from)?;
    write(conn, |conn| {
        let row = access::resource(conn, &caller.actor, resource, Access::Edit)?;
        let from = row.stage();
        let evidence = evidence(conn, &row)?;
        lifecycle::check(from, input.to, &evidence, reason.as_deref()).map_err(ApiError::TransitionRefused)?;
        let user = caller.actor.user_id;
        let Some(transition_id) = transition::apply(conn, ResourceId(row.id), from, input.to, user, reason.as_deref())?
        else {
            return Err(ApiError::TransitionRefused(Refusal::SameStage));
        };
        let after = resource::load(conn, resource)?;
        let record = serde_json::json!({"from": from, "to": input.to, "reason": reason});
        Event::new(AuditAction::Transition, AuditEntity::Resource, resource)
            .by(user)
            .of(OrganisationId(row.org_id))
            .after(&record)
            .record(conn)?;
        tracing::info!(
            resource_id = row.id,
            transition_id,
            from = from.as_str(),
            to = input.to.as_str(),
            "lifecycle transition"
        );
        Ok(after)
    })
}

/// What a resource's records show, as the lifecycle rules need it.
fn evidence(conn: &mut DbConnection, row: &ResourceRow) -> Outcome<Evidence> {
    let id = ResourceId(row.id);
    Ok(Evidence {
        accepted_requests: count(request::count_taken_for(conn, id)?),
        competitive_assignment: project::find(conn, ProjectId(row.project_id))?.0.is_competitive(),
        design_documents: count(version::count_with_files(conn, id, VersionKind::Design)?),
        completed_pilots: count(pilot::count_completed(conn, id)?),
        produced_versions: count(version::count_with_files(conn, id, VersionKind::Product)?),
        deliveries: count(delivery::count_for(conn, id)?),
    })
}

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::files::AcceptedFile;
    use crate::services::resource_fixtures::{School, first_page};
    use crate::services::versions::{self, StoredFile};
    use openapi::RefusalReason;
    use openapi::VersionId;
    use openapi::resources::{Stage, VersionInput};

    fn to(stage: Stage, reason: Option<&str>) -> TransitionInput {
        TransitionInput {
            to: stage,
            reason: reason.map(str::to_owned),
        }
    }

    fn stage_of(s: &mut School) -> Stage {
        let id = s.resource;
        let staff = s.staff.clone();
        crate::services::resources::get(&mut s.conn, &staff, id)
            .expect("resource")
            .stage
    }

    /// Moves the fixture's resource to design, bypassing the request step's evidence.
    fn at_design(s: &mut School) {
        transition::apply(
            &mut s.conn,
            s.resource,
            Stage::Request,
            Stage::Design,
            s.staff.actor.user_id,
            None,
        )
        .expect("moved");
    }

    #[test]
    fn production_without_a_design_document_is_refused_with_its_reason_and_nothing_moves() {
        let mut s = School::new();
        at_design(&mut s);
        let staff = s.staff.clone();
        let refused = transition(&mut s.conn, &staff, s.resource, &to(Stage::Production, None));
        match refused {
            Err(err @ ApiError::TransitionRefused(_)) => {
                assert_eq!(err.problem().reason, Some(RefusalReason::NoDesignDocument));
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(stage_of(&mut s), Stage::Design);
        assert!(s.audit("resource", s.resource.0).is_empty());
    }

    #[test]
    fn a_design_version_with_a_file_opens_production_and_the_move_is_kept_in_the_history() {
        let mut s = School::new();
        at_design(&mut s);
        let staff = s.staff.clone();
        let input = VersionInput {
            kind: VersionKind::Design,
            notes: String::new(),
        };
        let version = versions::create(&mut s.conn, &staff, s.resource, &input).expect("version");
        let target = versions::upload_target(&mut s.conn, &staff, VersionId(version.id)).expect("target");
        let accepted = AcceptedFile {
            file_name: "Проект.txt".into(),
            content_type: "text/plain; charset=utf-8",
        };
        let file = StoredFile {
            accepted: &accepted,
            size: 1,
            sha256: "00",
            key: "k",
        };
        versions::record_file(&mut s.conn, &staff, &target, file, Default::default()).expect("file");
        let moved = transition(&mut s.conn, &staff, s.resource, &to(Stage::Production, None)).expect("moved");
        assert_eq!(moved.stage, Stage::Production);
        let history = history(&mut s.conn, &staff, s.resource, &first_page()).expect("history");
        let steps: Vec<(Stage, Stage)> = history.items.iter().map(|t| (t.from, t.to)).collect();
        assert_eq!(
            steps,
            vec![(Stage::Request, Stage::Design), (Stage::Design, Stage::Production)]
        );
        assert_eq!(s.audit("resource", s.resource.0), vec!["transition".to_owned()]);
    }

    #[test]
    fn going_back_needs_a_reason() {
        let mut s = School::new();
        at_design(&mut s);
        let staff = s.staff.clone();
        let refused = transition(&mut s.conn, &staff, s.resource, &to(Stage::Request, Some("  ")));
        assert!(
            matches!(refused, Err(ApiError::TransitionRefused(Refusal::ReasonRequired))),
            "{refused:?}"
        );
        let back = transition(
            &mut s.conn,
            &staff,
            s.resource,
            &to(Stage::Request, Some("нет заказчика")),
        );
        assert_eq!(back.expect("moved back").stage, Stage::Request);
    }
}
