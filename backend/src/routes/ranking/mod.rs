//! The problem-oriented analysis of a school: ranking rounds per school year, their
//! problems and the council's scores (Regulation 4.1).

pub mod problems;
pub mod rounds;

use crate::db::DbConnection;
use crate::db::models::ranking::{self, RoundRow};
use crate::domain::ranking::{Fraction, rank};
use crate::error::ApiError;
use openapi::UserId;
use openapi::ranking::{MemberScores, RankedProblem, Ranking};

/// Refuses a change to a frozen round.
pub fn not_frozen(round: &RoundRow) -> Result<(), ApiError> {
    if round.is_frozen() {
        Err(ApiError::Refused {
            reason: openapi::RefusalReason::RankingFrozen,
            detail: "The ranking of this school year is frozen.".to_owned(),
        })
    } else {
        Ok(())
    }
}

/// The ranking of a round, computed from its scores.
pub fn ranking(conn: &mut DbConnection, round_row: &RoundRow) -> Result<Ranking, ApiError> {
    let round = ranking::load_round(conn, round_row.id)?;
    let problems = ranking::problems_of(conn, round_row)?;
    let sets = ranking::scores_of(conn, round_row.id)?;
    let council = ranking::council(conn, round_row.org_id, &sets)?;
    let names = crate::db::models::user::full_names(conn, sets.iter().map(|(_, member, _)| *member))?;
    let weights: Vec<u8> = round.criteria.iter().map(|c| c.weight).collect();
    let ids: Vec<i64> = problems.iter().map(|p| p.id).collect();
    let mut by_id: std::collections::HashMap<i64, openapi::ranking::SchoolProblem> =
        problems.into_iter().map(|p| (p.id, p)).collect();
    let ranked = rank(&weights, &ids, &sets)
        .into_iter()
        .filter_map(|ranked| {
            let problem = by_id.remove(&ranked.problem)?;
            Some(RankedProblem {
                rank: ranked.rank,
                problem,
                score: ranked.score.map(Fraction::round2),
                criterion_means: ranked
                    .criterion_means
                    .iter()
                    .map(|mean| mean.map(Fraction::round2))
                    .collect(),
                members: ranked
                    .members
                    .into_iter()
                    .map(|(member, scores, weighted)| MemberScores {
                        member_id: UserId(member),
                        member_name: names.get(&member).cloned().unwrap_or_default(),
                        scores,
                        weighted: weighted.round2(),
                    })
                    .collect(),
            })
        })
        .collect();
    Ok(Ranking {
        round,
        council,
        problems: ranked,
    })
}
