//! Which files a resource version accepts: an extension of the shared allow-list
//! ([`rules::files`]) whose content really is of that type, at most [`MAX_FILE_SIZE`].
//!
//! The content is identified by the `infer` crate, and packages are looked inside: an
//! office document must be a ZIP package that declares the document's main part (a ZIP
//! with a text file in it is not a DOCX), an OpenDocument text must name its type in its
//! `mimetype` entry, and a DOC must be an OLE compound file that holds a Word document
//! (not any compound file, such as an XLS).

use crate::domain::text::field_error;
use openapi::FieldError;
use openapi::FieldErrorCode::{InvalidFormat, NotAllowed, OutOfRange, Required, TooLong};
use std::io::{Cursor, Read};

pub use rules::files::{MAX_FILE_NAME_CHARS, MAX_FILE_SIZE};

/// The most of a package's `[Content_Types].xml` or `mimetype` entry that is read.
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

/// An accepted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedFile {
    /// The trimmed file name.
    pub file_name: String,
    /// The media type, by the extension.
    pub content_type: &'static str,
}

/// Checks a file's name, size and content.
pub fn accept(file_name: &str, content: &[u8]) -> Result<AcceptedFile, FieldError> {
    let file_name = file_name.trim();
    if file_name.is_empty() {
        return Err(field_error("file_name", Required, "the file needs a name"));
    }
    if file_name.chars().count() > MAX_FILE_NAME_CHARS
        || file_name.contains(['/', '\\'])
        || file_name.chars().any(char::is_control)
    {
        return Err(field_error(
            "file_name",
            InvalidFormat,
            "a plain file name of at most 255 characters",
        ));
    }
    if content.is_empty() {
        return Err(field_error("file", Required, "the file is empty"));
    }
    if content.len() > MAX_FILE_SIZE {
        return Err(field_error("file", TooLong, "at most 20 MiB"));
    }
    let extension = rules::files::extension(file_name);
    let Some(content_type) = rules::files::media_type(&extension) else {
        return Err(field_error(
            "file_name",
            NotAllowed,
            "accepted types: pdf, docx, doc, xlsx, pptx, odt, txt, png, jpg, zip",
        ));
    };
    if !is_genuine(&extension, content) {
        return Err(field_error(
            "file",
            OutOfRange,
            format!("the content is not a {extension} file"),
        ));
    }
    Ok(AcceptedFile {
        file_name: file_name.to_owned(),
        content_type,
    })
}

/// Whether the content is of the type its (accepted, lower-case) extension names.
fn is_genuine(extension: &str, content: &[u8]) -> bool {
    match extension {
        "pdf" => infer::archive::is_pdf(content),
        "png" => infer::image::is_png(content),
        "jpg" | "jpeg" => infer::image::is_jpeg(content),
        "zip" => infer::archive::is_zip(content),
        "docx" => is_office_package(content, "wordprocessingml.document.main+xml", "word/"),
        "xlsx" => is_office_package(content, "spreadsheetml.sheet.main+xml", "xl/"),
        "pptx" => is_office_package(content, "presentationml.presentation.main+xml", "ppt/"),
        "odt" => is_open_document(content, "application/vnd.oasis.opendocument.text"),
        "doc" => is_word_binary(content),
        "txt" => std::str::from_utf8(content).is_ok(),
        _ => false,
    }
}

/// An Office Open XML package: a ZIP whose `[Content_Types].xml` declares the main part
/// `application/vnd.openxmlformats-officedocument.<main>` and that has parts under
/// `folder`. (infer's own OOXML check only looks at the names of the first local
/// headers, so it misses packages written in another order; the package is read instead.)
fn is_office_package(content: &[u8], main: &str, folder: &str) -> bool {
    if !infer::archive::is_zip(content) {
        return false;
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(content)) else {
        return false;
    };
    if !archive.file_names().any(|name| name.starts_with(folder)) {
        return false;
    }
    let main = format!("application/vnd.openxmlformats-officedocument.{main}");
    read_entry(&mut archive, "[Content_Types].xml").is_some_and(|types| types.contains(&main))
}

/// An OpenDocument package of the media type `media_type`: infer finds the `mimetype`
/// entry first, as the format requires, and the entry names exactly that type.
fn is_open_document(content: &[u8], media_type: &str) -> bool {
    if !infer::odf::is_odt(content) {
        return false;
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(content)) else {
        return false;
    };
    read_entry(&mut archive, "mimetype").is_some_and(|declared| declared.trim() == media_type)
}

/// A Word 97–2003 document: an OLE compound file that infer recognises as Word (by its
/// root class id) or that holds the `WordDocument` stream.
fn is_word_binary(content: &[u8]) -> bool {
    if !has_ole_header(content) {
        return false;
    }
    infer::doc::is_doc(content)
        || cfb::CompoundFile::open(Cursor::new(content)).is_ok_and(|file| file.is_stream("/WordDocument"))
}

