//! `GET /api/me/approvals`: what waits for the signed-in user's decision.

use crate::auth::CurrentUser;
use crate::db::models::{order, package, project, structure};
use crate::domain::policy;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::plan::{WaitingItem, WaitingKind};

/// For the director: structures waiting for approval and drafted orders waiting to be
/// issued; for a council member: document versions waiting for review. Oldest first,
/// at most 100 of each kind.
#[utoipa::path(
    tag = "me",
    operation_id = "list_my_approvals",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What waits, oldest first", body = Vec<WaitingItem>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/me/approvals")]
pub async fn list_my_approvals(
    state: web::Data<AppState>,
    current: CurrentUser,
) -> Result<web::Json<Vec<WaitingItem>>, ApiError> {
    let org = current.actor.org_id;
    let director = policy::is_director_of(&current.actor, org);
    let council = policy::can_review_package(&current.actor, org);
    crate::db::run(&state.pool, move |conn| {
        let mut items: Vec<WaitingItem> = Vec::new();
        if director {
            for s in structure::awaiting_approval(conn, org.0)? {
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
        if council {
            for v in package::under_review(conn, org.0)? {
                let kind = v.kind();
                items.push(WaitingItem {
                    kind: WaitingKind::DocumentVersion,
                    id: v.id,
                    project_id: openapi::ProjectId(v.project_id),
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
    })
    .await
    .map(web::Json)
}
