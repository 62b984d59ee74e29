//! Fairs of innovation products (Regulation 2.3): when stands are accepted and rated,
//! and how the results rank them.
//!
//! Stands are presented at a fair the organisation organises, while it is published and
//! not over; visitors rate them 1–5, once each, and may change their rating until the
//! fair's last day. The results rank the stands by a Bayesian mean,
//! `score = (C·m + Σ) / (C + n)`: each stand's ratings (n of them, summing to Σ) are
//! completed by C = 5 imaginary ratings at the fair's mean m, so that one enthusiastic
//! visitor does not outrank thirty satisfied ones. Ties go to the stand with more
//! ratings, then to the earlier stand; equal scores and counts share a place.

use crate::domain::error::DomainError;
use chrono::NaiveDate;
use openapi::RefusalReason;
use openapi::events::{EventKind, EventRole, EventStatus};

/// C: how many ratings at the fair's mean each stand starts with.
pub const PRIOR_WEIGHT: i64 = 5;

/// Whether stands are accepted or rated at a fair on `today`: `not_a_fair` for another
/// event or a fair organised elsewhere, `fair_closed` unless published and not over.
pub fn open(
    kind: EventKind,
    role: EventRole,
    status: EventStatus,
    ends_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), DomainError> {
    if kind != EventKind::Fair || role != EventRole::Organiser {
        return Err(DomainError::refused(
            RefusalReason::NotAFair,
            "Stands are presented at a fair the organisation organises.",
        ));
    }
    if status != EventStatus::Published || today > ends_on {
        return Err(DomainError::refused(
            RefusalReason::FairClosed,
            "The fair takes stands and ratings while it is published and not over.",
        ));
    }
    Ok(())
}

/// One stand's ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The stand's id (the last tie-break).
    pub stand: i64,
    /// n: ratings.
    pub count: i64,
    /// Σ: their sum.
    pub sum: i64,
}

/// A stand's place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The stand.
    pub stand: i64,
    /// 1 for the first.
    pub rank: i64,
    /// The score by the formula; `None` while the fair has no rating.
    pub score: Option<f64>,
}

/// The fair's mean rating m, when there is a rating.
pub fn fair_mean(tallies: &[Tally]) -> Option<f64> {
    let count: i64 = tallies.iter().map(|t| t.count).sum();
    let sum: i64 = tallies.iter().map(|t| t.sum).sum();
    (count > 0).then(|| sum as f64 / count as f64)
}

/// The score of one stand at a fair of mean `mean`.
pub fn score(tally: Tally, mean: f64) -> f64 {
    (PRIOR_WEIGHT as f64 * mean + tally.sum as f64) / (PRIOR_WEIGHT + tally.count) as f64
}

/// Rounds to two decimals, as the results show scores.
pub fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The stands ranked: by the (rounded) score, then by the number of ratings, then by id;
/// equal scores and counts share a place.
pub fn rank(tallies: &[Tally]) -> Vec<Placed> {
    let mean = fair_mean(tallies);
    let mut scored: Vec<(Tally, Option<f64>)> = tallies
        .iter()
        .map(|tally| (*tally, mean.map(|m| two_decimals(score(*tally, m)))))
        .collect();
    scored.sort_by(|(a, sa), (b, sb)| {
        sb.unwrap_or(0.0)
            .total_cmp(&sa.unwrap_or(0.0))
            .then(b.count.cmp(&a.count))
            .then(a.stand.cmp(&b.stand))
    });
    let mut placed: Vec<Placed> = Vec::with_capacity(scored.len());
    let mut previous: Option<(Option<f64>, i64, i64)> = None;
    for (index, (tally, score)) in scored.into_iter().enumerate() {
        let position = i64::try_from(index).unwrap_or(i64::MAX) + 1;
        let rank = match previous {
            Some((s, n, rank)) if s == score && n == tally.count => rank,
            _ => position,
        };
        previous = Some((score, tally.count, rank));
        placed.push(Placed {
            stand: tally.stand,
            rank,
            score,
        });
    }
    placed
}

/// The formula with the fair's numbers, as the results state it.
pub fn formula(mean: Option<f64>, ratings: i64) -> String {
    let m = mean.map_or_else(|| "—".to_owned(), |m| format!("{:.2}", two_decimals(m)));
    format!(
        "score = (C·m + Σ) / (C + n), C = {PRIOR_WEIGHT}, m = {m} (the mean of the fair's {ratings} ratings), \
         Σ and n: the sum and number of the stand's ratings; ties by n, then by the earlier stand"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(stand: i64, scores: &[i64]) -> Tally {
        Tally {
            stand,
            count: scores.len() as i64,
            sum: scores.iter().sum(),
        }
    }

    #[test]
    fn many_good_ratings_outrank_one_excellent_rating() {
        let one_five = tally(1, &[5]);
        let many_good = tally(2, &[5, 5, 4, 5, 4, 5, 4, 5]);
        let weak = tally(3, &[2, 3]);
        let tallies = [one_five, many_good, weak];
        let mean = fair_mean(&tallies).unwrap();
        assert!((mean - 47.0 / 11.0).abs() < 1e-9);
        let placed = rank(&tallies);
        assert_eq!(placed.iter().map(|p| p.stand).collect::<Vec<_>>(), [2, 1, 3]);
        assert_eq!(placed.iter().map(|p| p.rank).collect::<Vec<_>>(), [1, 2, 3]);
        // (5·4.27 + 37) / 13 = 4.49 against (5·4.27 + 5) / 6 = 4.39.
        assert_eq!(placed[0].score, Some(4.49));
        assert_eq!(placed[1].score, Some(4.39));
    }

    #[test]
    fn equal_scores_go_to_more_ratings_and_share_a_place_only_when_counts_are_equal() {
        let a = tally(1, &[4, 4]);
        let b = tally(2, &[4, 4]);
        let c = tally(3, &[4, 4, 4, 4]);
        let placed = rank(&[a, b, c]);
        assert_eq!(
            placed.iter().map(|p| (p.stand, p.rank)).collect::<Vec<_>>(),
            [(3, 1), (1, 2), (2, 2)]
        );
    }

    #[test]
    fn a_fair_without_ratings_has_no_scores_and_the_formula_says_so() {
        let placed = rank(&[tally(1, &[]), tally(2, &[])]);
        assert_eq!(
            placed.iter().map(|p| (p.rank, p.score)).collect::<Vec<_>>(),
            [(1, None), (1, None)]
        );
        assert!(formula(None, 0).contains("m = —"));
        assert!(formula(Some(4.125), 8).contains("C = 5, m = 4.13 (the mean of the fair's 8 ratings)"));
    }

    #[test]
    fn stands_are_taken_at_an_organised_fair_while_it_is_published_and_not_over() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let (fair, organiser, published) = (EventKind::Fair, EventRole::Organiser, EventStatus::Published);
        assert!(open(fair, organiser, published, day(10), day(10)).is_ok());
        let reason = |r: Result<(), DomainError>| r.unwrap_err().reason();
        assert_eq!(
            reason(open(fair, organiser, published, day(10), day(11))),
            Some(RefusalReason::FairClosed)
        );
        assert_eq!(
            reason(open(fair, organiser, EventStatus::Draft, day(10), day(1))),
            Some(RefusalReason::FairClosed)
        );
        assert_eq!(
            reason(open(EventKind::Seminar, organiser, published, day(10), day(1))),
            Some(RefusalReason::NotAFair)
        );
        assert_eq!(
            reason(open(fair, EventRole::Participant, published, day(10), day(1))),
            Some(RefusalReason::NotAFair)
        );
    }
}
