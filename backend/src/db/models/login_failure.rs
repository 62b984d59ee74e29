//! The `login_failures` table: recent sign-in attempts per e-mail and client address
//! that have not succeeded, for throttling. Kept in the database so that every instance
//! behind a load balancer counts the same.

use crate::db::DbConnection;
use crate::db::schema::login_failures;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// Records an attempt now, before its password is checked, and returns its id; forgets
/// attempts older than a day.
pub fn record(conn: &mut DbConnection, email: &str, address: &str) -> QueryResult<i64> {
    let now = super::now();
    diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(now - TimeDelta::days(1))))
        .execute(conn)?;
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::email.eq(email),
            login_failures::address.eq(address),
            login_failures::failed_at.eq(now),
        ))
        .returning(login_failures::id)
        .get_result(conn)
}

/// The other attempts of an e-mail from an address since `since` (every one but
/// `except`, the attempt being decided), and the time of the latest of them.
pub fn earlier(
    conn: &mut DbConnection,
    email: &str,
    address: &str,
    since: NaiveDateTime,
    except: i64,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    login_failures::table
        .filter(login_failures::email.eq(email))
        .filter(login_failures::address.eq(address))
        .filter(login_failures::failed_at.gt(since))
        .filter(login_failures::id.ne(except))
        .select((diesel::dsl::count_star(), diesel::dsl::max(login_failures::failed_at)))
        .get_result(conn)
}

/// Forgets the attempts of an e-mail from an address after a successful sign-in.
pub fn clear(conn: &mut DbConnection, email: &str, address: &str) -> QueryResult<()> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::email.eq(email))
            .filter(login_failures::address.eq(address)),
    )
    .execute(conn)
    .map(|_| ())
}
