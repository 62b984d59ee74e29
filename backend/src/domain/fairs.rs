//! Fairs of innovation products (Regulation 2.3): when stands are accepted and rated,
//! and how the results rank them.
//!
//! Stands are presented at a fair the organisation organises, while it is published and
//! not over, one per school and at most [`limits::STANDS`] in all. Accounts registered
//! for the fair (registered or recorded present) rate the stands of other organisations
//! 1–5, once each, and may change their rating until the fair's last day.
//!
//! The results count organisations, not accounts (decision 28): each organisation whose
//! registered accounts rated a stand casts one vote for it, the mean of its raters'
//! scores, so that accounts a school makes add nothing to its weight. The stands are
//! ranked by a Bayesian mean of those votes, `score = (C·m + Σ) / (C + n)`: a stand's n
//! votes (summing to Σ) are completed by C = 5 imaginary votes at the mean m of every
//! vote of the fair, so that one enthusiastic school does not outrank thirty satisfied
//! ones. Ties go to the stand with more votes, then to the earlier stand; equal scores
//! (to two decimals) and vote counts share a place. The database computes the ranking
//! (`db::models::fair_results`); this module holds the rules and the numbers a stand
//! shows.

use crate::domain::error::DomainError;
use chrono::NaiveDate;
use openapi::events::{EventKind, EventRole, EventStatus};
use openapi::{RefusalReason, limits};
use std::collections::HashMap;

/// C: how many votes at the fair's mean each stand starts with.
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

/// Whether the caller's school may present a stand at a fair that has `stands` stands:
/// `already_presented` when one of them is its own (`own`), `stand_limit` when the fair
/// is full.
pub fn may_present(own: bool, stands: i64) -> Result<(), DomainError> {
    if own {
        return Err(DomainError::refused(
            RefusalReason::AlreadyPresented,
            "The school presents a stand at this fair already.",
        ));
    }
    if stands >= i64::try_from(limits::STANDS.max).unwrap_or(i64::MAX) {
        return Err(DomainError::refused(
            RefusalReason::StandLimit,
            format!("A fair has at most {} stands.", limits::STANDS.max),
        ));
    }
    Ok(())
}

/// Whether an account rates the stands of a fair: only when it is registered for it
/// (`not_registered_for_fair` otherwise).
pub fn may_rate(registered: bool) -> Result<(), DomainError> {
    if registered {
        Ok(())
    } else {
        Err(DomainError::refused(
            RefusalReason::NotRegisteredForFair,
            "Only accounts registered for the fair rate its stands.",
        ))
    }
}

/// The counted ratings of one stand by one organisation with one score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratings {
    /// The stand.
    pub stand: i64,
    /// The raters' organisation.
    pub org: i64,
    /// The score they gave.
    pub score: i32,
    /// How many of its accounts gave it.
    pub count: i64,
}

/// A stand's counted ratings, as the results weigh them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    /// Ratings by accounts.
    pub ratings: i64,
    /// n: the organisations that rated it, one vote each.
    pub organisations: i64,
    /// Σ: the sum of their votes (each the mean of its raters' scores).
    pub votes: f64,
}

impl Tally {
    /// The mean vote, when there is one.
    pub fn mean(&self) -> Option<f64> {
        (self.organisations > 0).then(|| self.votes / self.organisations as f64)
    }
}

/// The tallies of the stands whose counted ratings are `groups` (in any order).
pub fn tallies(groups: &[Ratings]) -> HashMap<i64, Tally> {
    let mut votes: HashMap<(i64, i64), (i64, i64)> = HashMap::new();
    for group in groups {
        let (count, sum) = votes.entry((group.stand, group.org)).or_default();
        *count += group.count;
        *sum += i64::from(group.score) * group.count;
    }
    let mut tallies: HashMap<i64, Tally> = HashMap::new();
    for ((stand, _), (count, sum)) in votes {
        let tally = tallies.entry(stand).or_default();
        tally.ratings += count;
        tally.organisations += 1;
        tally.votes += sum as f64 / count as f64;
    }
    tallies
}

