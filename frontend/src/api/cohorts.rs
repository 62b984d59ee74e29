//! `/api/resources/{id}/cohorts`, `/api/cohorts/…`, `/api/enrolments/…`: cohorts of a
//! training programme, enrolments, attendance, completion and certificates; the
//! signed-in teacher's training and a school's teachers' hours; the public check of a
//! certificate by its number.

use super::ApiError;
use super::client::Call;
use openapi::cohorts::{
    Certificate, CertificateCheck, Cohort, CohortInput, Enrolment, EnrolmentInput, RevocationInput, SessionAttendance,
    SessionAttendanceInput, TeacherTraining, TrainingHistory,
};
use openapi::{CohortId, CohortSessionId, EnrolmentId, OrganisationId, Page, ResourceId};

/// The most rows a list asks for at once (the server's page limit).
const PER_PAGE: u32 = 100;

/// `GET /api/resources/{id}/cohorts`: a programme's cohorts, the latest start first.
pub async fn list_cohorts(resource: ResourceId) -> Result<Page<Cohort>, ApiError> {
    Call::get(format!("/api/resources/{resource}/cohorts"))
        .query("per_page", Some(PER_PAGE))
        .send()
        .await
}

/// `POST /api/resources/{id}/cohorts`: opens a cohort of the programme.
pub async fn create_cohort(resource: ResourceId, input: &CohortInput) -> Result<Cohort, ApiError> {
    Call::post(format!("/api/resources/{resource}/cohorts"))
        .json(input)
        .send()
        .await
}

/// `PUT /api/cohorts/{id}`: the cohort's new state, on the `version` as read.
pub async fn update_cohort(id: CohortId, version: i32, input: &CohortInput) -> Result<Cohort, ApiError> {
    Call::put(format!("/api/cohorts/{id}"))
        .if_match(version)
        .json(input)
        .send()
        .await
}

/// `GET /api/cohorts/{id}`: one cohort with its sessions.
pub async fn get_cohort(id: CohortId) -> Result<Cohort, ApiError> {
    one_cohort(id).send().await
}

/// Starts `GET /api/cohorts/{id}` ahead of the cohort's page, while its code downloads (see
/// [`Call::prefetch`]).
pub fn prefetch_cohort(id: CohortId) {
    one_cohort(id).prefetch();
}

/// `GET /api/cohorts/{id}`.
fn one_cohort(id: CohortId) -> Call {
    Call::get(format!("/api/cohorts/{id}"))
}

/// `GET /api/cohorts/{id}/enrolments`: the enrolments the user may see.
pub async fn list_enrolments(id: CohortId) -> Result<Page<Enrolment>, ApiError> {
    Call::get(format!("/api/cohorts/{id}/enrolments"))
        .query("per_page", Some(PER_PAGE))
        .send()
        .await
}

/// `POST /api/cohorts/{id}/enrolments`: enrols the user, or the teacher `input` names.
pub async fn enrol(id: CohortId, input: &EnrolmentInput) -> Result<Enrolment, ApiError> {
    Call::post(format!("/api/cohorts/{id}/enrolments"))
        .json(input)
        .send()
        .await
}

/// `POST /api/enrolments/{id}/withdraw`.
pub async fn withdraw(id: EnrolmentId) -> Result<Enrolment, ApiError> {
    Call::post(format!("/api/enrolments/{id}/withdraw")).send().await
}

/// `POST /api/enrolments/{id}/complete`: completes the programme and issues the
/// certificate.
pub async fn complete(id: EnrolmentId) -> Result<Enrolment, ApiError> {
    Call::post(format!("/api/enrolments/{id}/complete")).send().await
}

/// `PUT /api/cohort-sessions/{id}/attendance`: who attended the session.
pub async fn mark_attendance(
    session: CohortSessionId,
    input: &SessionAttendanceInput,
) -> Result<SessionAttendance, ApiError> {
    Call::put(format!("/api/cohort-sessions/{session}/attendance"))
        .json(input)
        .send()
        .await
}

/// `GET /api/enrolments/{id}/certificate`: the certificate as printed.
pub async fn certificate(id: EnrolmentId) -> Result<Certificate, ApiError> {
    Call::get(format!("/api/enrolments/{id}/certificate")).send().await
}

/// `GET /api/enrolments/{id}/certificate.docx`: the certificate as a DOCX file.
pub async fn certificate_docx(id: EnrolmentId) -> Result<Vec<u8>, ApiError> {
    Call::get(format!("/api/enrolments/{id}/certificate.docx"))
        .download()
        .await
}

/// `GET /api/me/training`: the signed-in teacher's enrolments and hours.
pub async fn my_training() -> Result<TrainingHistory, ApiError> {
    Call::get("/api/me/training")
        .query("per_page", Some(PER_PAGE))
        .send()
        .await
}

/// `GET /api/organisations/{id}/training`: the school's teachers with their hours.
pub async fn school_training(org: OrganisationId) -> Result<Page<TeacherTraining>, ApiError> {
    Call::get(format!("/api/organisations/{org}/training"))
        .query("per_page", Some(PER_PAGE))
        .send()
        .await
}

/// `GET /api/public/certificates/{number}`: the check of a certificate, without an
/// account; with the verification code, the holder's full name.
pub async fn check_certificate(number: &str, code: Option<&str>) -> Result<CertificateCheck, ApiError> {
    let number = js_sys::encode_uri_component(number);
    Call::get(format!("/api/public/certificates/{number}"))
        .query("code", code)
        .send_public()
        .await
}

/// `POST /api/enrolments/{id}/certificate/revoke`: revokes the certificate with a reason.
pub async fn revoke_certificate(id: EnrolmentId, input: &RevocationInput) -> Result<Certificate, ApiError> {
    Call::post(format!("/api/enrolments/{id}/certificate/revoke"))
        .json(input)
        .send()
        .await
}

/// `GET /api/enrolments/{id}`: one enrolment.
pub async fn get_enrolment(id: EnrolmentId) -> Result<Enrolment, ApiError> {
    Call::get(format!("/api/enrolments/{id}")).send().await
}
