//! Managing structures of a project (Regulation 4.2): council, creative group,
//! laboratory, department — with members, their functions and the director's approval.

use crate::wire_enum;
use crate::{OrganisationId, ProjectId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// The kind of a managing structure.
    pub enum StructureKind {
        /// Council (совет).
        Council = "council",
        /// Creative group (творческая группа).
        CreativeGroup = "creative_group",
        /// Laboratory (лаборатория).
        Laboratory = "laboratory",
        /// Department (кафедра).
        Department = "department",
    }
}

wire_enum! {
    /// A member's function in a structure.
    pub enum MemberFunction {
        /// Head (руководитель); exactly one per structure.
        Head = "head",
        /// Secretary (секретарь); at most one.
        Secretary = "secretary",
        /// Member (член).
        Member = "member",
        /// Expert (эксперт).
        Expert = "expert",
    }
}

wire_enum! {
    /// Where a structure's composition stands.
    pub enum StructureStatus {
        /// Never approved.
        Draft = "draft",
        /// The current composition is the one the director approved last.
        Approved = "approved",
        /// Changed after an approval: needs approval again.
        Changed = "changed",
    }
}

/// A member of a structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct StructureMember {
    /// The account (of the same school).
    pub user_id: UserId,
    /// The person's name.
    pub name: String,
    /// The function.
    pub function: MemberFunction,
    /// What they are responsible for; the order quotes it as their competence.
    pub competence: String,
}

/// A member as sent by the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct MemberInput {
    /// An active account of the school.
    pub user_id: UserId,
    /// The function.
    pub function: MemberFunction,
    /// What they are responsible for.
    pub competence: String,
}

/// One approval of a structure's composition by the director.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct StructureApproval {
    /// 1 for the first approval, then 2, 3…
    pub number: i32,
    /// The composition as approved.
    pub members: Vec<StructureMember>,
    /// The director who approved it.
    pub approved_by: Option<UserId>,
    /// Their name.
    pub approved_by_name: Option<String>,
    /// When.
    pub approved_at: DateTime<Utc>,
    /// The structure's version the director approved (the `If-Match` of the approval);
    /// absent for approvals recorded before versions were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structure_version: Option<i32>,
}

/// A managing structure with its members and approval history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Structure {
    /// The structure's id.
    pub id: i64,
    /// The school.
    pub org_id: OrganisationId,
    /// The project it manages.
    pub project_id: ProjectId,
    /// Council, creative group, laboratory or department.
    pub kind: StructureKind,
    /// Its name («Творческая группа учителей математики»).
    pub name: String,
    /// Draft, approved, or changed since the last approval.
    pub status: StructureStatus,
    /// The current members, the head first.
    pub members: Vec<StructureMember>,
    /// Every approval, the latest first.
    pub approvals: Vec<StructureApproval>,
    /// When it was formed.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A new structure, or the whole new composition of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct StructureInput {
    /// The kind.
    pub kind: StructureKind,
    /// The name.
    pub name: String,
    /// The members, each account once, exactly one head, at most one secretary.
    pub members: Vec<MemberInput>,
}
