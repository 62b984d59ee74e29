//! The ranking of a school's problems (Regulation 4.1), by the method documented on
//! `openapi::ranking::Ranking`:
//!
//! 1. a member's score of a problem is Σ weight × score ÷ Σ weight over the criteria;
//! 2. a problem's score is the mean of the scores of the members who scored it;
//! 3. higher scores rank first; ties go to the higher mean of the first criterion, then
//!    of the next ones, then to more members having scored, then to the problem listed
//!    earlier. Problems nobody scored come last, without a rank.
//!
//! Every comparison is exact: scores are kept as fractions of integers.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::{OutOfRange, TooLong, TooShort};
use openapi::RefusalReason;
use openapi::limits;
use openapi::ranking::{Criterion, RoundInput, SchoolProblemInput};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The criteria of a round when the school sets none.
pub fn default_criteria() -> Vec<Criterion> {
    [("Значимость", 3), ("Актуальность", 2), ("Реализуемость", 1)]
        .into_iter()
        .map(|(title, weight)| Criterion {
            title: title.to_owned(),
            weight,
        })
        .collect()
}

/// Checks a round's criteria: 1 to 6, each titled (2–100 characters, distinct) and
/// weighted 1 to 10.
pub fn parse_criteria(criteria: &[Criterion]) -> Result<Vec<Criterion>, crate::domain::error::DomainError> {
    let mut errors = Errors::default();
    if criteria.is_empty() {
        errors.add("criteria", TooShort, "name at least one criterion");
    }
    if criteria.len() > limits::CRITERIA.max {
        errors.add(
            "criteria",
            TooLong,
            format!("at most {} criteria", limits::CRITERIA.max),
        );
    }
    let mut parsed = Vec::with_capacity(criteria.len());
    for (index, criterion) in criteria.iter().enumerate() {
        let title = errors.take(text::bounded(
            &format!("criteria[{index}].title"),
            &criterion.title,
            limits::CRITERION_TITLE,
        ));
        errors.take(text::in_range(
            &format!("criteria[{index}].weight"),
            criterion.weight,
            limits::CRITERION_WEIGHT,
        ));
        if let Some(title) = title {
            if parsed
                .iter()
                .any(|c: &Criterion| c.title.to_lowercase() == title.to_lowercase())
            {
                errors.add(
                    &format!("criteria[{index}].title"),
                    openapi::FieldErrorCode::Taken,
                    "criteria must differ",
                );
            }
            parsed.push(Criterion {
                title,
                weight: criterion.weight,
            });
        }
    }
    errors.finish()?;
    Ok(parsed)
}

/// Checks one member's scores of a problem: one per criterion, each 1 to 5.
pub fn parse_scores(scores: &[u8], criteria: usize) -> Result<(), crate::domain::error::DomainError> {
    let mut errors = Errors::default();
    if scores.len() != criteria {
        errors.add(
            "scores",
            OutOfRange,
            format!("give exactly {criteria} scores, one per criterion"),
        );
    }
    for (index, score) in scores.iter().enumerate() {
        errors.take(text::in_range(&format!("scores[{index}]"), *score, limits::SCORE));
    }
    errors.finish()
}

/// The texts of a problem, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemText {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Evidence (empty when none is given).
    pub evidence: String,
}

/// Checks a problem's texts: a title, a description and evidence, which may be blank,
/// within their `openapi::limits`.
pub fn parse_problem(input: &SchoolProblemInput) -> Result<ProblemText, DomainError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::PROBLEM_TITLE));
    let description = errors.take(text::bounded(
        "description",
        &input.description,
        limits::PROBLEM_DESCRIPTION,
    ));
    let evidence = errors
        .take(text::optional("evidence", &input.evidence, limits::LONG_NOTE))
        .map(Option::unwrap_or_default);
    errors.finish()?;
    Ok(ProblemText {
        title: title.unwrap_or_default(),
        description: description.unwrap_or_default(),
        evidence: evidence.unwrap_or_default(),
    })
}

/// Checks a new round: a school year from 2000 to 2100 (checked first, alone), then its
/// criteria, the default ones when none are given.
pub fn parse_round(input: &RoundInput) -> Result<(i32, Vec<Criterion>), DomainError> {
    text::in_range("school_year", input.school_year, limits::SCHOOL_YEAR)?;
    let criteria = match &input.criteria {
        Some(criteria) => parse_criteria(criteria)?,
        None => parse_criteria(&default_criteria())?,
    };
    Ok((input.school_year, criteria))
}

/// A frozen ranking takes no more problems, edits or scores.
pub fn not_frozen(frozen: bool) -> Result<(), DomainError> {
    if frozen {
        Err(DomainError::refused(
            RefusalReason::RankingFrozen,
            "The ranking of this school year is frozen.",
        ))
    } else {
        Ok(())
    }
}

