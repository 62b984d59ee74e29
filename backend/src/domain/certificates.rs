//! Certificates of completion (Regulation 1.3 c): when one is issued, what it states,
//! and what the public check shows of it.
//!
//! - A teacher completes once the hours of the sessions they attended reach the
//!   cohort's threshold: `hours × threshold %`, rounded up (75 % unless the cohort states
//!   another share). The certificate states the hours attended, not the cohort's.
//! - Nobody certifies themselves: the teacher's own attendance mark, completion and
//!   revocation are another person's acts (`own_record`).
//! - A certificate is an «удостоверение» for 16 certified hours or more, a «сертификат»
//!   below, numbered `<host school id>-<year>-<sequence of four digits>`; the number is
//!   guessable, so each certificate also carries a random verification code of 80 bits
//!   (20 hexadecimal digits). The public check shows the holder's full name only with
//!   the right code, the masked name («Л*** С. О.») otherwise.

use crate::domain::error::DomainError;
use openapi::cohorts::CertificateKind;
use openapi::{OrganisationId, RefusalReason};

/// The hours a teacher must attend of a cohort of `hours` with a threshold of
/// `threshold` per cent: rounded up, so that 75 % of 10 hours is 8.
pub fn required_hours(hours: i32, threshold: i32) -> i32 {
    let product = i64::from(hours.max(0)) * i64::from(threshold.clamp(0, 100));
    i32::try_from((product + 99) / 100).unwrap_or(i32::MAX)
}

/// Refuses a completion whose attended hours are below the required ones
/// (`attendance_below_threshold`).
pub fn attended_enough(attended: i32, required: i32) -> Result<(), DomainError> {
    if attended < required {
        return Err(DomainError::refused(
            RefusalReason::AttendanceBelowThreshold,
            format!("{attended} hours attended; completion needs {required}."),
        ));
    }
    Ok(())
}

/// Refuses an act on one's own record (`own_record`): `what` says which.
pub fn not_own(actor_is_holder: bool, what: &str) -> Result<(), DomainError> {
    if actor_is_holder {
        return Err(DomainError::refused(
            RefusalReason::OwnRecord,
            format!("Nobody {what} their own enrolment: another person of the host school does."),
        ));
    }
    Ok(())
}

/// The document a completion of `hours` certified hours issues.
pub fn kind(hours: i32) -> CertificateKind {
    if hours >= 16 {
        CertificateKind::Udostoverenie
    } else {
        CertificateKind::Sertifikat
    }
}

/// The number of the `sequence`th certificate of school `org` in `year`.
pub fn number(org: OrganisationId, year: i32, sequence: i32) -> String {
    format!("{}-{year}-{sequence:04}", org.0)
}

/// Whether a text can be a certificate number at all (digits and dashes, short), so that
/// a lookup of anything else answers at once.
pub fn plausible_number(number: &str) -> bool {
    (5..=32).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// A verification code from 10 random bytes: 20 upper-case hexadecimal digits.
pub fn code(random: [u8; 10]) -> String {
    random.iter().map(|byte| format!("{byte:02X}")).collect()
}

/// A code as typed, compared with the stored one: spaces and hyphens dropped, upper case.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether the typed code is the certificate's, compared in constant time over the
/// stored code's length.
pub fn code_matches(typed: &str, stored: &str) -> bool {
    let typed = normalise_code(typed);
    let (a, b) = (typed.as_bytes(), stored.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0_u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// The code as printed: groups of four digits.
pub fn printed_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A full name masked for the public check: the surname's first letter and three stars,
/// then the initials of the other names («Лебедева Светлана Олеговна» → «Л*** С. О.»).
pub fn masked_name(full_name: &str) -> String {
    let mut words = full_name.split_whitespace();
    let Some(surname) = words.next() else {
        return String::new();
    };
    let mut masked: String = surname.chars().take(1).collect();
    masked.push_str("***");
    for word in words {
        if let Some(initial) = word.chars().next() {
            masked.push(' ');
            masked.push(initial);
            masked.push('.');
        }
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_hours_round_up() {
        assert_eq!(required_hours(36, 75), 27);
        assert_eq!(required_hours(10, 75), 8);
        assert_eq!(required_hours(16, 75), 12);
        assert_eq!(required_hours(16, 100), 16);
        assert_eq!(required_hours(1, 1), 1);
    }

    #[test]
    fn attendance_below_the_threshold_is_refused_with_its_figures() {
        assert!(attended_enough(12, 12).is_ok());
        let refused = attended_enough(8, 12).unwrap_err();
        assert_eq!(refused.reason(), Some(RefusalReason::AttendanceBelowThreshold));
        assert!(refused.to_string().contains("8 hours attended; completion needs 12"));
    }

    #[test]
    fn one_s_own_record_is_refused() {
        assert!(not_own(false, "completes").is_ok());
        assert_eq!(
            not_own(true, "completes").unwrap_err().reason(),
            Some(RefusalReason::OwnRecord)
        );
    }

    #[test]
    fn the_kind_follows_the_certified_hours() {
        assert_eq!(kind(16), CertificateKind::Udostoverenie);
        assert_eq!(kind(15), CertificateKind::Sertifikat);
    }

    #[test]
    fn numbers_are_per_school_and_year_with_four_digits() {
        assert_eq!(number(OrganisationId(7), 2027, 3), "7-2027-0003");
        assert_eq!(number(OrganisationId(61), 2027, 12345), "61-2027-12345");
        assert!(plausible_number("7-2027-0003"));
        assert!(!plausible_number("1-2027-0007' OR 1=1"));
        assert!(!plausible_number("7-2027-abc"));
        assert!(!plausible_number("7"));
    }

    #[test]
    fn codes_are_twenty_hex_digits_and_compare_as_typed() {
        let code = code([0xAB, 0x01, 0x23, 0x45, 0x67, 0x89, 0xCD, 0xEF, 0x00, 0xFF]);
        assert_eq!(code, "AB0123456789CDEF00FF");
        assert_eq!(printed_code(&code), "AB01-2345-6789-CDEF-00FF");
        assert!(code_matches("ab01-2345-6789-cdef-00ff", &code));
        assert!(code_matches(" AB01 2345 6789 CDEF 00FF ", &code));
        assert!(!code_matches("AB0123456789CDEF00FE", &code));
        assert!(!code_matches("AB01", &code));
        assert!(!code_matches("", &code));
    }

    #[test]
    fn names_are_masked_to_a_letter_and_initials() {
        assert_eq!(masked_name("Лебедева Светлана Олеговна"), "Л*** С. О.");
        assert_eq!(masked_name("  Иванов   Пётр "), "И*** П.");
        assert_eq!(masked_name("Сократ"), "С***");
        assert_eq!(masked_name(""), "");
    }
}
