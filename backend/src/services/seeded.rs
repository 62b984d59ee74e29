//! A database for the use cases' tests: in-memory SQLite with the migrations applied and
//! the demo municipality loaded, and the demo accounts as callers.

use super::Caller;
use crate::db::models::{PageRequest, project, user};
use crate::db::{DbConnection, DbPool, PooledConn};
use crate::error::ApiError;
use crate::storage::LocalStorage;
use chrono::NaiveDate;
use openapi::plan::PlanItemInput;
use openapi::projects::{ProjectFilter, ProjectLevel};
use openapi::{FieldErrorCode, ProjectId, RefusalReason, UserId};
use std::ops::{Deref, DerefMut};

/// One connection to a fresh demo database (the pool of one keeps the in-memory
/// database alive as long as this value).
pub struct Seeded {
    /// The one connection.
    pub conn: PooledConn,
    _pool: DbPool,
}

impl Seeded {
    /// The demo account with this e-mail, signed in.
    pub fn caller(&mut self, email: &str) -> Caller {
        caller(&mut self.conn, email)
    }
}

impl Deref for Seeded {
    type Target = DbConnection;

    fn deref(&self) -> &DbConnection {
        &self.conn
    }
}

impl DerefMut for Seeded {
    fn deref_mut(&mut self) -> &mut DbConnection {
        &mut self.conn
    }
}

/// A fresh database with the demo loaded.
pub fn demo() -> Seeded {
    let pool = crate::db::connect(":memory:", 1).expect("an in-memory database");
    let mut conn = pool.get().expect("its connection");
    let files = std::env::temp_dir().join(format!("services-test-{}", uuid::Uuid::new_v4()));
    let storage = LocalStorage::new(files.clone()).expect("a file store");
    let loaded = crate::demo::load_if_empty(&mut conn, &storage).expect("the demo");
    assert!(loaded);
    let _ = std::fs::remove_dir_all(files);
    Seeded { conn, _pool: pool }
}

/// The demo account with this e-mail, signed in.
pub fn caller(conn: &mut DbConnection, email: &str) -> Caller {
    let row = user::find_by_email(conn, email)
        .expect("a query")
        .expect("a demo account");
    crate::auth::current_user::load(conn, UserId(row.id)).expect("an active account")
}

/// The director of СОШ № 61 (administration).
pub const DIRECTOR: &str = "director@sch61.demo";
/// A council member (and teacher) of СОШ № 61.
pub const COUNCIL: &str = "council@sch61.demo";
/// A teacher of СОШ № 61.
pub const TEACHER: &str = "teacher@sch61.demo";
/// The scientific supervisor of СОШ № 61.
pub const SUPERVISOR: &str = "supervisor@sch61.demo";
/// A partner school's teacher (СОШ № 12): does not see the host school's work.
pub const PARTNER: &str = "partner@sch12.demo";
/// The partner teacher, as the outsider to the host school's work.
pub const OUTSIDER: &str = PARTNER;
/// The committee's specialist.
pub const COMMITTEE: &str = "committee@kom.demo";

/// The platform administrator (an administrator of the committee's organisation).
pub const OPERATOR: &str = "operator@kom.demo";

/// An administrator of the committee's organisation without the platform flag, added to
/// the demo (`admin@kom.demo`), signed in.
pub fn committee_admin(conn: &mut DbConnection) -> Caller {
    let operator = caller(conn, OPERATOR);
    let row = user::NewUserRow {
        org_id: operator.actor.org_id.0,
        email: "admin@kom.demo",
        full_name: "Администратор Комитета",
        password_hash: "not-a-hash",
        roles: &[openapi::users::Role::Admin],
        is_platform_admin: false,
    };
    user::insert(conn, &row).expect("the committee's administrator");
    caller(conn, "admin@kom.demo")
}

/// The invalid fields of a validation refusal, `(field, code)`; panics on anything else.
pub fn fields(err: ApiError) -> Vec<(String, FieldErrorCode)> {
    match err {
        ApiError::Validation(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected invalid fields, got {other:?}"),
    }
}

/// The reason of a refusal by the record's state; panics on anything else.
pub fn reason(err: ApiError) -> RefusalReason {
    match err {
        ApiError::Refused { reason, .. } => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// One audit entry: `(action, actor, before, after)`, the records as JSON.
pub type Entry = (String, Option<i64>, Option<String>, Option<String>);

/// The audit entries of one record, oldest first.
pub fn audit_of(conn: &mut DbConnection, entity: &str, id: i64) -> Vec<Entry> {
    use crate::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::entity.eq(entity))
        .filter(audit_log::entity_id.eq(id))
        .order(audit_log::id)
        .select((
            audit_log::action,
            audit_log::actor_id,
            audit_log::before_json,
            audit_log::after_json,
        ))
        .load(conn)
        .expect("the audit entries")
}

/// The first page of a list, of the default size.
pub const FIRST_PAGE: openapi::PageQuery = openapi::PageQuery {
    page: None,
    per_page: None,
};

/// The host school's laboratory project: its programme approved, its innovation map
/// returned once and the second version under review; no plan items or indicators.
pub fn laboratory(conn: &mut DbConnection) -> ProjectId {
    let page = PageRequest { page: 1, per_page: 100 };
    let (projects, _) = project::list(conn, &ProjectFilter::default(), page).expect("the projects");
    projects
        .into_iter()
        .find(|p| p.level == ProjectLevel::Laboratory)
        .map(|p| p.id)
        .expect("the demo's laboratory")
}

/// A plan item of the school year 2025/26 with the given deadline, planned, its
/// responsible person named without an account.
pub fn plan_item(deadline: NaiveDate) -> PlanItemInput {
    PlanItemInput {
        school_year: 2025,
        action: "Провести семинар творческой группы".to_owned(),
        responsible_id: None,
        responsible_name: Some("Иванова М. П.".to_owned()),
        deadline,
        expected_result: "Протокол семинара".to_owned(),
        status: None,
        evidence: String::new(),
        done_on: None,
    }
}

/// A date.
pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

/// The stored version of a record, as a client that has just read it would name it in
/// `If-Match`.
pub fn read_version(conn: &mut DbConnection, table: &str, id: i64) -> crate::services::concurrency::Expected {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        version: i32,
    }
    let row: Row = diesel::RunQueryDsl::get_result(
        diesel::sql_query(format!("SELECT version FROM {table} WHERE id = {id}")),
        conn,
    )
    .expect("a versioned record");
    crate::services::concurrency::Expected::Version(row.version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::read_model;

    #[test]
    fn the_demo_written_through_the_models_equals_the_rebuild() {
        let mut db = demo();
        let kept = read_model::snapshot(&mut db.conn).unwrap();
        assert!(
            kept.resources.iter().any(|row| row.3.responses > 0),
            "the demo has answers"
        );
        assert!(
            kept.counts
                .iter()
                .any(|(name, total)| name == read_model::CATALOGUE && *total > 0)
        );
        read_model::rebuild(&mut db.conn).unwrap();
        assert_eq!(kept, read_model::snapshot(&mut db.conn).unwrap());
    }
}
