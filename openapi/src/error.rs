//! The RFC 9457 `application/problem+json` body every error response carries.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable error code; clients branch on it, never on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// The body is not valid JSON or does not match the expected shape.
    MalformedBody,
    /// A query string parameter is missing or has the wrong type.
    InvalidQuery,
    /// A path parameter has the wrong type.
    InvalidPath,
    /// The body was understood but some fields are invalid; see `errors`.
    ValidationFailed,
    /// No `Authorization: Bearer` token was sent.
    Unauthenticated,
    /// The access token is malformed, tampered with or signed with another key.
    InvalidToken,
    /// The access token has expired; refresh it.
    TokenExpired,
    /// The access token's session has ended: signed out, or ended by a password change or
    /// reset or a deactivation. Sign in again.
    SessionEnded,
    /// The refresh token is unknown, used already, revoked or expired.
    InvalidRefreshToken,
    /// The e-mail or password is wrong.
    InvalidCredentials,
    /// The account has been deactivated by its school's administrator.
    AccountDisabled,
    /// The current password given for a password change is wrong.
    WrongPassword,
    /// The user is signed in but may not do this.
    Forbidden,
    /// The resource does not exist, or is not visible to this user.
    NotFound,
    /// The HTTP method is not allowed on this path.
    MethodNotAllowed,
    /// The request conflicts with the current state (for example a duplicate).
    Conflict,
    /// A lifecycle transition is not allowed now; `reason` says why.
    TransitionRefused,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body's content type is not accepted here.
    UnsupportedMediaType,
    /// The stored record is at another version than the `If-Match` names: someone else
    /// changed it. Read it again (its `ETag`), check and send the change anew.
    PreconditionFailed,
    /// A change of a versioned record must name the version it was made on, in
    /// `If-Match` (the `ETag` of the last read).
    PreconditionRequired,
    /// The request body did not arrive in time; send it again.
    RequestTimeout,
    /// Too many attempts; wait for the number of seconds in `Retry-After`.
    TooManyRequests,
    /// The database cannot be reached right now.
    DatabaseUnavailable,
    /// The organisation's files would exceed its storage quota (how many files, how many
    /// bytes): `used_files`, `used_bytes`, `quota_files` and `quota_bytes` say how much it
    /// keeps and may keep. Remove files it no longer needs, or ask the operator for more.
    QuotaExceeded,
    /// An unexpected error; the server log has the details under the request id.
    Internal,
    /// A code this client version does not know yet.
    #[serde(other)]
    Unknown,
}

impl ProblemCode {
    /// The snake_case spelling used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MalformedBody => "malformed_body",
            Self::InvalidQuery => "invalid_query",
            Self::InvalidPath => "invalid_path",
            Self::ValidationFailed => "validation_failed",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidToken => "invalid_token",
            Self::TokenExpired => "token_expired",
            Self::SessionEnded => "session_ended",
            Self::InvalidRefreshToken => "invalid_refresh_token",
            Self::InvalidCredentials => "invalid_credentials",
            Self::AccountDisabled => "account_disabled",
            Self::WrongPassword => "wrong_password",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::Conflict => "conflict",
            Self::TransitionRefused => "transition_refused",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PreconditionFailed => "precondition_failed",
            Self::PreconditionRequired => "precondition_required",
            Self::RequestTimeout => "request_timeout",
            Self::TooManyRequests => "too_many_requests",
            Self::DatabaseUnavailable => "database_unavailable",
            Self::QuotaExceeded => "quota_exceeded",
            Self::Internal => "internal",
            Self::Unknown => "unknown",
        }
    }
}

