//! A fair's results, computed by the database: the organisation votes of every stand
//! (decision 28), the fair's mean, each stand's score and place, and one page of the
//! ranking. Nothing but the page's ids leaves the database, however many stands and
//! ratings the fair has.

use super::PageRequest;
use crate::db::DbConnection;
use crate::domain::fairs::{FairFigures, PRIOR_WEIGHT};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Nullable};
use openapi::EventId;

/// The organisation votes of the fair `$1`: one row per stand and rating organisation,
/// with its raters and their mean score. A rating counts when its author holds a
/// confirmed registration for the fair, made for an organisation other than the stand's
/// (as `fair::counted` counts for a page of stands).
const VOTES: &str = "votes AS (
    SELECT s.id AS stand_id, r.org_id AS org_id, COUNT(*) AS raters,
           CAST(SUM(sr.score) AS DOUBLE PRECISION) / COUNT(*) AS vote
    FROM fair_stands s
    JOIN stand_ratings sr ON sr.stand_id = s.id
    JOIN event_registrations r ON r.event_id = s.event_id AND r.user_id = sr.user_id
    WHERE s.event_id = $1 AND r.status = 'confirmed' AND r.org_id <> s.org_id
    GROUP BY s.id, r.org_id
)";

/// The fair's figures: m, the number of votes and of the ratings behind them.
#[derive(Debug, QueryableByName)]
struct Figures {
    #[diesel(sql_type = Nullable<Double>)]
    mean: Option<f64>,
    #[diesel(sql_type = BigInt)]
    votes: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    ratings: Option<i64>,
}

/// The mean of every organisation vote of a fair, and how many votes and ratings there
/// are.
pub fn figures(conn: &mut DbConnection, event: EventId) -> QueryResult<FairFigures> {
    let row: Figures = diesel::sql_query(format!(
        "WITH {VOTES} SELECT AVG(vote) AS mean, COUNT(*) AS votes, CAST(SUM(raters) AS BIGINT) AS ratings FROM votes"
    ))
    .bind::<BigInt, _>(event.0)
    .get_result(conn)?;
    Ok(FairFigures {
        mean: row.mean,
        votes: row.votes,
        ratings: row.ratings.unwrap_or_default(),
    })
}

/// A stand's place in the ranking.
#[derive(Debug, Clone, Copy, PartialEq, QueryableByName)]
pub struct Placed {
    /// The stand.
    #[diesel(sql_type = BigInt)]
    pub stand_id: i64,
    /// 1 for the first; equal scores and vote counts share a place.
    #[diesel(sql_type = BigInt)]
    pub place: i64,
    /// The score to two decimals; `None` while the fair has no vote.
    #[diesel(sql_type = Nullable<Double>)]
    pub score: Option<f64>,
}

/// One page of a fair's stands ranked by `(C·m + Σ) / (C + n)` over organisation votes
/// (rounded to two decimals), then by n, then by the earlier stand. The place is the
/// window function's rank over score and n, so a place counts the stands strictly better.
pub fn ranked(conn: &mut DbConnection, event: EventId, page: PageRequest) -> QueryResult<Vec<Placed>> {
    // PostgreSQL rounds only NUMERIC to decimals; SQLite reads the casts as REAL.
    diesel::sql_query(format!(
        "WITH {VOTES},
        fair AS (SELECT AVG(vote) AS mean FROM votes),
        tallies AS (
            SELECT s.id AS stand_id, COUNT(v.stand_id) AS organisations, COALESCE(SUM(v.vote), 0) AS vote_sum
            FROM fair_stands s LEFT JOIN votes v ON v.stand_id = s.id
            WHERE s.event_id = $1
            GROUP BY s.id
        ),
        scored AS (
            SELECT t.stand_id, t.organisations,
                   CAST(ROUND(CAST(($2 * fair.mean + t.vote_sum) / ($2 + t.organisations) AS NUMERIC), 2)
                        AS DOUBLE PRECISION) AS score
            FROM tallies t CROSS JOIN fair
        )
        SELECT stand_id, RANK() OVER (ORDER BY score DESC, organisations DESC) AS place, score
        FROM scored
        ORDER BY score DESC, organisations DESC, stand_id
        LIMIT $3 OFFSET $4"
    ))
    .bind::<BigInt, _>(event.0)
    .bind::<BigInt, _>(PRIOR_WEIGHT)
    .bind::<BigInt, _>(page.limit())
    .bind::<BigInt, _>(page.offset())
    .load(conn)
}
