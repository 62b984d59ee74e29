//! The order (приказ) as a DOCX file laid out as a Russian school order: the school's
//! name, «ПРИКАЗ», the date and number, the title, «ПРИКАЗЫВАЮ:», the numbered points,
//! the signature line, and an appendix with the participants and their competence.
//!
//! The file is a minimal WordprocessingML package written directly: content types,
//! relationships, styles (Times New Roman 14 pt), core properties and the document.

pub mod certificate;

use openapi::orders::Order;
use openapi::structures::MemberFunction;
use std::io::Write;

/// A text page width in twentieths of a point (A4 with 3 cm left and 1.5 cm right margins).
const TEXT_WIDTH: u32 = 9355;

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text, bold when asked; tabs become `<w:tab/>`.
fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    text.split('\t')
        .map(|part| format!(r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(part)))
        .collect::<Vec<_>>()
        .join(&format!("<w:r>{props}<w:tab/></w:r>"))
}

/// How a paragraph is aligned.
#[derive(Clone, Copy)]
pub(crate) enum Align {
    /// To the left.
    Left,
    /// Centred.
    Center,
    /// Justified.
    Both,
}

/// A paragraph of one run, aligned, bold when asked, with extra paragraph properties.
pub(crate) fn paragraph(text: &str, align: Align, bold: bool, extra: &str) -> String {
    let jc = match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Both => "both",
    };
    format!(
        r#"<w:p><w:pPr><w:jc w:val="{jc}"/>{extra}</w:pPr>{}</w:p>"#,
        run(text, bold)
    )
}

/// A paragraph with a right tab stop at the text's right edge: left part, tab, right part.
pub(crate) fn spread(left: &str, right: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs></w:pPr>{}</w:p>"#,
        run(&format!("{left}\t{right}"), false)
    )
}

fn cell(text: &str, width: u32, bold: bool) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr>{}</w:p></w:tc>"#,
        run(text, bold)
    )
}

/// The function of a participant as the order names it.
pub fn function_name(function: MemberFunction) -> &'static str {
    match function {
        MemberFunction::Head => "руководитель",
        MemberFunction::Secretary => "секретарь",
        MemberFunction::Member => "член",
        MemberFunction::Expert => "эксперт",
    }
}

/// The order's `word/document.xml`.
pub fn document_xml(order: &Order) -> String {
    let date = order.issued_on.format("%d.%m.%Y").to_string();
    let mut body = String::new();
    body.push_str(&paragraph(&order.org_name, Align::Center, true, ""));
    body.push_str(&paragraph("", Align::Center, false, ""));
    body.push_str(&paragraph(
        "ПРИКАЗ",
        Align::Center,
        true,
        r#"<w:spacing w:before="240" w:after="240"/>"#,
    ));
    body.push_str(&spread(&date, &format!("№ {}", order.number)));
    body.push_str(&paragraph("", Align::Left, false, ""));
    body.push_str(&paragraph(&order.title, Align::Left, true, ""));
    body.push_str(&paragraph("", Align::Left, false, ""));
    body.push_str(&paragraph(
        "В соответствии с Положением об инновационной деятельности, на основании решения \
         педагогического совета об одобрении пакета документов инновационного проекта",
        Align::Both,
        false,
        r#"<w:ind w:firstLine="709"/>"#,
    ));
    body.push_str(&paragraph(
        "ПРИКАЗЫВАЮ:",
        Align::Left,
        true,
        r#"<w:spacing w:before="120" w:after="120"/>"#,
    ));
    for (index, point) in order.points.iter().enumerate() {
        body.push_str(&paragraph(
            &format!("{}. {point}", index + 1),
            Align::Both,
            false,
            r#"<w:ind w:firstLine="709"/>"#,
        ));
    }
    body.push_str(&paragraph("", Align::Left, false, ""));
    body.push_str(&spread(
        &order.signatory_position,
        &format!("_______________ {}", order.signatory_name),
    ));
    if !order.participants.is_empty() {
        body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
        body.push_str(&paragraph(
            &format!("Приложение к приказу от {date} № {}", order.number),
            Align::Left,
            false,
            r#"<w:jc w:val="right"/>"#,
        ));
        body.push_str(&paragraph(
            "Состав участников инновационной деятельности и их компетенция",
            Align::Center,
            true,
            r#"<w:spacing w:before="240" w:after="240"/>"#,
        ));
        let widths = [567, 2600, 2100, 1700, 2388];
        let grid: String = widths.iter().map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#)).collect();
        body.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"#
        ));
        let header = ["№", "Ф. И. О.", "Структура", "Функция", "Компетенция"];
        body.push_str("<w:tr>");
        for (title, width) in header.iter().zip(widths) {
            body.push_str(&cell(title, width, true));
        }
        body.push_str("</w:tr>");
        for (index, participant) in order.participants.iter().enumerate() {
            let number = (index + 1).to_string();
            let values = [
                number.as_str(),
                participant.name.as_str(),
                participant.structure.as_str(),
                function_name(participant.function),
                participant.competence.as_str(),
            ];
            body.push_str("<w:tr>");
            for (value, width) in values.iter().zip(widths) {
                body.push_str(&cell(value, width, false));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

fn core_xml(order: &Order) -> String {
    let at = order.issued_at.unwrap_or(order.updated_at).format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created></cp:coreProperties>"#,
        escape(&format!("Приказ № {} {}", order.number, order.title)),
        escape(&order.org_name)
    )
}

/// The whole DOCX file of an order.
pub fn order_docx(order: &Order) -> std::io::Result<Vec<u8>> {
    package(core_xml(order), document_xml(order))
}

/// A DOCX package of these core properties and document, with the shared styles.
pub(crate) fn package(core: String, document: String) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", STYLES.to_owned()),
        ("docProps/core.xml", core),
        ("word/document.xml", document),
    ];
    for (name, content) in parts {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_tabs_become_tab_elements() {
        assert_eq!(escape("«А» & <Б>"), "«А» &amp; &lt;Б&gt;");
        let spread = run("01.09.2026\t№ 45", false);
        assert!(spread.contains("<w:tab/>"));
        assert!(spread.contains("01.09.2026") && spread.contains("№ 45"));
    }
}
