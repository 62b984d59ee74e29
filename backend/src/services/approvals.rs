//! What waits for the caller's decision: for the director, structures to approve and
//! drafted orders to issue; for a council member, document versions to review.

use super::{Caller, Outcome};
use crate::db::DbConnection;
use crate::db::models::{order, package, project, structure};
use crate::domain::policy;
use openapi::ProjectId;
use openapi::plan::{WaitingItem, WaitingKind};

/// What waits for the caller, oldest first, with the titles of the projects.
pub fn list(conn: &mut DbConnection, caller: &Caller) -> Outcome<Vec<WaitingItem>> {
    let org = caller.actor.org_id;
    let mut items: Vec<WaitingItem> = Vec::new();
    if policy::is_director_of(&caller.actor, org) {
        for s in structure::awaiting_approval(conn, org)? {
            items.push(WaitingItem {
                kind: WaitingKind::Structure,
                id: s.id,
                project_id: s.project_id,
                project_title: String::new(),
                title: s.name,
                since: s.updated_at,
            });
        }
        for o in order::drafts(conn, org)? {
            items.push(WaitingItem {
                kind: WaitingKind::Order,
                id: o.id,
                project_id: o.project_id,
                project_title: String::new(),
                title: format!("№ {} {}", o.number, o.title),
                since: o.updated_at,
            });
        }
    }
    if policy::can_review_package(&caller.actor, org) {
        for v in package::under_review(conn, org)? {
            let kind = v.kind();
            items.push(WaitingItem {
                kind: WaitingKind::DocumentVersion,
                id: v.id,
                project_id: ProjectId(v.project_id),
                project_title: String::new(),
                title: format!("{} v{}", kind.as_str(), v.number),
                since: v.created_at.and_utc(),
            });
        }
    }
    let titles = project::titles(conn, items.iter().map(|item| item.project_id.0))?;
    for item in &mut items {
        item.project_title = titles.get(&item.project_id.0).cloned().unwrap_or_default();
    }
    items.sort_by_key(|item| item.since);
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::seeded::{self, COUNCIL, DIRECTOR, TEACHER, caller};

    #[test]
    fn the_director_waits_for_structures_and_the_council_for_document_versions() {
        let mut conn = seeded::demo();
        let director = caller(&mut conn, DIRECTOR);
        let waiting = list(&mut conn, &director).unwrap();
        let structure = waiting.iter().find(|item| item.kind == WaitingKind::Structure).unwrap();
        assert!(!structure.project_title.is_empty());
        assert!(waiting.iter().all(|item| item.kind != WaitingKind::DocumentVersion));
        assert!(
            waiting.windows(2).all(|pair| pair[0].since <= pair[1].since),
            "oldest first"
        );

        let council = caller(&mut conn, COUNCIL);
        let reviews = list(&mut conn, &council).unwrap();
        assert!(!reviews.is_empty());
        assert!(reviews.iter().all(|item| item.kind == WaitingKind::DocumentVersion));

        let teacher = caller(&mut conn, TEACHER);
        assert!(list(&mut conn, &teacher).unwrap().is_empty());
    }
}
