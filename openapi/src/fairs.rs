//! Fairs of innovation products (Regulation 2.3): an event of kind `fair` where schools
//! present stands with their resources, visitors rate the stands, and the results rank
//! them by a published formula.

use crate::events::PresentedResource;
use crate::{EventId, OrganisationId, ResourceId, StandId};
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
    /// Ratings given.
    pub ratings: i64,
    /// Their mean (1–5), when there is a rating.
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
    /// The sum of its ratings (Σ).
    pub sum: i64,
    /// The rating by the formula, rounded to two decimals; absent while the fair has no
    /// rating at all.
    pub score: Option<f64>,
}

/// The results of a fair: the stands ranked by a Bayesian mean, so that a stand with a
/// few high ratings does not outrank one with many good ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FairResults {
    /// The fair.
    pub event_id: EventId,
    /// Whether the fair is over (the ranking does not change any more).
    pub is_final: bool,
    /// The formula: `score = (C·m + Σ) / (C + n)`, with Σ the sum and n the number of a
    /// stand's ratings; ties by n, then by the stand's id.
    pub formula: String,
    /// C, the weight of the fair's mean (as many ratings as it counts for).
    pub prior_weight: i64,
    /// m, the mean of every rating of the fair.
    pub fair_mean: Option<f64>,
    /// The number of ratings of the fair.
    pub ratings: i64,
    /// The stands, the best first.
    pub stands: Vec<StandResult>,
}