/// The signature every OLE compound file starts with.
fn has_ole_header(content: &[u8]) -> bool {
    content.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// The text of a package entry, if it exists, is UTF-8 and is not larger than
/// [`MAX_MANIFEST_BYTES`].
fn read_entry(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.take(MAX_MANIFEST_BYTES + 1).read_to_string(&mut text).ok()?;
    (text.len() as u64 <= MAX_MANIFEST_BYTES).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::refused_field;
    use std::io::Write;

    const DOCX_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;

    /// A ZIP of `entries`, the first one stored (as a `mimetype` entry must be).
    fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (index, (name, text)) in entries.iter().enumerate() {
            let method = if index == 0 {
                zip::CompressionMethod::Stored
            } else {
                zip::CompressionMethod::Deflated
            };
            let options = zip::write::SimpleFileOptions::default().compression_method(method);
            writer.start_file(*name, options).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn minimal_docx() -> Vec<u8> {
        zip_of(&[
            ("[Content_Types].xml", DOCX_TYPES),
            ("word/document.xml", "<w:document/>"),
        ])
    }

    /// An OLE compound file with one stream of each name.
    fn compound_file(streams: &[&str]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        for name in streams {
            file.create_stream(name)
                .unwrap()
                .write_all(b"\x00\x01\x02\x03")
                .unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn a_pdf_is_accepted_by_name_and_content() {
        let file = accept(" Сценарий урока.PDF ", b"%PDF-1.7 ...").unwrap();
        assert_eq!(
            (file.file_name.as_str(), file.content_type),
            ("Сценарий урока.PDF", "application/pdf")
        );
    }

    #[test]
    fn a_renamed_executable_is_refused() {
        assert_eq!(accept("отчёт.pdf", b"MZ\x90\x00binary").unwrap_err().field, "file");
        assert_eq!(accept("отчёт.docx", b"%PDF-1.4").unwrap_err().field, "file");
        assert_eq!(accept("text.txt", b"\xff\xfe\x00").unwrap_err().field, "file");
    }

    #[test]
    fn unknown_types_names_and_sizes_are_refused() {
        assert_eq!(accept("virus.exe", b"MZ").unwrap_err().code, NotAllowed);
        assert_eq!(accept("no-extension", b"text").unwrap_err().code, NotAllowed);
        assert_eq!(accept("../etc/passwd.txt", b"x").unwrap_err().code, InvalidFormat);
        assert_eq!(accept("empty.txt", b"").unwrap_err().code, Required);
        let big = vec![b'a'; MAX_FILE_SIZE + 1];
        assert_eq!(accept("big.txt", &big).unwrap_err().code, TooLong);
        assert!(accept("ok.txt", &big[..MAX_FILE_SIZE]).is_ok());
    }

    #[test]
    fn a_minimal_docx_is_accepted() {
        let file = accept("План работы.docx", &minimal_docx()).unwrap();
        assert_eq!(
            file.content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
    }

    #[test]
    fn a_zip_with_a_text_file_is_not_an_office_document() {
        let zip = zip_of(&[("notes.txt", "just text")]);
        for name in ["a.docx", "a.xlsx", "a.pptx", "a.odt"] {
            let refused = accept(name, &zip).unwrap_err();
            assert_eq!((refused.field.as_str(), refused.code), ("file", OutOfRange), "{name}");
        }
        assert!(accept("a.zip", &zip).is_ok(), "it is still a fine ZIP");
    }

    #[test]
    fn a_package_must_declare_the_main_part_of_its_own_type() {
        let docx = minimal_docx();
        assert_eq!(
            refused_field(accept("a.xlsx", &docx)),
            "file OutOfRange",
            "a DOCX is not an XLSX"
        );
        assert_eq!(
            refused_field(accept("a.pptx", &docx)),
            "file OutOfRange",
            "a DOCX is not a PPTX"
        );
        let undeclared = zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", "<w:document/>"),
        ]);
        assert_eq!(
            refused_field(accept("a.docx", &undeclared)),
            "file OutOfRange",
            "no main part declared"
        );
        let no_part = zip_of(&[("[Content_Types].xml", DOCX_TYPES)]);
        assert_eq!(
            refused_field(accept("a.docx", &no_part)),
            "file OutOfRange",
            "no part under word/"
        );
        let mut truncated = docx.clone();
        truncated.truncate(docx.len() / 2);
        assert_eq!(
            refused_field(accept("a.docx", &truncated)),
            "file OutOfRange",
            "a broken archive"
        );
    }

    #[test]
    fn an_open_document_text_names_its_type_in_the_mimetype_entry() {
        let odt = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<office:document-content/>"),
        ]);
        assert_eq!(
            accept("a.odt", &odt).unwrap().content_type,
            "application/vnd.oasis.opendocument.text"
        );
        let spreadsheet = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<office:document-content/>"),
        ]);
        assert_eq!(refused_field(accept("a.odt", &spreadsheet)), "file OutOfRange");
    }

    #[test]
    fn a_doc_must_be_a_word_compound_file() {
        let word = compound_file(&["WordDocument", "1Table"]);
        assert_eq!(accept("a.doc", &word).unwrap().content_type, "application/msword");
        let workbook = compound_file(&["Workbook"]);
        assert_eq!(accept("a.doc", &workbook).unwrap_err().code, OutOfRange);
        let bare_header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really a compound file";
        assert_eq!(accept("a.doc", bare_header).unwrap_err().code, OutOfRange);
    }

    #[test]
    fn images_are_checked_by_their_signature() {
        assert!(accept("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR").is_ok());
        assert!(accept("a.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF").is_ok());
        assert_eq!(
            refused_field(accept("a.png", b"\xFF\xD8\xFF\xE0\x00\x10JFIF")),
            "file OutOfRange"
        );
    }
}
