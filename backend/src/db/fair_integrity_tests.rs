//! The migration that makes stands unique per fair and school, run on old data that has
//! a school's stand several times.

use super::SQLITE_MIGRATIONS;
use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::sqlite::{Sqlite, SqliteConnection};
use diesel_migrations::MigrationHarness;

/// The version of `2026-12-07-000210_fair_integrity`.
const FAIR_INTEGRITY: &str = "20261207000210";

#[derive(QueryableByName, Debug, PartialEq)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    a: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    b: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    c: i64,
}

fn rows(conn: &mut SqliteConnection, sql: &str) -> Vec<(i64, i64, i64)> {
    diesel::sql_query(sql)
        .load::<Row>(conn)
        .unwrap()
        .into_iter()
        .map(|row| (row.a, row.b, row.c))
        .collect()
}

#[test]
fn a_schools_later_stands_merge_into_its_earliest_with_their_ratings() {
    let mut conn = SqliteConnection::establish(":memory:").unwrap();
    let mut migrations = MigrationSource::<Sqlite>::migrations(&SQLITE_MIGRATIONS).unwrap();
    migrations.sort_by_key(|m| m.name().version().to_string());
    assert!(conn.applied_migrations().unwrap().is_empty(), "sets up the bookkeeping");
    for migration in migrations
        .iter()
        .filter(|m| m.name().version().to_string().as_str() < FAIR_INTEGRITY)
    {
        conn.run_migration(migration.as_ref()).unwrap();
    }
    // Only the three tables the migration rewrites are filled: the rows they point to
    // do not matter to it.
    conn.batch_execute(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO fair_stands (id, event_id, org_id, title, description, created_at) VALUES
             (1, 1, 10, 'Первый', '', '2026-12-01 10:00:00'),
             (2, 1, 10, 'Второй', '', '2026-12-01 11:00:00'),
             (3, 1, 10, 'Третий', '', '2026-12-01 12:00:00'),
             (4, 1, 20, 'Другой школы', '', '2026-12-01 10:00:00'),
             (5, 2, 10, 'На другой ярмарке', '', '2026-12-01 10:00:00');
         INSERT INTO stand_ratings (stand_id, user_id, score, created_at, updated_at) VALUES
             (1, 100, 5, '2026-12-02 10:00:00', '2026-12-02 10:00:00'),
             (2, 100, 3, '2026-12-02 10:00:00', '2026-12-02 10:00:00'),
             (2, 101, 4, '2026-12-02 10:00:00', '2026-12-02 10:00:00'),
             (3, 101, 2, '2026-12-02 10:00:00', '2026-12-02 10:00:00'),
             (3, 102, 1, '2026-12-02 10:00:00', '2026-12-02 10:00:00'),
             (4, 103, 5, '2026-12-02 10:00:00', '2026-12-02 10:00:00');
         INSERT INTO fair_stand_resources (stand_id, resource_id, position) VALUES (1, 7, 0), (2, 8, 0);",
    )
    .unwrap();
    conn.run_pending_migrations(SQLITE_MIGRATIONS).unwrap();

    let stands = rows(
        &mut conn,
        "SELECT id AS a, event_id AS b, org_id AS c FROM fair_stands ORDER BY id",
    );
    assert_eq!(
        stands,
        [(1, 1, 10), (4, 1, 20), (5, 2, 10)],
        "the earliest stand is kept"
    );
    let ratings = rows(
        &mut conn,
        "SELECT stand_id AS a, user_id AS b, CAST(score AS BIGINT) AS c FROM stand_ratings ORDER BY stand_id, user_id",
    );
    // Visitor 100 keeps the rating of the kept stand, 101 the one of the earliest stand
    // they rated; 102's moves.
    assert_eq!(ratings, [(1, 100, 5), (1, 101, 4), (1, 102, 1), (4, 103, 5)]);
    let resources = rows(
        &mut conn,
        "SELECT stand_id AS a, resource_id AS b, CAST(position AS BIGINT) AS c FROM fair_stand_resources",
    );
    assert_eq!(resources, [(1, 7, 0)]);
    let again = conn.batch_execute(
        "INSERT INTO fair_stands (event_id, org_id, title, description, created_at)
         VALUES (1, 20, 'Второй стенд', '', '2026-12-03 10:00:00')",
    );
    assert!(again.is_err(), "a second stand of a school is refused by the index");
}
