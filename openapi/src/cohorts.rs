//! Teacher training (Regulation 1.3 c, capability R4): a training programme resource is
//! run as cohorts (потоки) with dates, format, hours, capacity, place or online link,
//! trainers and sessions; teachers of any school enrol (a waiting list when full), their
//! attendance is marked per session by the host (never by the teacher themselves), and
//! completion — once the hours attended reach the cohort's threshold — issues a
//! certificate numbered per host school and year with a random verification code; the
//! public check shows the holder's full name only with that code.

use crate::resources::ProgrammeFormat;
use crate::wire_enum;
use crate::{CohortId, CohortSessionId, EnrolmentId, OrganisationId, Page, ResourceId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// Where a cohort stands, derived from its dates.
    pub enum CohortStatus {
        /// Not started yet (today is before `starts_on`).
        Planned = "planned",
        /// Between its first and last day.
        Running = "running",
        /// Its last day has passed.
        Finished = "finished",
    }
}

wire_enum! {
    /// Where a teacher's enrolment stands.
    pub enum EnrolmentStatus {
        /// Has a place in the cohort.
        Enrolled = "enrolled",
        /// On the waiting list: the cohort was full; takes the first place that frees.
        Waiting = "waiting",
        /// Completed the programme; the certificate is issued.
        Completed = "completed",
        /// Withdrawn (by the teacher, their school or the host).
        Withdrawn = "withdrawn",
    }
}

wire_enum! {
    /// The document a completion issues: an «удостоверение о повышении квалификации» for a
    /// programme of 16 hours or more, a «сертификат» for a shorter one.
    pub enum CertificateKind {
        /// Удостоверение о повышении квалификации (16 hours or more).
        Udostoverenie = "udostoverenie",
        /// Сертификат (under 16 hours).
        Sertifikat = "sertifikat",
    }
}

/// One session (занятие) of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CohortSession {
    /// The session's id (attendance is marked on it).
    pub id: CohortSessionId,
    /// The day.
    pub held_on: NaiveDate,
    /// The topic.
    pub topic: String,
    /// Its academic hours.
    pub hours: i32,
}

/// A cohort (поток) of a training programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Cohort {
    /// The cohort's id.
    pub id: CohortId,
    /// The host school (the programme's school).
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_short_name: String,
    /// The training programme (a resource of form `training_programme`).
    pub resource_id: ResourceId,
    /// The programme's title (the topic of the certificates).
    pub resource_title: String,
    /// The cohort's title («Поток январь 2027»).
    pub title: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day.
    pub ends_on: NaiveDate,
    /// In person, at a distance, or both.
    pub format: ProgrammeFormat,
    /// The hours: the sum of the sessions' hours when it has sessions, the planned hours
    /// otherwise.
    pub hours: i32,
    /// Places; enrolments beyond it wait.
    pub capacity: i32,
    /// The share of `hours` (per cent) a teacher must attend to complete.
    pub attendance_threshold: i32,
    /// The hours a teacher must attend to complete: `hours` × `attendance_threshold` %,
    /// rounded up.
    pub required_hours: i32,
    /// Where it meets (in person and blended); may be blank.
    pub place: String,
    /// The online link (distance and blended); may be blank.
    pub online_link: String,
    /// The trainers' names.
    pub trainers: Vec<String>,
    /// The sessions, by day.
    pub sessions: Vec<CohortSession>,
    /// Planned, running or finished (as of today, UTC).
    pub status: CohortStatus,
    /// Teachers with a place (enrolled or completed).
    pub enrolled: i64,
    /// Teachers on the waiting list.
    pub waiting: i64,
    /// Teachers who completed it.
    pub completed: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// The record's version: 1 when created, one more after every change. Its `ETag` is
    /// `"<version>"`; a change sends it back in `If-Match`.
    pub version: i32,
}

/// A session of a cohort as sent: a new one, or an existing one by its id (a session
/// left out of a change is removed with its attendance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CohortSessionInput {
    /// The existing session this is; none for a new one.
    #[serde(default)]
    pub id: Option<CohortSessionId>,
    /// The day, within the cohort's dates.
    pub held_on: NaiveDate,
    /// The topic.
    pub topic: String,
    /// Its academic hours.
    pub hours: i32,
}

/// A new cohort, or the whole new state of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CohortInput {
    /// The cohort's title.
    pub title: String,
    /// The first day.
    pub starts_on: NaiveDate,
    /// The last day, not before `starts_on`.
    pub ends_on: NaiveDate,
    /// The format; the programme's when omitted.
    #[serde(default)]
    pub format: Option<ProgrammeFormat>,
    /// The planned hours; the programme's when omitted. The sessions' hours, when there
    /// are sessions, are the hours shown and certified.
    #[serde(default)]
    pub hours: Option<i32>,
    /// Places.
    pub capacity: i32,
    /// The share of the hours (per cent, 1–100) a teacher must attend to complete; 75
    /// when omitted.
    #[serde(default)]
    pub attendance_threshold: Option<i32>,
    /// Where it meets: required in person and blended.
    #[serde(default)]
    pub place: String,
    /// The online link (`https://…`): required at a distance and blended.
    #[serde(default)]
    pub online_link: String,
    /// The trainers' names, at least one.
    pub trainers: Vec<String>,
    /// The sessions.
    #[serde(default)]
    pub sessions: Vec<CohortSessionInput>,
}

