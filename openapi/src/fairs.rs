//! Fairs of innovation products (Regulation 2.3): an event of kind `fair` where schools
//! present stands with their resources, visitors registered for the fair rate the
//! stands, and the results rank them by a published formula over the rating
//! organisations' votes.

use crate::events::PresentedResource;
use crate::{EventId, OrganisationId, Page, ResourceId, StandId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A school's stand at a fair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Stand {
    /// The stand's id.
    pub id: StandId,
    /// The fair.
    pub event_id: EventId,
    /// The school presenting.
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_name: String,
    /// The title.
    pub title: String,
    /// What it shows; may be blank.
    pub description: String,
    /// The resources presented.
    pub resources: Vec<PresentedResource>,
    /// Ratings counted: those of accounts registered for the fair, of organisations other
    /// than the stand's.
    pub ratings: i64,
    /// The organisations whose accounts rated it: each casts one vote, the mean of its
    /// raters' scores.
    pub organisations: i64,
    /// The mean of the organisations' votes (1–5), rounded to two decimals, when there is
    /// a rating.
    pub mean: Option<f64>,
    /// The signed-in user's rating, if any.
    pub my_score: Option<i32>,
    /// When it was submitted.
    pub created_at: DateTime<Utc>,
}

/// A new stand of the caller's school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct StandInput {
    /// The title.
    pub title: String,
    /// What it shows.
    #[serde(default)]
    pub description: String,
    /// The school's resources it presents.
    #[serde(default)]
    pub resource_ids: Vec<ResourceId>,
}

/// A visitor's rating of a stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RatingInput {
    /// From 1 (weak) to 5 (excellent).
    pub score: i32,
}

/// A stand's place in the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct StandResult {
    /// 1 for the first; stands with equal scores and counts share a place.
    pub rank: i64,
    /// The stand.
    pub stand: Stand,
    /// Σ: the sum of the rating organisations' votes, rounded to two decimals.
    pub sum: f64,
    /// The rating by the formula, rounded to two decimals; absent while the fair has no
    /// rating at all.
    pub score: Option<f64>,
}

/// The results of a fair: the stands ranked by a Bayesian mean of the rating
/// organisations' votes, so that a stand with a few high votes does not outrank one with
/// many good votes, and accounts made by one school count as that school's one vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FairResults {
    /// The fair.
    pub event_id: EventId,
    /// Whether the fair is over (the ranking does not change any more).
    pub is_final: bool,
    /// The formula with the fair's numbers: `score = (C·m + Σ) / (C + n)`, with Σ the sum
    /// and n the number of a stand's organisation votes (each rating organisation's vote
    /// being the mean of its raters' scores); ties by n, then by the earlier stand.
    pub formula: String,
    /// C, the weight of the fair's mean (as many votes as it counts for).
    pub prior_weight: i64,
    /// m, the mean of every organisation vote of the fair.
    pub fair_mean: Option<f64>,
    /// The ratings counted at the fair (by accounts).
    pub ratings: i64,
    /// The organisation votes of the fair (one per stand and rating organisation).
    pub votes: i64,
    /// One page of the stands, the best first.
    pub stands: Page<StandResult>,
}
