//! The document package of a project (Regulation 4.3–4.4): the programme, the
//! innovation map, the work plan and the results tracking system, each versioned and
//! reviewed by the council.

use crate::plan::{Indicator, PlanItem};
use crate::wire_enum;
use crate::{ProjectId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// The four documents of the package.
    pub enum DocumentKind {
        /// The programme of innovation activity (программа).
        Programme = "programme",
        /// The innovation map (инновационная карта).
        InnovationMap = "innovation_map",
        /// The work plan (план работы): a snapshot of the plan items.
        WorkPlan = "work_plan",
        /// The results tracking system (система отслеживания результатов): a snapshot of the indicators.
        ResultsTracking = "results_tracking",
    }
}

wire_enum! {
    /// Where a version stands in the council's review.
    pub enum VersionStatus {
        /// Submitted; the council has not decided.
        UnderReview = "under_review",
        /// Approved by the council.
        Approved = "approved",
        /// Returned with comments.
        Returned = "returned",
        /// A newer version was submitted before the council decided on this one.
        Superseded = "superseded",
    }
}

/// The structured fields of an innovation map.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct InnovationMap {
    /// The problem the innovation answers.
    pub problem: String,
    /// The idea.
    pub idea: String,
    /// The goal.
    pub goal: String,
    /// The tasks.
    pub tasks: String,
    /// Expected results.
    pub expected_results: String,
    /// Expected products (the educational resources).
    pub products: String,
    /// Resources needed: people, time, money, equipment.
    pub resources: String,
    /// Deprecated: risks and how to meet them as free text, kept readable for the versions
    /// that have it. The project's risk register (`/api/projects/{id}/risks`) replaces it;
    /// may be blank, and blank when omitted.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schema(deprecated))]
    pub risks: String,
    /// Consumers of the products.
    pub consumers: String,
}

/// What a version holds, by document kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DocumentContent {
    /// The programme's text.
    Programme {
        /// The text.
        text: String,
    },
    /// The innovation map's fields.
    InnovationMap {
        /// The fields.
        map: InnovationMap,
    },
    /// The plan items as they were when the version was submitted.
    WorkPlan {
        /// The items, by deadline.
        items: Vec<PlanItem>,
    },
    /// The indicators and their targets as they were when the version was submitted.
    ResultsTracking {
        /// The indicators.
        indicators: Vec<Indicator>,
    },
}

/// A new version of a document. The programme takes `text`, the innovation map `map`;
/// the work plan and the results tracking system take neither: the server records the
/// project's current plan items or indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct VersionInput {
    /// The programme's text (the programme only).
    #[serde(default)]
    pub text: Option<String>,
    /// The innovation map's fields (the innovation map only).
    #[serde(default)]
    pub map: Option<InnovationMap>,
    /// What changed, for the council; may be blank.
    #[serde(default)]
    pub note: String,
}

/// A comment in a version's review thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ReviewComment {
    /// The comment's id.
    pub id: i64,
    /// Its author.
    pub author_id: Option<UserId>,
    /// Their name.
    pub author_name: String,
    /// The text.
    pub body: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A version of a package document with its review thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct DocumentVersion {
    /// The version's id.
    pub id: i64,
    /// The project.
    pub project_id: ProjectId,
    /// Which document.
    pub kind: DocumentKind,
    /// 1, 2, 3… per document.
    pub number: i32,
    /// What it holds.
    pub content: DocumentContent,
    /// What changed.
    pub note: String,
    /// The review state.
    pub status: VersionStatus,
    /// Who submitted it.
    pub created_by: Option<UserId>,
    /// Their name.
    pub created_by_name: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// The council member who approved or returned it.
    pub decided_by: Option<UserId>,
    /// Their name.
    pub decided_by_name: Option<String>,
    /// When.
    pub decided_at: Option<DateTime<Utc>>,
    /// The review thread, oldest first.
    pub comments: Vec<ReviewComment>,
    /// Attached files (appendices), in the order they were added.
    pub attachments: Vec<crate::plan::Attachment>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// One document of the package: its latest version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PackageDocument {
    /// Which document.
    pub kind: DocumentKind,
    /// The latest version; absent before the first.
    pub latest: Option<DocumentVersion>,
}

/// The package: approved when the latest version of each of the four documents is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Package {
    /// The project.
    pub project_id: ProjectId,
    /// The four documents, in the order of `DocumentKind`.
    pub documents: Vec<PackageDocument>,
    /// Whether every document's latest version is approved.
    pub approved: bool,
}

/// The council's decision on a version under review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum ReviewDecision {
    /// Approve the version, with an optional comment.
    Approve {
        /// Joins the thread when given.
        #[serde(default)]
        comment: Option<String>,
    },
    /// Return it for rework; the comment says what to change.
    Return {
        /// Joins the thread.
        comment: String,
    },
}

/// A comment to add to a review thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CommentInput {
    /// The comment.
    pub body: String,
}