/// A teacher's enrolment in a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Enrolment {
    /// The enrolment's id.
    pub id: EnrolmentId,
    /// The cohort.
    pub cohort_id: CohortId,
    /// Its title.
    pub cohort_title: String,
    /// The programme.
    pub resource_id: ResourceId,
    /// The programme's title.
    pub resource_title: String,
    /// The host school.
    pub host_org_id: OrganisationId,
    /// The cohort's first day.
    pub starts_on: NaiveDate,
    /// The cohort's last day.
    pub ends_on: NaiveDate,
    /// The teacher.
    pub user_id: UserId,
    /// The teacher's full name.
    pub full_name: String,
    /// The teacher's school.
    pub org_id: OrganisationId,
    /// Its short name.
    pub org_short_name: String,
    /// Enrolled, waiting, completed or withdrawn.
    pub status: EnrolmentStatus,
    /// The place on the waiting list (1 is next), while waiting.
    pub position: Option<i64>,
    /// Who enrolled them (themselves, their school's administration, the host).
    pub enrolled_by: UserId,
    /// When.
    pub enrolled_at: DateTime<Utc>,
    /// The sessions they attended.
    pub attended: Vec<CohortSessionId>,
    /// The hours of those sessions.
    pub attended_hours: i32,
    /// The hours certified, once completed.
    pub hours: Option<i32>,
    /// The day of completion.
    pub completed_on: Option<NaiveDate>,
    /// The certificate's number, once completed.
    pub certificate_number: Option<String>,
}

/// Whom to enrol: the caller when `user_id` is omitted; otherwise an active teacher of
/// the caller's own school, which only its administration (director or administrator)
/// may enrol. Nobody enrols a person of another school.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EnrolmentInput {
    /// The teacher; the caller when omitted.
    #[serde(default)]
    pub user_id: Option<UserId>,
}

/// Who attended one session: the whole list, replacing the marks so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SessionAttendanceInput {
    /// The enrolments present (enrolled or completed ones of the session's cohort).
    pub present: Vec<EnrolmentId>,
}

/// The marks of one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SessionAttendance {
    /// The session.
    pub session_id: CohortSessionId,
    /// The enrolments present, by id.
    pub present: Vec<EnrolmentId>,
}

/// A certificate of completion, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Certificate {
    /// Its number: `<host school id>-<year>-<sequence>`, sequential per school and year.
    pub number: String,
    /// Удостоверение or сертификат.
    pub kind: CertificateKind,
    /// The holder's full name (ФИО), as at completion.
    pub full_name: String,
    /// The holder's school, as at completion.
    pub holder_org_name: String,
    /// The programme's title (the topic).
    pub programme: String,
    /// The cohort's title.
    pub cohort_title: String,
    /// The hours certified: the hours of the sessions the holder attended.
    pub hours: i32,
    /// The first day of training.
    pub starts_on: NaiveDate,
    /// The last day of training.
    pub ends_on: NaiveDate,
    /// The issuing (host) school.
    pub issuer_org_id: OrganisationId,
    /// Its full name.
    pub issuer_name: String,
    /// The day of issue.
    pub issued_on: NaiveDate,
    /// The verification code (20 hexadecimal digits, 80 random bits), printed on the
    /// certificate; the public check shows the full name only with it.
    pub code: String,
    /// The day the issuer revoked it, if it did.
    pub revoked_on: Option<NaiveDate>,
    /// Why it was revoked.
    pub revoked_reason: Option<String>,
}

/// Why a certificate is revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RevocationInput {
    /// The reason, kept with the certificate and in the audit trail.
    pub reason: String,
}

/// The public check's query: the verification code printed on the certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct CertificateCheckQuery {
    /// The verification code (case, spaces and hyphens do not matter). Without it, or
    /// with a wrong one, the holder's name is shown masked.
    #[serde(default)]
    pub code: Option<String>,
}

/// A certificate as the public check shows it: who, what, how long, who issued it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CertificateCheck {
    /// The number checked.
    pub number: String,
    /// Удостоверение or сертификат.
    pub kind: CertificateKind,
    /// Whether the code sent matches the certificate's: `null` when none was sent.
    pub code_matches: Option<bool>,
    /// The holder's full name (ФИО): only when the code matches.
    pub full_name: Option<String>,
    /// The holder's name masked: the surname's first letter and the initials
    /// («Л*** С. О.»).
    pub masked_name: String,
    /// The day the issuer revoked it: a revoked certificate certifies nothing.
    pub revoked_on: Option<NaiveDate>,
    /// The programme's title.
    pub programme: String,
    /// The hours certified.
    pub hours: i32,
    /// The first day of training.
    pub starts_on: NaiveDate,
    /// The last day of training.
    pub ends_on: NaiveDate,
    /// The issuing school's full name.
    pub issuer_name: String,
    /// The day of issue.
    pub issued_on: NaiveDate,
}

/// The signed-in teacher's training: their enrolments, the latest first, and the hours
/// of the completed ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct TrainingHistory {
    /// Hours of every completed programme.
    pub total_hours: i64,
    /// Programmes completed.
    pub completed: i64,
    /// One page of enrolments.
    pub enrolments: Page<Enrolment>,
}

/// One teacher of a school with their training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct TeacherTraining {
    /// The teacher.
    pub user_id: UserId,
    /// Their full name.
    pub full_name: String,
    /// Hours of completed programmes.
    pub hours: i64,
    /// Programmes completed.
    pub completed: i64,
    /// Enrolments in progress (enrolled or waiting).
    pub in_progress: i64,
}
