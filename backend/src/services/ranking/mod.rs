//! The problem-oriented analysis of a school (Regulation 4.1): ranking rounds per school
//! year, their problems and the council's scores, until the director freezes the result.

mod problems;
mod rounds;
#[cfg(test)]
mod tests;

pub use problems::*;
pub use rounds::*;

use crate::db::DbConnection;
use crate::db::models::{ranking, user};
use crate::domain::ranking::{Fraction, rank};
use crate::error::ApiError;
use openapi::ranking::{MemberScores, RankedProblem, Ranking, RankingRound, SchoolProblem};
use openapi::{OrganisationId, RoundId, UserId};
use std::collections::HashMap;

/// The ranking of a round (as read, with its criteria), computed from its scores.
fn view(conn: &mut DbConnection, round: RankingRound) -> Result<Ranking, ApiError> {
    let id = RoundId(round.id);
    let problems = ranking::problems_of(conn, id, round.school_year)?;
    let sets = ranking::scores_of(conn, id)?;
    let council = ranking::council(conn, OrganisationId(round.org_id.0), &sets)?;
    let names = user::full_names(conn, sets.iter().map(|(_, member, _)| *member))?;
    let weights: Vec<u8> = round.criteria.iter().map(|c| c.weight).collect();
    let ids: Vec<i64> = problems.iter().map(|p| p.id).collect();
    let mut by_id: HashMap<i64, SchoolProblem> = problems.into_iter().map(|p| (p.id, p)).collect();
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
