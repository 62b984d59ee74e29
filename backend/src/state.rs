//! What every handler may reach: the pool, the token keys, the database engine.

use crate::auth::JwtKeys;
use crate::auth::password::HashGate;
use crate::db::{DbPool, Engine};
use crate::domain::quota::StorageQuota;
use crate::http::limits::ClientLimits;
use crate::storage::Storage;
use std::sync::Arc;

/// Shared application state, cloned into each worker.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database pool.
    pub pool: DbPool,
    /// Access token keys.
    pub keys: JwtKeys,
    /// Which database engine the pool talks to.
    pub engine: Engine,
    /// Where uploaded files live.
    pub storage: Arc<dyn Storage>,
    /// The bounded gate of password verification at sign-in.
    pub hashing: Arc<HashGate>,
    /// Per-client-address limits of sign-in, refresh and feedback links (this process only).
    pub limits: Arc<ClientLimits>,
    /// How much each organisation may store.
    pub quota: StorageQuota,
}
