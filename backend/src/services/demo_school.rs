//! The demo municipality on an in-memory SQLite database, for the use cases' tests: the
//! host school СОШ № 61 with its platform project (package approved, plan under way) and
//! its laboratory project (package under review), and its accounts by role.

use super::Caller;
use crate::db::PooledConn;
use crate::db::models::{PageRequest, project, user};
use crate::storage::Storage;
use chrono::NaiveDate;
use openapi::plan::PlanItemInput;
use openapi::projects::{ProjectFilter, ProjectLevel};
use openapi::{ProjectId, UserId};

/// A member of the school's council (and staff).
pub const COUNCIL: &str = "council@sch61.demo";
/// A teacher (staff).
pub const TEACHER: &str = "teacher@sch61.demo";
/// The projects' supervisor: reads and comments, does not change.
pub const SUPERVISOR: &str = "supervisor@sch61.demo";
/// A partner school's teacher: does not see the school's work.
pub const OUTSIDER: &str = "partner@sch12.demo";

/// A store that keeps nothing: the demo's resource files are not needed here.
#[derive(Debug)]
struct NoFiles;

impl Storage for NoFiles {
    fn put(&self, _: &str, _: &[u8]) -> anyhow::Result<()> {
        Ok(())
    }

    fn get(&self, key: &str) -> anyhow::Result<Vec<u8>> {
        anyhow::bail!("no file {key}")
    }

    fn delete(&self, _: &str) -> anyhow::Result<()> {
        Ok(())
    }
}

/// A fresh database (one connection, migrated) with the demo loaded.
pub fn open() -> PooledConn {
    let pool = crate::db::connect(":memory:", 1).expect("an in-memory database");
    let mut conn = pool.get().expect("its only connection");
    assert!(crate::demo::load_if_empty(&mut conn, &NoFiles).expect("the demo loads"));
    conn
}

/// The signed-in account with this e-mail.
pub fn caller(conn: &mut PooledConn, email: &str) -> Caller {
    let row = user::find_by_email(conn, email)
        .expect("a query")
        .expect("a demo account");
    crate::auth::current_user::load(conn, UserId(row.id)).expect("an active account")
}

/// The host school's laboratory project: its programme approved, its innovation map
/// returned once and the second version under review; no plan items or indicators.
pub fn laboratory(conn: &mut PooledConn) -> ProjectId {
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