/// The criteria of a round change only until someone scores.
pub fn criteria_changeable(scored: bool) -> Result<(), DomainError> {
    if scored {
        Err(DomainError::refused(
            RefusalReason::RankingScored,
            "Members have scored this round; its criteria can no longer change.",
        ))
    } else {
        Ok(())
    }
}

/// A problem a project cites stays.
pub fn deletable(cited: bool) -> Result<(), DomainError> {
    if cited {
        Err(DomainError::refused(
            RefusalReason::ProblemCited,
            "A project cites this problem.",
        ))
    } else {
        Ok(())
    }
}

/// A non-negative fraction, compared exactly.
#[derive(Debug, Clone, Copy)]
pub struct Fraction {
    /// Numerator.
    pub num: i64,
    /// Denominator, positive.
    pub den: i64,
}

impl Fraction {
    fn compare(self, other: Fraction) -> Ordering {
        (i128::from(self.num) * i128::from(other.den)).cmp(&(i128::from(other.num) * i128::from(self.den)))
    }

    /// The value rounded to two decimals, for display.
    pub fn round2(self) -> f64 {
        (self.num as f64 / self.den as f64 * 100.0).round() / 100.0
    }
}

/// What the ranking computed for one problem.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// The problem.
    pub problem: i64,
    /// 1-based rank; `None` when nobody scored it.
    pub rank: Option<u32>,
    /// The mean of the members' weighted means.
    pub score: Option<Fraction>,
    /// The mean per criterion.
    pub criterion_means: Vec<Option<Fraction>>,
    /// Each member's scores and weighted mean, by member id.
    pub members: Vec<(i64, Vec<u8>, Fraction)>,
}

/// Ranks `problems` (ids in the order they were listed) from complete score sets
/// `(problem, member, scores)`; a set with the wrong number of scores is ignored.
pub fn rank(weights: &[u8], problems: &[i64], scores: &[(i64, i64, Vec<u8>)]) -> Vec<Ranked> {
    let weight_sum: i64 = weights.iter().map(|w| i64::from(*w)).sum::<i64>().max(1);
    let mut by_problem: BTreeMap<i64, Vec<(i64, Vec<u8>)>> = BTreeMap::new();
    for (problem, member, set) in scores {
        if set.len() == weights.len() {
            by_problem.entry(*problem).or_default().push((*member, set.clone()));
        }
    }
    let mut ranked: Vec<(usize, Ranked)> = problems
        .iter()
        .enumerate()
        .map(|(listed, problem)| {
            let mut sets = by_problem.remove(problem).unwrap_or_default();
            sets.sort_by_key(|(member, _)| *member);
            let members: i64 = i64::try_from(sets.len()).unwrap_or(i64::MAX);
            let weighted_sum: i64 = sets.iter().map(|(_, set)| weighted(weights, set)).sum();
            let criterion_means = (0..weights.len())
                .map(|c| {
                    (members > 0).then(|| Fraction {
                        num: sets.iter().map(|(_, set)| i64::from(set[c])).sum(),
                        den: members,
                    })
                })
                .collect();
            let ranked = Ranked {
                problem: *problem,
                rank: None,
                score: (members > 0).then_some(Fraction {
                    num: weighted_sum,
                    den: members * weight_sum,
                }),
                criterion_means,
                members: sets
                    .into_iter()
                    .map(|(member, set)| {
                        let mean = Fraction {
                            num: weighted(weights, &set),
                            den: weight_sum,
                        };
                        (member, set, mean)
                    })
                    .collect(),
            };
            (listed, ranked)
        })
        .collect();
    ranked.sort_by(|(a_listed, a), (b_listed, b)| order(a, b).then(a_listed.cmp(b_listed)));
    let mut next = 1;
    ranked
        .into_iter()
        .map(|(_, mut ranked)| {
            if ranked.score.is_some() {
                ranked.rank = Some(next);
                next += 1;
            }
            ranked
        })
        .collect()
}

fn weighted(weights: &[u8], set: &[u8]) -> i64 {
    weights
        .iter()
        .zip(set)
        .map(|(w, s)| i64::from(*w) * i64::from(*s))
        .sum()
}

