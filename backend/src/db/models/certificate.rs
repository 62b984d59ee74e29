//! The `certificates` and `certificate_counters` tables.

use super::{Locked, lock};
use crate::db::DbConnection;
use crate::db::schema::{certificate_counters, certificates};
use chrono::NaiveDate;
use diesel::prelude::*;
use openapi::cohorts::{Certificate, CertificateKind};
use openapi::{EnrolmentId, OrganisationId};

/// A row of `certificates`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = certificates)]
struct CertificateRow {
    number: String,
    org_id: i64,
    kind: String,
    full_name: String,
    holder_org_name: String,
    programme: String,
    cohort_title: String,
    hours: i32,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    issuer_name: String,
    issued_on: NaiveDate,
    code: String,
    revoked_on: Option<NaiveDate>,
    revoked_reason: Option<String>,
}

impl CertificateRow {
    fn into_dto(self) -> Certificate {
        Certificate {
            number: self.number,
            kind: CertificateKind::parse(&self.kind).unwrap_or(CertificateKind::Sertifikat),
            full_name: self.full_name,
            holder_org_name: self.holder_org_name,
            programme: self.programme,
            cohort_title: self.cohort_title,
            hours: self.hours,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            issuer_org_id: OrganisationId(self.org_id),
            issuer_name: self.issuer_name,
            issued_on: self.issued_on,
            code: self.code,
            revoked_on: self.revoked_on,
            revoked_reason: self.revoked_reason,
        }
    }
}

/// The next number in school `org`'s series of `year`, taken in the caller's
/// transaction: the school's row is locked first (PostgreSQL; SQLite's write
/// transaction holds the database), so two completions never take the same number and
/// the series has no gaps.
pub fn next_sequence(conn: &mut DbConnection, org: OrganisationId, year: i32) -> QueryResult<i32> {
    lock(conn, Locked::Organisation, org.0)?;
    let counter = || {
        certificate_counters::table
            .filter(certificate_counters::org_id.eq(org.0))
            .filter(certificate_counters::year.eq(year))
    };
    let moved = diesel::update(counter())
        .set(certificate_counters::last_number.eq(certificate_counters::last_number + 1))
        .execute(conn)?;
    if moved == 0 {
        diesel::insert_into(certificate_counters::table)
            .values((
                certificate_counters::org_id.eq(org.0),
                certificate_counters::year.eq(year),
                certificate_counters::last_number.eq(1),
            ))
            .execute(conn)?;
    }
    counter().select(certificate_counters::last_number).first(conn)
}

/// Stores the certificate of an enrolment, numbered `sequence` of `year`.
pub fn insert(
    conn: &mut DbConnection,
    enrolment: EnrolmentId,
    year: i32,
    sequence: i32,
    certificate: &Certificate,
) -> QueryResult<()> {
    diesel::insert_into(certificates::table)
        .values((
            certificates::enrolment_id.eq(enrolment.0),
            certificates::number.eq(&certificate.number),
            certificates::org_id.eq(certificate.issuer_org_id.0),
            certificates::year.eq(year),
            certificates::sequence.eq(sequence),
            certificates::kind.eq(certificate.kind.as_str()),
            certificates::full_name.eq(&certificate.full_name),
            certificates::holder_org_name.eq(&certificate.holder_org_name),
            certificates::programme.eq(&certificate.programme),
            certificates::cohort_title.eq(&certificate.cohort_title),
            certificates::hours.eq(certificate.hours),
            certificates::starts_on.eq(certificate.starts_on),
            certificates::ends_on.eq(certificate.ends_on),
            certificates::issuer_name.eq(&certificate.issuer_name),
            certificates::issued_on.eq(certificate.issued_on),
            certificates::code.eq(&certificate.code),
            certificates::created_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The certificate of an enrolment.
pub fn of_enrolment(conn: &mut DbConnection, enrolment: EnrolmentId) -> QueryResult<Certificate> {
    certificates::table
        .filter(certificates::enrolment_id.eq(enrolment.0))
        .select(CertificateRow::as_select())
        .first(conn)
        .map(CertificateRow::into_dto)
}

/// A certificate by its number, whole: the public check decides what to show of it.
pub fn by_number(conn: &mut DbConnection, number: &str) -> QueryResult<Certificate> {
    certificates::table
        .filter(certificates::number.eq(number))
        .select(CertificateRow::as_select())
        .first(conn)
        .map(CertificateRow::into_dto)
}

/// Revokes the certificate of an enrolment on `on` with a reason; whether it was still
/// valid (a revoked one stays as it was).
pub fn revoke(
    conn: &mut DbConnection,
    enrolment: EnrolmentId,
    on: NaiveDate,
    reason: &str,
    by: openapi::UserId,
) -> QueryResult<bool> {
    diesel::update(
        certificates::table
            .filter(certificates::enrolment_id.eq(enrolment.0))
            .filter(certificates::revoked_on.is_null()),
    )
    .set((
        certificates::revoked_on.eq(on),
        certificates::revoked_reason.eq(reason),
        certificates::revoked_by.eq(by.0),
    ))
    .execute(conn)
    .map(|changed| changed == 1)
}
