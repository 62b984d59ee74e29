//! Problem-oriented analysis (Regulation 4.1): the problems of a school's pedagogical
//! system in a school year, scored by the council on weighted criteria and ranked.

use crate::{OrganisationId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One scoring criterion of a ranking round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Criterion {
    /// The criterion (for example «Значимость»).
    pub title: String,
    /// Its weight in the weighted mean.
    pub weight: u8,
}

/// A school's ranking of problems for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RankingRound {
    /// The round's id.
    pub id: i64,
    /// The school.
    pub org_id: OrganisationId,
    /// The school year, by the year it starts (2026 = «2026/2027»).
    pub school_year: i32,
    /// The criteria every problem is scored on, 1 to 5 each, in order: the order also
    /// breaks ties.
    pub criteria: Vec<Criterion>,
    /// The problems listed in the round.
    pub problems: i64,
    /// When the ranking was frozen; a frozen round takes no more problems or scores.
    pub frozen_at: Option<DateTime<Utc>>,
    /// Who froze it.
    pub frozen_by: Option<UserId>,
    /// When the round was opened.
    pub created_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// Opens a ranking round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RoundInput {
    /// The school year, by the year it starts; one round per school and year.
    pub school_year: i32,
    /// The criteria; when omitted: «Значимость» ×3, «Актуальность» ×2, «Реализуемость» ×1.
    #[serde(default)]
    pub criteria: Option<Vec<Criterion>>,
}

/// New criteria of a round that has no scores yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CriteriaInput {
    /// The criteria.
    pub criteria: Vec<Criterion>,
}

/// A problem of the school's pedagogical system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SchoolProblem {
    /// The problem's id.
    pub id: i64,
    /// The ranking round.
    pub round_id: i64,
    /// The school.
    pub org_id: OrganisationId,
    /// The school year of the round.
    pub school_year: i32,
    /// A short title.
    pub title: String,
    /// What the problem is.
    pub description: String,
    /// What shows it: monitoring results, surveys, inspections.
    pub evidence: String,
    /// When it was listed.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new problem, or the whole new text of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SchoolProblemInput {
    /// The title.
    pub title: String,
    /// The description.
    pub description: String,
    /// The evidence; may be blank.
    #[serde(default)]
    pub evidence: String,
}

/// A council member's scores of one problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    /// One score per criterion, in the round's order.
    pub scores: Vec<u8>,
}

/// One member's scores of a problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct MemberScores {
    /// The council member.
    pub member_id: UserId,
    /// Their name.
    pub member_name: String,
    /// One score per criterion, in the round's order.
    pub scores: Vec<u8>,
    /// Their weighted mean: Σ weight × score ÷ Σ weight, two decimals.
    pub weighted: f64,
}

/// A problem's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RankedProblem {
    /// 1 for the most important; absent while nobody has scored the problem.
    pub rank: Option<u32>,
    /// The problem.
    pub problem: SchoolProblem,
    /// The mean of the members' weighted means, two decimals; absent without scores.
    pub score: Option<f64>,
    /// The mean score per criterion over the members who scored, two decimals.
    pub criterion_means: Vec<Option<f64>>,
    /// Every member's scores.
    pub members: Vec<MemberScores>,
}

/// The ranking of a round, computed from the scores by this method:
///
/// 1. a member's score of a problem is the weighted mean of their criterion scores,
///    Σ weight × score ÷ Σ weight;
/// 2. a problem's score is the mean of the scores of the members who scored it (a member
///    who did not score a problem is left out of its mean, not counted as zero);
/// 3. problems are ranked by that score, highest first; ties are broken by the mean of
///    the first criterion, then of the next ones in order, then by the number of members
///    who scored, then by the problem listed earlier. Problems nobody scored come last,
///    without a rank.
///
/// Comparisons are exact (fractions of integers); the two-decimal figures are for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Ranking {
    /// The round.
    pub round: RankingRound,
    /// The council members of the school (who may score), by name.
    pub council: Vec<CouncilMember>,
    /// The problems in rank order.
    pub problems: Vec<RankedProblem>,
}

/// A council member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CouncilMember {
    /// The account.
    pub id: UserId,
    /// The name.
    pub name: String,
    /// How many problems of the round they have scored.
    pub scored: i64,
}

/// Filters of the round list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct RoundFilter {
    /// Only this school's rounds (the committee may read every school).
    pub org_id: Option<OrganisationId>,
    /// Only this school year.
    pub school_year: Option<i32>,
}
