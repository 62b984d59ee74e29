//! The `feedback_links` table: the single-use links a receiving school issues, one per
//! respondent's e-mail and delivery, at most the delivery's recipients.

use super::PageRequest;
use crate::db::DbConnection;
use crate::db::schema::{deliveries, feedback, feedback_links};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::feedback::IssuedFeedbackLink;
use openapi::{DeliveryId, UserId};

/// A link to record, validated.
#[derive(Debug, Clone)]
pub struct NewLink<'a> {
    /// The token's id.
    pub jti: &'a str,
    /// The delivery.
    pub delivery: DeliveryId,
    /// The respondent's normalised e-mail.
    pub email: &'a str,
    /// The respondent's name as the page shows it.
    pub respondent: &'a str,
    /// When it stops working.
    pub expires_at: NaiveDateTime,
    /// Who issued it.
    pub by: UserId,
}

/// Records an issued link; a second link of the e-mail on the delivery is a unique
/// violation.
pub fn insert(conn: &mut DbConnection, new: &NewLink<'_>) -> QueryResult<()> {
    diesel::insert_into(feedback_links::table)
        .values((
            feedback_links::jti.eq(new.jti),
            feedback_links::delivery_id.eq(new.delivery.0),
            feedback_links::respondent.eq(new.respondent),
            feedback_links::respondent_email.eq(new.email),
            feedback_links::expires_at.eq(new.expires_at),
            feedback_links::created_by.eq(new.by.0),
            feedback_links::created_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Takes one of a delivery's feedback links while fewer than its recipients are issued:
/// a conditional increment, run under the delivery's lock. Returns whether one was left.
pub fn take_slot(conn: &mut DbConnection, delivery_id: DeliveryId) -> QueryResult<bool> {
    diesel::update(
        deliveries::table
            .filter(deliveries::id.eq(delivery_id.0))
            .filter(deliveries::feedback_links_issued.lt(deliveries::recipients)),
    )
    .set(deliveries::feedback_links_issued.eq(deliveries::feedback_links_issued + 1))
    .execute(conn)
    .map(|taken| taken == 1)
}

/// Whether the e-mail has a link for the delivery already, or has answered about it.
pub fn respondent_known(conn: &mut DbConnection, delivery_id: DeliveryId, email: &str) -> QueryResult<bool> {
    let linked: bool = diesel::select(diesel::dsl::exists(
        feedback_links::table
            .filter(feedback_links::delivery_id.eq(delivery_id.0))
            .filter(feedback_links::respondent_email.eq(email)),
    ))
    .get_result(conn)?;
    if linked {
        return Ok(true);
    }
    diesel::select(diesel::dsl::exists(
        feedback::table
            .filter(feedback::delivery_id.eq(delivery_id.0))
            .filter(feedback::respondent_email.eq(email)),
    ))
    .get_result(conn)
}

/// Whether a link was issued here and is still unused.
pub fn unused(conn: &mut DbConnection, jti: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        feedback_links::table
            .filter(feedback_links::jti.eq(jti))
            .filter(feedback_links::used_at.is_null()),
    ))
    .get_result(conn)
}

/// Spends a link; only one of concurrent uses wins. Returns whether this one did, and
/// then the e-mail the link names (none for a link issued before links named one).
pub fn spend(conn: &mut DbConnection, jti: &str) -> QueryResult<Option<Option<String>>> {
    let spent = diesel::update(
        feedback_links::table
            .filter(feedback_links::jti.eq(jti))
            .filter(feedback_links::used_at.is_null()),
    )
    .set(feedback_links::used_at.eq(super::now()))
    .execute(conn)?;
    if spent != 1 {
        return Ok(None);
    }
    feedback_links::table
        .find(jti)
        .select(feedback_links::respondent_email)
        .first(conn)
        .map(Some)
}

/// A listed link: e-mail, name, issued, expires, used.
type LinkRow = (
    Option<String>,
    String,
    NaiveDateTime,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

/// One page of a delivery's links, newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    delivery_id: DeliveryId,
    page: PageRequest,
) -> QueryResult<(Vec<IssuedFeedbackLink>, i64)> {
    let total = feedback_links::table
        .filter(feedback_links::delivery_id.eq(delivery_id.0))
        .count()
        .get_result(conn)?;
    let rows: Vec<LinkRow> = feedback_links::table
        .filter(feedback_links::delivery_id.eq(delivery_id.0))
        .order((feedback_links::created_at.desc(), feedback_links::jti))
        .select((
            feedback_links::respondent_email,
            feedback_links::respondent,
            feedback_links::created_at,
            feedback_links::expires_at,
            feedback_links::used_at,
        ))
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(
            |(email, respondent, created_at, expires_at, used_at)| IssuedFeedbackLink {
                email,
                respondent,
                created_at: created_at.and_utc(),
                expires_at: expires_at.and_utc(),
                used_at: used_at.map(|at| at.and_utc()),
            },
        )
        .collect();
    Ok((items, total))
}
