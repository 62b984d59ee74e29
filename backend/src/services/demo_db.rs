//! For the use cases' tests: a temporary SQLite database holding the demo municipality,
//! and the demo accounts as callers.

use super::Caller;
use crate::auth::current_user;
use crate::db::models::user;
use crate::db::{DbConnection, DbPool};
use crate::storage::LocalStorage;
use diesel::r2d2::{ConnectionManager, PooledConnection};
use openapi::UserId;
use std::path::PathBuf;

/// The demo database; removed when dropped.
pub struct DemoDb {
    /// Its one connection.
    pub conn: PooledConnection<ConnectionManager<DbConnection>>,
    _pool: DbPool,
    dir: PathBuf,
}

impl DemoDb {
    /// A new database with the demo loaded.
    pub fn open() -> Self {
        let dir = std::env::temp_dir().join(format!("ip-services-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let pool = crate::db::connect(&dir.join("test.db").to_string_lossy(), 1).unwrap();
        let mut conn = pool.get().unwrap();
        let storage = LocalStorage::new(dir.join("files")).unwrap();
        assert!(crate::demo::load_if_empty(&mut conn, &storage).unwrap());
        Self { conn, _pool: pool, dir }
    }

    /// The demo account with this e-mail, signed in.
    pub fn caller(&mut self, email: &str) -> Caller {
        let row = user::find_by_email(&mut self.conn, email).unwrap().unwrap();
        current_user::load(&mut self.conn, UserId(row.id)).unwrap()
    }
}

impl Drop for DemoDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