/// Why an action was refused by the state of the record (a `409`): the `reason` of a
/// `transition_refused` or `conflict` problem. Clients translate it; the `detail` is
/// English for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// The resource is already at the asked lifecycle stage.
    SameStage,
    /// The lifecycle moves forward one step at a time.
    SkipsAStep,
    /// Going back to an earlier stage needs a reason.
    ReasonRequired,
    /// Design needs an accepted consumer request or a competitive assignment.
    NoAcceptedRequest,
    /// Production needs a design document or a completed pilot.
    NoDesignDocument,
    /// Delivery needs a produced version.
    NoProducedVersion,
    /// The satisfaction check needs at least one delivery.
    NoDelivery,
    /// The ranking round is frozen: no problems, edits or scores.
    RankingFrozen,
    /// The round's criteria cannot change once a score is in.
    RankingScored,
    /// The problem is cited by a project and cannot be removed.
    ProblemCited,
    /// The structure's composition is approved already.
    AlreadyApproved,
    /// The document version is not under review.
    NotUnderReview,
    /// There is nothing new to submit.
    NothingToSubmit,
    /// The order is issued and cannot change; a change is a new order.
    OrderIssued,
    /// The project's document package is not approved.
    PackageNotApproved,
    /// Not every structure of the project is approved.
    StructuresNotApproved,
    /// The project cites no problem of a frozen ranking.
    NoRankedProblems,
    /// The platform status of this school year is confirmed already.
    YearConfirmed,
    /// The delivery has as many feedback links as it may have.
    FeedbackLinkLimit,
    /// The respondent (by e-mail) has a feedback link for this delivery already, or has
    /// answered about it.
    FeedbackRespondentLinked,
    /// The pilot is concluded and does not change any more.
    PilotConcluded,
    /// The teacher is enrolled in this cohort already (or on its waiting list).
    AlreadyEnrolled,
    /// The cohort has finished: no more enrolments.
    CohortFinished,
    /// The cohort has not started yet: nobody completes it.
    CohortNotStarted,
    /// The enrolment is on the waiting list.
    EnrolmentWaiting,
    /// The enrolment is withdrawn.
    EnrolmentWithdrawn,
    /// The enrolment is completed; its certificate is issued.
    EnrolmentCompleted,
    /// The event is cancelled: it does not change and takes no registrations.
    EventCancelled,
    /// Only a draft event is published.
    EventNotDraft,
    /// The event is not open to registration: not published, not open to the city, or over.
    RegistrationClosed,
    /// Every place of the event is taken.
    EventFull,
    /// The caller is registered for the event already.
    AlreadyRegistered,
    /// Attendance is marked from the event's first day.
    EventNotStarted,
    /// Feedback is asked for from the event's last day.
    EventNotOver,
    /// The attendees have been asked for feedback already.
    FeedbackAlreadyRequested,
    /// The organiser has not asked for feedback yet.
    FeedbackNotRequested,
    /// Only an attendee answers about an event.
    NotAttended,
    /// The caller has answered already.
    AlreadyAnswered,
    /// Stands are presented at an organised fair only.
    NotAFair,
    /// The fair is not published, or is over: no stands, no ratings.
    FairClosed,
    /// Only an account registered for the fair (registered or recorded present) rates
    /// its stands.
    NotRegisteredForFair,
    /// The caller's school presents a stand at this fair already: one stand per school.
    AlreadyPresented,
    /// The fair has as many stands as a fair may have.
    StandLimit,
    /// The consultation is held, declined or cancelled and does not change any more.
    ConsultationClosed,
    /// A scheduled consultation is cancelled, not declined.
    ConsultationScheduled,
    /// Only a held consultation is rated.
    ConsultationNotHeld,
    /// Nobody marks their own attendance, completes their own enrolment or revokes their
    /// own certificate: another person of the host school does.
    OwnRecord,
    /// The hours attended are below the cohort's threshold for completion.
    AttendanceBelowThreshold,
    /// The certificate is already revoked.
    CertificateRevoked,
    /// The list has as many entries as it may have (a project's plan items, indicators,
    /// risks or structures, a pilot's risks); each limit is stated in its operation's
    /// description.
    ItemLimit,
}

