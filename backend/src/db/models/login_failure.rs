//! The `login_failures` table: recent failed sign-ins per e-mail, for throttling. Kept
//! in the database so that every instance behind a load balancer counts the same.

use crate::db::DbConnection;
use crate::db::schema::login_failures;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// The failures within `since`, and the time of the oldest of them.
pub fn recent(conn: &mut DbConnection, email: &str, since: NaiveDateTime) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    let query = login_failures::table
        .filter(login_failures::email.eq(email))
        .filter(login_failures::failed_at.gt(since));
    let count = query.count().get_result(conn)?;
    let oldest = query.select(diesel::dsl::min(login_failures::failed_at)).first(conn)?;
    Ok((count, oldest))
}

/// Records a failure now, and forgets failures older than a day.
pub fn record(conn: &mut DbConnection, email: &str) -> QueryResult<()> {
    let now = super::now();
    diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(now - TimeDelta::days(1))))
        .execute(conn)?;
    diesel::insert_into(login_failures::table)
        .values((login_failures::email.eq(email), login_failures::failed_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Forgets the failures of an e-mail after a successful sign-in.
pub fn clear(conn: &mut DbConnection, email: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::email.eq(email)))
        .execute(conn)
        .map(|_| ())
}
