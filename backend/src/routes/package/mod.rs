//! The document package of a project and the council's review (Regulation 4.3–4.4):
//! `GET /api/projects/{id}/package`, `GET/POST /api/projects/{id}/package/{kind}`,
//! `POST /api/document-versions/{id}/review`, `POST /api/document-versions/{id}/comments`.

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::models::audit::{self};
use crate::db::models::{package, plan, project};
use crate::domain::package::{self as rules, Submitted};
use crate::domain::policy;
use crate::domain::text;
use crate::error::ApiError;
use crate::extract::Json;
use crate::state::AppState;
use actix_web::{HttpResponse, get, post, web};
use diesel::Connection;
use openapi::package::{
    CommentInput, DocumentContent, DocumentKind, DocumentVersion, Package, PackageDocument, ReviewDecision,
    VersionInput,
};
use openapi::{OrganisationId, Problem, ProjectId};

/// The package of a project as it stands.
pub fn package_of(conn: &mut DbConnection, project: i64) -> Result<Package, ApiError> {
    let mut latest = package::latest(conn, project)?;
    let documents: Vec<PackageDocument> = DocumentKind::ALL
        .iter()
        .map(|kind| PackageDocument {
            kind: *kind,
            latest: latest.remove(kind),
        })
        .collect();
    let states: Vec<_> = documents
        .iter()
        .map(|doc| (doc.kind, doc.latest.as_ref().map(|v| v.status)))
        .collect();
    Ok(Package {
        project_id: ProjectId(project),
        approved: rules::package_approved(&states),
        documents,
    })
}

/// The four documents of a project's package with their latest versions and review
/// threads, and whether the package is approved (every latest version approved).
#[utoipa::path(
    tag = "package",
    operation_id = "get_package",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The package", body = Package),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/package")]
pub async fn get_package(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
) -> Result<web::Json<Package>, ApiError> {
    let id = id.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        package_of(conn, id)
    })
    .await
    .map(web::Json)
}

