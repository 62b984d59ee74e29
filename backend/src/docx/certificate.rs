//! A certificate of completion as a DOCX file, laid out as Russian schools issue them:
//! the issuing school, «УДОСТОВЕРЕНИЕ о повышении квалификации» (16 hours or more) or
//! «СЕРТИФИКАТ», the number, the holder's ФИО and school, the programme, the hours and
//! dates attended, the day of issue, the director's signature line, and the verification
//! code with the address of the check; a revoked one says so under its heading.

use super::{Align, escape, package, paragraph, spread};
use openapi::cohorts::{Certificate, CertificateKind};

/// The heading and the line under it.
fn heading(kind: CertificateKind) -> (&'static str, &'static str) {
    match kind {
        CertificateKind::Udostoverenie => ("УДОСТОВЕРЕНИЕ", "о повышении квалификации"),
        CertificateKind::Sertifikat => ("СЕРТИФИКАТ", "участника обучения"),
    }
}

/// The certificate's `word/document.xml`.
pub fn document_xml(certificate: &Certificate) -> String {
    let date = |day: chrono::NaiveDate| day.format("%d.%m.%Y").to_string();
    let (title, subtitle) = heading(certificate.kind);
    let centred = |text: &str, bold: bool, extra: &str| paragraph(text, Align::Center, bold, extra);
    let mut body = String::new();
    body.push_str(&centred(&certificate.issuer_name, true, ""));
    body.push_str(&centred("", false, ""));
    body.push_str(&centred(title, true, r#"<w:spacing w:before="480"/>"#));
    body.push_str(&centred(subtitle, false, ""));
    body.push_str(&centred(
        &format!("№ {}", certificate.number),
        true,
        r#"<w:spacing w:before="240" w:after="480"/>"#,
    ));
    if let Some(revoked) = certificate.revoked_on {
        body.push_str(&centred(&format!("ОТОЗВАНО {}", date(revoked)), true, ""));
    }
    body.push_str(&centred("Настоящим удостоверяется, что", false, ""));
    body.push_str(&centred(
        &certificate.full_name,
        true,
        r#"<w:spacing w:before="240" w:after="120"/>"#,
    ));
    body.push_str(&centred(&format!("({})", certificate.holder_org_name), false, ""));
    body.push_str(&paragraph(
        &format!(
            "в период с {} по {} прошёл(а) обучение по программе повышения квалификации «{}» ({}) \
             в объёме {} ч.",
            date(certificate.starts_on),
            date(certificate.ends_on),
            certificate.programme,
            certificate.cohort_title,
            certificate.hours
        ),
        Align::Both,
        false,
        r#"<w:spacing w:before="240" w:after="480"/><w:ind w:firstLine="709"/>"#,
    ));
    body.push_str(&spread("Директор", "_______________"));
    body.push_str(&paragraph("", Align::Left, false, ""));
    body.push_str(&spread(
        &format!("Дата выдачи: {}", date(certificate.issued_on)),
        "М. П.",
    ));
    body.push_str(&paragraph(
        &format!(
            "Код проверки: {}. Подлинность проверяется на странице /verify/{}?code={}",
            crate::domain::certificates::printed_code(&certificate.code),
            certificate.number,
            certificate.code
        ),
        Align::Left,
        false,
        r#"<w:spacing w:before="480"/>"#,
    ));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

fn core_xml(certificate: &Certificate) -> String {
    let (title, subtitle) = heading(certificate.kind);
    let at = certificate.issued_on.format("%Y-%m-%dT00:00:00Z");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created></cp:coreProperties>"#,
        escape(&format!(
            "{title} {subtitle} № {} {}",
            certificate.number, certificate.full_name
        )),
        escape(&certificate.issuer_name)
    )
}

/// The whole DOCX file of a certificate.
pub fn docx(certificate: &Certificate) -> std::io::Result<Vec<u8>> {
    package(core_xml(certificate), document_xml(certificate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use openapi::OrganisationId;

    #[test]
    fn the_certificate_names_the_holder_the_programme_the_hours_and_the_number() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let certificate = Certificate {
            number: "1-2027-0001".to_owned(),
            kind: CertificateKind::Udostoverenie,
            full_name: "Орлова Наталья Павловна".to_owned(),
            holder_org_name: "МБОУ «СОШ № 12»".to_owned(),
            programme: "Формирующее оценивание & обратная связь".to_owned(),
            cohort_title: "Поток январь 2027".to_owned(),
            hours: 36,
            starts_on: day(10),
            ends_on: day(30),
            issuer_org_id: OrganisationId(1),
            issuer_name: "МБОУ «СОШ № 61»".to_owned(),
            issued_on: day(30),
            code: "AB0123456789CDEF00FF".to_owned(),
            revoked_on: None,
            revoked_reason: None,
        };
        let xml = document_xml(&certificate);
        for expected in [
            "УДОСТОВЕРЕНИЕ",
            "№ 1-2027-0001",
            "Орлова Наталья Павловна",
            "обратная связь",
            "&amp;",
            "36 ч.",
            "с 10.01.2027 по 30.01.2027",
            "Код проверки: AB01-2345-6789-CDEF-00FF",
            "/verify/1-2027-0001?code=AB0123456789CDEF00FF",
        ] {
            assert!(xml.contains(expected), "{expected}");
        }
        assert!(!xml.contains("ОТОЗВАНО"));
        let bytes = docx(&certificate).unwrap();
        assert_eq!(&bytes[..2], b"PK", "a zip package");
        let revoked = Certificate {
            revoked_on: Some(day(31)),
            revoked_reason: Some("Выдано по ошибке".to_owned()),
            ..certificate
        };
        assert!(document_xml(&revoked).contains("ОТОЗВАНО 31.01.2027"));
    }
}