impl RefusalReason {
    /// Every reason.
    pub const ALL: &'static [Self] = &[
        Self::SameStage,
        Self::SkipsAStep,
        Self::ReasonRequired,
        Self::NoAcceptedRequest,
        Self::NoDesignDocument,
        Self::NoProducedVersion,
        Self::NoDelivery,
        Self::RankingFrozen,
        Self::RankingScored,
        Self::ProblemCited,
        Self::AlreadyApproved,
        Self::NotUnderReview,
        Self::NothingToSubmit,
        Self::OrderIssued,
        Self::PackageNotApproved,
        Self::StructuresNotApproved,
        Self::NoRankedProblems,
        Self::YearConfirmed,
        Self::FeedbackLinkLimit,
        Self::FeedbackRespondentLinked,
        Self::PilotConcluded,
        Self::AlreadyEnrolled,
        Self::CohortFinished,
        Self::CohortNotStarted,
        Self::EnrolmentWaiting,
        Self::EnrolmentWithdrawn,
        Self::EnrolmentCompleted,
        Self::EventCancelled,
        Self::EventNotDraft,
        Self::RegistrationClosed,
        Self::EventFull,
        Self::AlreadyRegistered,
        Self::EventNotStarted,
        Self::EventNotOver,
        Self::FeedbackAlreadyRequested,
        Self::FeedbackNotRequested,
        Self::NotAttended,
        Self::AlreadyAnswered,
        Self::NotAFair,
        Self::FairClosed,
        Self::NotRegisteredForFair,
        Self::AlreadyPresented,
        Self::StandLimit,
        Self::ConsultationClosed,
        Self::ConsultationScheduled,
        Self::ConsultationNotHeld,
        Self::OwnRecord,
        Self::AttendanceBelowThreshold,
        Self::CertificateRevoked,
        Self::ItemLimit,
    ];

    /// The snake_case spelling used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SameStage => "same_stage",
            Self::SkipsAStep => "skips_a_step",
            Self::ReasonRequired => "reason_required",
            Self::NoAcceptedRequest => "no_accepted_request",
            Self::NoDesignDocument => "no_design_document",
            Self::NoProducedVersion => "no_produced_version",
            Self::NoDelivery => "no_delivery",
            Self::RankingFrozen => "ranking_frozen",
            Self::RankingScored => "ranking_scored",
            Self::ProblemCited => "problem_cited",
            Self::AlreadyApproved => "already_approved",
            Self::NotUnderReview => "not_under_review",
            Self::NothingToSubmit => "nothing_to_submit",
            Self::OrderIssued => "order_issued",
            Self::PackageNotApproved => "package_not_approved",
            Self::StructuresNotApproved => "structures_not_approved",
            Self::NoRankedProblems => "no_ranked_problems",
            Self::YearConfirmed => "year_confirmed",
            Self::FeedbackLinkLimit => "feedback_link_limit",
            Self::FeedbackRespondentLinked => "feedback_respondent_linked",
            Self::PilotConcluded => "pilot_concluded",
            Self::AlreadyEnrolled => "already_enrolled",
            Self::CohortFinished => "cohort_finished",
            Self::CohortNotStarted => "cohort_not_started",
            Self::EnrolmentWaiting => "enrolment_waiting",
            Self::EnrolmentWithdrawn => "enrolment_withdrawn",
            Self::EnrolmentCompleted => "enrolment_completed",
            Self::EventCancelled => "event_cancelled",
            Self::EventNotDraft => "event_not_draft",
            Self::RegistrationClosed => "registration_closed",
            Self::EventFull => "event_full",
            Self::AlreadyRegistered => "already_registered",
            Self::EventNotStarted => "event_not_started",
            Self::EventNotOver => "event_not_over",
            Self::FeedbackAlreadyRequested => "feedback_already_requested",
            Self::FeedbackNotRequested => "feedback_not_requested",
            Self::NotAttended => "not_attended",
            Self::AlreadyAnswered => "already_answered",
            Self::NotAFair => "not_a_fair",
            Self::FairClosed => "fair_closed",
            Self::NotRegisteredForFair => "not_registered_for_fair",
            Self::AlreadyPresented => "already_presented",
            Self::StandLimit => "stand_limit",
            Self::ConsultationClosed => "consultation_closed",
            Self::ConsultationScheduled => "consultation_scheduled",
            Self::ConsultationNotHeld => "consultation_not_held",
            Self::OwnRecord => "own_record",
            Self::AttendanceBelowThreshold => "attendance_below_threshold",
            Self::CertificateRevoked => "certificate_revoked",
            Self::ItemLimit => "item_limit",
        }
    }
}

/// What is wrong with one field of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// The field is missing or empty.
    Required,
    /// The value is shorter than allowed.
    TooShort,
    /// The value is longer than allowed.
    TooLong,
    /// The value does not have the expected format (for example an e-mail address).
    InvalidFormat,
    /// The value is outside the allowed range.
    OutOfRange,
    /// The value is already taken by another record.
    Taken,
    /// The value is not allowed in this situation.
    NotAllowed,
    /// A code this client version does not know yet.
    #[serde(other)]
    Unknown,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as it appears in the request body or query (`email`, `roles`).
    pub field: String,
    /// What is wrong with it.
    pub code: FieldErrorCode,
    /// A human-readable explanation in English; clients show their own text by `code`.
    pub message: String,
}

/// An RFC 9457 problem details body (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI reference naming the problem type (`urn:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the problem type, in English.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// An explanation of this occurrence, in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable machine-readable code.
    pub code: ProblemCode,
    /// The invalid fields, for `validation_failed` and some `conflict` problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// A finer stable code for `transition_refused` and for a `conflict` with the
    /// record's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
    /// The id of the request, as logged by the server and sent in `x-request-id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// For `quota_exceeded`: how many files the organisation keeps now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_files: Option<i64>,
    /// For `quota_exceeded`: how many bytes the organisation's files take now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_bytes: Option<i64>,
    /// For `quota_exceeded`: how many files the organisation may keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_files: Option<i64>,
    /// For `quota_exceeded`: how many bytes the organisation's files may take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota_bytes: Option<i64>,
}
