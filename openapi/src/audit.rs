//! The audit trail (R24): who changed what, and when.

use crate::ids::{OrganisationId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// The kind of record an audit entry is about, as `entity` spells it.
    pub enum AuditEntity {
        /// An organisation (a school or the committee).
        Organisation = "organisation",
        /// A user account.
        User = "user",
        /// An innovation project.
        Project = "project",
        /// An educational resource.
        Resource = "resource",
        /// A version of a resource.
        ResourceVersion = "resource_version",
        /// A file of a resource version.
        ResourceFile = "resource_file",
        /// A consumer request.
        Request = "request",
        /// A delivery to a consumer school.
        Delivery = "delivery",
        /// A satisfaction answer.
        Feedback = "feedback",
        /// A ranking round.
        RankingRound = "ranking_round",
        /// A problem of a ranking round.
        Problem = "problem",
        /// A managing structure.
        Structure = "structure",
        /// A version of a package document.
        DocumentVersion = "document_version",
        /// An item of the work plan.
        PlanItem = "plan_item",
        /// A results indicator.
        Indicator = "indicator",
        /// An order (приказ).
        Order = "order",
        /// An attached file.
        Attachment = "attachment",
        /// A pilot of a resource version.
        Pilot = "pilot",
        /// A risk of a project or a pilot.
        Risk = "risk",
        /// A cohort (поток) of a training programme, with its sessions and attendance.
        Cohort = "cohort",
        /// A teacher's enrolment in a cohort, with its certificate.
        Enrolment = "enrolment",
        /// An event.
        Event = "event",
        /// A registration for an event.
        Registration = "registration",
        /// A stand at a fair.
        Stand = "stand",
        /// A consultation given by one school to another.
        Consultation = "consultation",
        /// A recipient's answer about a held consultation.
        ConsultationFeedback = "consultation_feedback",
    }
}

crate::wire_enum! {
    /// What happened to the record, as `action` spells it.
    pub enum AuditAction {
        /// Created.
        Create = "create",
        /// Changed.
        Update = "update",
        /// Deleted.
        Delete = "delete",
        /// Moved to another lifecycle stage.
        Transition = "transition",
        /// A temporary password was issued.
        PasswordReset = "password_reset",
        /// A request was accepted.
        Accept = "accept",
        /// A request was answered.
        Answer = "answer",
        /// A request was declined.
        Decline = "decline",
        /// A file was uploaded.
        Upload = "upload",
        /// Confirmed (a delivery received, a platform year).
        Confirm = "confirm",
        /// A ranking round was frozen.
        Freeze = "freeze",
        /// A problem was scored.
        Score = "score",
        /// An order was issued.
        Issue = "issue",
        /// Approved.
        Approve = "approve",
        /// Returned for revision.
        Return = "return",
        /// A comment was added.
        Comment = "comment",
        /// Signed in (the client address in `after`).
        SignIn = "sign_in",
        /// Signed out.
        SignOut = "sign_out",
        /// A sign-in to this account failed: a wrong password, a deactivated account, or
        /// too many attempts (the client address and the reason in `after`).
        SignInFailed = "sign_in_failed",
        /// The user changed their own password.
        PasswordChange = "password_change",
        /// A feedback link was issued for a delivery (the respondent and expiry in `after`).
        LinkIssue = "link_issue",
        /// A pilot was concluded.
        Conclude = "conclude",
        /// A teacher was enrolled in a cohort (or put on its waiting list).
        Enrol = "enrol",
        /// An enrolment was withdrawn.
        Withdraw = "withdraw",
        /// An enrolment was completed and its certificate issued.
        Complete = "complete",
        /// The attendance of a cohort's session was marked.
        Attendance = "attendance",
        /// An event was published to the calendar.
        Publish = "publish",
        /// An event, a registration or a consultation was cancelled.
        Cancel = "cancel",
        /// The attendees were asked for feedback.
        FeedbackRequest = "feedback_request",
        /// A stand was rated.
        Rate = "rate",
        /// A consultation was scheduled or rescheduled.
        Schedule = "schedule",
        /// A consultation was recorded as held.
        Hold = "hold",
        /// A certificate was revoked by its issuer (the reason in `after`).
        Revoke = "revoke",
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// The entry's id; entries are listed newest first.
    pub id: i64,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it (absent for the system).
    pub actor_id: Option<UserId>,
    /// Their name at the time of reading.
    pub actor_name: Option<String>,
    /// The school whose record changed.
    pub org_id: Option<OrganisationId>,
    /// The kind of record (`project`, `resource`, `user`, …).
    pub entity: String,
    /// The record's id.
    pub entity_id: i64,
    /// What happened (`create`, `update`, `transition`, …).
    pub action: String,
    /// The record before the change (absent on creation).
    pub before: Option<serde_json::Value>,
    /// The record after the change.
    pub after: Option<serde_json::Value>,
}

/// Filters of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct AuditFilter {
    /// Only this school's records (the committee may read every school).
    pub org_id: Option<OrganisationId>,
    /// Only this kind of record.
    pub entity: Option<String>,
    /// Only this record (with `entity`).
    pub entity_id: Option<i64>,
}
