//! `/healthz` (the process is up) and `/readyz` (the database answers).

use crate::db;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use openapi::Problem;
use openapi::health::Health;

/// Liveness: answers as long as the process serves HTTP.
#[utoipa::path(
    tag = "health",
    operation_id = "get_health",
    responses((status = 200, description = "The process is up", body = Health))
)]
#[get("/healthz")]
pub async fn get_health() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".to_owned(),
        database: None,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

/// Readiness: answers 200 only when the database runs a query.
#[utoipa::path(
    tag = "health",
    operation_id = "get_readiness",
    responses(
        (status = 200, description = "The database is reachable", body = Health),
        (status = 503, description = "The database is unreachable", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/readyz")]
pub async fn get_readiness(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    db::run(&state.pool, |conn| {
        db::ping(conn).map_err(|err| {
            tracing::warn!(error = %err, "readiness query failed");
            ApiError::DatabaseUnavailable
        })
    })
    .await?;
    Ok(web::Json(Health {
        status: "ok".to_owned(),
        database: Some(state.engine.name().to_owned()),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    }))
}