/// Higher first: score, then the criterion means in order, then members who scored;
/// unscored problems after every scored one.
fn order(a: &Ranked, b: &Ranked) -> Ordering {
    match (a.score, b.score) {
        (None, None) => Ordering::Equal,
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (Some(x), Some(y)) => y
            .compare(x)
            .then_with(|| {
                a.criterion_means
                    .iter()
                    .zip(&b.criterion_means)
                    .map(|(p, q)| match (p, q) {
                        (Some(p), Some(q)) => q.compare(*p),
                        _ => Ordering::Equal,
                    })
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            })
            .then_with(|| b.members.len().cmp(&a.members.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    fn ranks(result: &[Ranked]) -> Vec<(i64, Option<u32>)> {
        result.iter().map(|r| (r.problem, r.rank)).collect()
    }

    #[test]
    fn weights_decide_between_members_scores() {
        // Weights 3, 2, 1. Problem 1: (5,1,1) → (15+2+1)/6 = 3.0;
        // problem 2: (2,5,5) → (6+10+5)/6 = 3.5, so it ranks first.
        let result = rank(&[3, 2, 1], &[1, 2], &[(1, 10, vec![5, 1, 1]), (2, 10, vec![2, 5, 5])]);
        assert_eq!(ranks(&result), [(2, Some(1)), (1, Some(2))]);
        assert_eq!(result[0].score.map(Fraction::round2), Some(3.5));
        assert_eq!(result[1].score.map(Fraction::round2), Some(3.0));
        assert_eq!(result[0].members[0].2.round2(), 3.5);
    }

    #[test]
    fn the_problem_score_is_the_mean_of_the_members_weighted_means() {
        // Equal weights; member 10 gives 5s, member 11 gives 2s → (5 + 2) / 2 = 3.5.
        let result = rank(&[1, 1], &[7], &[(7, 10, vec![5, 5]), (7, 11, vec![2, 2])]);
        assert_eq!(result[0].score.map(Fraction::round2), Some(3.5));
        assert_eq!(
            result[0]
                .criterion_means
                .iter()
                .map(|m| m.map(Fraction::round2))
                .collect::<Vec<_>>(),
            [Some(3.5), Some(3.5)]
        );
    }

    #[test]
    fn a_member_who_did_not_score_is_left_out_not_counted_as_zero() {
        // Problem 1 scored 4,4 by two members; problem 2 scored 4,4 by one member only.
        let result = rank(
            &[1, 1],
            &[1, 2],
            &[(1, 10, vec![4, 4]), (1, 11, vec![4, 4]), (2, 10, vec![4, 4])],
        );
        assert_eq!(result[1].score.map(Fraction::round2), Some(4.0), "not 2.0");
        // Equal score and criterion means: more members who scored wins.
        assert_eq!(ranks(&result), [(1, Some(1)), (2, Some(2))]);
    }

    #[test]
    fn ties_go_to_the_first_criterion_then_the_next_then_the_earlier_problem() {
        // Equal weights: (5,3) and (3,5) both score 4.0; the first criterion decides.
        let first = rank(&[1, 1], &[1, 2], &[(1, 10, vec![3, 5]), (2, 10, vec![5, 3])]);
        assert_eq!(ranks(&first), [(2, Some(1)), (1, Some(2))]);
        // Identical scores: the problem listed earlier wins.
        let same = rank(&[1, 1], &[8, 3], &[(8, 10, vec![4, 4]), (3, 10, vec![4, 4])]);
        assert_eq!(ranks(&same), [(8, Some(1)), (3, Some(2))]);
    }

    #[test]
    fn exact_fractions_do_not_tie_by_rounding() {
        // 10/3 = 3.333… and 3.33 would round alike; 10/3 > 333/100 must still order.
        let result = rank(
            &[1, 1, 1],
            &[1, 2],
            &[(1, 10, vec![3, 3, 4]), (2, 10, vec![3, 3, 3]), (2, 11, vec![4, 4, 3])],
        );
        // Problem 1: 10/3; problem 2: (9 + 11) / 6 = 10/3 as well: a true tie on score,
        // then first criterion 3 vs 3.5 → problem 2 first.
        assert_eq!(ranks(&result), [(2, Some(1)), (1, Some(2))]);
    }

    #[test]
    fn unscored_problems_come_last_without_a_rank() {
        let result = rank(&[1], &[1, 2, 3], &[(2, 10, vec![1])]);
        assert_eq!(ranks(&result), [(2, Some(1)), (1, None), (3, None)]);
        assert!(result[1].score.is_none());
        assert!(result[1].criterion_means.iter().all(Option::is_none));
    }

    #[test]
    fn incomplete_score_sets_are_ignored() {
        let result = rank(&[1, 1], &[1], &[(1, 10, vec![5])]);
        assert_eq!(ranks(&result), [(1, None)]);
    }

    #[test]
    fn criteria_and_scores_are_checked() {
        assert!(parse_criteria(&default_criteria()).is_ok());
        assert_eq!(invalid(parse_criteria(&[])), "criteria TooShort");
        let zero = Criterion {
            title: "Значимость".to_owned(),
            weight: 0,
        };
        assert_eq!(invalid(parse_criteria(&[zero])), "criteria[0].weight OutOfRange");
        let twice = default_criteria()
            .into_iter()
            .chain(default_criteria().into_iter().take(1))
            .collect::<Vec<_>>();
        assert_eq!(invalid(parse_criteria(&twice)), "criteria[3].title Taken");
        assert!(parse_scores(&[1, 5, 3], 3).is_ok());
        assert_eq!(invalid(parse_scores(&[1, 5], 3)), "scores OutOfRange");
        assert_eq!(invalid(parse_scores(&[0, 5, 3], 3)), "scores[0] OutOfRange");
        assert_eq!(invalid(parse_scores(&[1, 6, 3], 3)), "scores[1] OutOfRange");
    }
}
