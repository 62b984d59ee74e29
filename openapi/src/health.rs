//! Liveness and readiness probes.

use serde::{Deserialize, Serialize};

/// The answer of `/healthz` and `/readyz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the probe passed.
    pub status: String,
    /// Which database backend is in use (`sqlite` or `postgresql`); readiness only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    /// The server's version.
    pub version: String,
}