/// Every version of one document of the package, the latest first, with their threads.
#[utoipa::path(
    tag = "package",
    operation_id = "list_document_versions",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("kind" = DocumentKind, Path, description = "The document")
    ),
    responses(
        (status = 200, description = "The versions", body = Vec<DocumentVersion>),
        (status = 400, description = "Not a document of the package", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/projects/{id}/package/{kind}")]
pub async fn list_document_versions(
    state: web::Data<AppState>,
    current: CurrentUser,
    path: web::Path<(i64, DocumentKind)>,
) -> Result<web::Json<Vec<DocumentVersion>>, ApiError> {
    let (id, kind) = path.into_inner();
    crate::db::run(&state.pool, move |conn| {
        crate::routes::projects::readable(conn, &current, id)?;
        Ok(package::history(conn, id, kind)?)
    })
    .await
    .map(web::Json)
}

/// Submits a new version of a document for the council's review (the school's
/// administration, council or staff). The programme takes `text`, the innovation map
/// `map`; the work plan and the results tracking system record the project's current
/// plan items or indicators. Versions still under review are superseded.
#[utoipa::path(
    tag = "package",
    operation_id = "create_document_version",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "The project's id"),
        ("kind" = DocumentKind, Path, description = "The document")
    ),
    request_body = VersionInput,
    responses(
        (status = 201, description = "The version, under review", body = DocumentVersion),
        (status = 400, description = "Not a document of the package", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the school's administration, council or staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A work plan without items or a tracking system without indicators (`nothing_to_submit`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid content, each field named in `errors`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/projects/{id}/package/{kind}")]
pub async fn create_document_version(
    state: web::Data<AppState>,
    current: CurrentUser,
    path: web::Path<(i64, DocumentKind)>,
    body: Json<VersionInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let (submitted, note) = rules::parse_version(kind, &body.0)?;
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = crate::routes::projects::readable(conn, &current, id)?;
            if !policy::can_edit_resources(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let content = match submitted {
                Submitted::Programme(text) => DocumentContent::Programme { text },
                Submitted::InnovationMap(map) => DocumentContent::InnovationMap { map },
                Submitted::Snapshot => snapshot(conn, kind, id)?,
            };
            let version = package::insert(conn, id, row.org_id, kind, &content, &note, current.actor.user_id.0)?;
            let created = package::load(conn, version)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("document_version", created.id),
                "create",
                None,
                Some(&created),
            )?;
            Ok(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The plan items or indicators of a project as they are now.
fn snapshot(conn: &mut DbConnection, kind: DocumentKind, project_id: i64) -> Result<DocumentContent, ApiError> {
    let nothing = |what: &str| ApiError::Refused {
        reason: openapi::RefusalReason::NothingToSubmit,
        detail: format!("The project has no {what} yet."),
    };
    if kind == DocumentKind::WorkPlan {
        let today = chrono::Utc::now().date_naive();
        let rows = plan::all(conn, project_id, None)?;
        let items = plan::complete(conn, rows, today)?;
        if items.is_empty() {
            return Err(nothing("plan items"));
        }
        Ok(DocumentContent::WorkPlan { items })
    } else {
        let indicators = plan::indicators_of(conn, project_id)?;
        if indicators.is_empty() {
            return Err(nothing("indicators"));
        }
        Ok(DocumentContent::ResultsTracking { indicators })
    }
}

/// A version the user may read, and its school.
fn readable(conn: &mut DbConnection, current: &CurrentUser, id: i64) -> Result<package::VersionRow, ApiError> {
    let row = package::find(conn, id)?;
    if policy::can_read_school_work(&current.actor, OrganisationId(row.org_id)) {
        Ok(row)
    } else {
        Err(ApiError::NotFound)
    }
}

/// A council member approves a version under review or returns it with a comment; the
/// comment joins the version's thread.
#[utoipa::path(
    tag = "package",
    operation_id = "review_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id")),
    request_body = ReviewDecision,
    responses(
        (status = 200, description = "The decided version", body = DocumentVersion),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a council member of the school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such version, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided or superseded already (`not_under_review`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A return without a comment", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/document-versions/{id}/review")]
pub async fn review_document_version(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<ReviewDecision>,
) -> Result<web::Json<DocumentVersion>, ApiError> {
    let id = id.into_inner();
    let (status, comment) = rules::decide(&body.0)?;
    crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = readable(conn, &current, id)?;
            if !policy::can_review_package(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            if let Some(refusal) = rules::review_refusal(row.status()) {
                return Err(refusal.into());
            }
            let before = package::load(conn, id)?;
            let actor = current.actor.user_id.0;
            if !package::decide(conn, id, status, actor)? {
                return Err(
                    rules::review_refusal(package::find(conn, id)?.status()).map_or(ApiError::NotFound, ApiError::from)
                );
            }
            if let Some(comment) = comment {
                package::comment(conn, id, actor, &comment)?;
            }
            let after = package::load(conn, id)?;
            let action = if status == openapi::package::VersionStatus::Approved {
                "approve"
            } else {
                "return"
            };
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("document_version", after.id),
                action,
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await
    .map(web::Json)
}

/// Adds a comment to a version's review thread (the school's administration, council,
/// staff or supervisor).
#[utoipa::path(
    tag = "package",
    operation_id = "comment_document_version",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The version's id")),
    request_body = CommentInput,
    responses(
        (status = 201, description = "The version with its thread", body = DocumentVersion),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not of the school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such version, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An empty or too long comment", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/document-versions/{id}/comments")]
pub async fn comment_document_version(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<CommentInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let comment = text::bounded("body", &body.0.body, 1, 4000).map_err(|err| ApiError::Validation(vec![err]))?;
    let after = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = readable(conn, &current, id)?;
            if !policy::can_comment_package(&current.actor, OrganisationId(row.org_id)) {
                return Err(ApiError::Forbidden);
            }
            let before = package::load(conn, id)?;
            package::comment(conn, id, current.actor.user_id.0, &comment)?;
            let after = package::load(conn, id)?;
            audit::log(
                conn,
                (current.actor.user_id.0, row.org_id),
                ("document_version", after.id),
                "comment",
                Some(&before),
                Some(&after),
            )?;
            Ok(after)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(after))
}

/// Whether the project's package is approved; `project` must exist.
pub fn is_approved(conn: &mut DbConnection, project_id: i64) -> Result<bool, ApiError> {
    project::find(conn, project_id)?;
    Ok(package_of(conn, project_id)?.approved)
}