/// Rounds to two decimals, as the results show scores.
pub fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The fair's numbers the formula states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FairFigures {
    /// m: the mean of every organisation vote, when there is one.
    pub mean: Option<f64>,
    /// The organisation votes.
    pub votes: i64,
    /// The ratings by accounts they come from.
    pub ratings: i64,
}

/// The formula with the fair's numbers, as the results state it.
pub fn formula(fair: FairFigures) -> String {
    let m = fair
        .mean
        .map_or_else(|| "—".to_owned(), |m| format!("{:.2}", two_decimals(m)));
    format!(
        "score = (C·m + Σ) / (C + n), C = {PRIOR_WEIGHT}, m = {m} (the mean of the fair's {} organisation votes, \
         from {} ratings); each organisation whose accounts registered for the fair rated a stand casts one vote \
         for it, the mean of its raters' scores (a stand is not rated by its own school); Σ and n: the sum and \
         number of the stand's votes; ties by n, then by the earlier stand",
        fair.votes, fair.ratings
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(stand: i64, org: i64, score: i32, count: i64) -> Ratings {
        Ratings {
            stand,
            org,
            score,
            count,
        }
    }

    #[test]
    fn ten_accounts_of_one_school_are_one_vote_and_three_schools_three() {
        let groups = [
            rated(1, 10, 5, 10),
            rated(2, 20, 5, 1),
            rated(2, 30, 5, 1),
            rated(2, 40, 4, 1),
        ];
        let tallies = tallies(&groups);
        let stuffed = tallies[&1];
        assert_eq!((stuffed.ratings, stuffed.organisations, stuffed.votes), (10, 1, 5.0));
        let broad = tallies[&2];
        assert_eq!((broad.ratings, broad.organisations, broad.votes), (3, 3, 14.0));
        assert!((broad.mean().unwrap() - 14.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn an_organisations_vote_is_the_mean_of_its_raters_scores() {
        // School 10: two accounts give 5, one gives 2 → a vote of 4; school 20: one 3.
        let tallies = tallies(&[rated(7, 10, 5, 2), rated(7, 10, 2, 1), rated(7, 20, 3, 1)]);
        let tally = tallies[&7];
        assert_eq!((tally.ratings, tally.organisations), (4, 2));
        assert!((tally.votes - 7.0).abs() < 1e-12);
        assert_eq!(tally.mean().map(two_decimals), Some(3.5));
        assert_eq!(Tally::default().mean(), None);
    }

    #[test]
    fn a_school_presents_one_stand_while_the_fair_has_room() {
        assert!(may_present(false, 0).is_ok());
        assert_eq!(
            may_present(true, 1).unwrap_err().reason(),
            Some(RefusalReason::AlreadyPresented)
        );
        let full = i64::try_from(limits::STANDS.max).unwrap();
        assert!(may_present(false, full - 1).is_ok());
        assert_eq!(
            may_present(false, full).unwrap_err().reason(),
            Some(RefusalReason::StandLimit)
        );
    }

    #[test]
    fn only_a_registered_account_rates() {
        assert!(may_rate(true).is_ok());
        assert_eq!(
            may_rate(false).unwrap_err().reason(),
            Some(RefusalReason::NotRegisteredForFair)
        );
    }

    #[test]
    fn the_formula_states_the_fairs_numbers_and_says_so_without_a_vote() {
        let none = FairFigures {
            mean: None,
            votes: 0,
            ratings: 0,
        };
        assert!(formula(none).contains("m = —"));
        let some = FairFigures {
            mean: Some(4.125),
            votes: 8,
            ratings: 21,
        };
        let text = formula(some);
        assert!(text.contains("C = 5, m = 4.13 (the mean of the fair's 8 organisation votes, from 21 ratings)"));
        assert!(text.contains("one vote"));
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
