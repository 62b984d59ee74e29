//! Which files a resource version accepts: a known extension whose content really is of
//! that type (checked by its first bytes), at most [`MAX_FILE_SIZE`].

use crate::domain::text::field_error;
use openapi::FieldError;
use openapi::FieldErrorCode::{InvalidFormat, NotAllowed, OutOfRange, Required, TooLong};

/// The largest file accepted, in bytes (20 MiB).
pub const MAX_FILE_SIZE: usize = 20 * 1024 * 1024;

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0";

/// Extension, media type, and the bytes the content must start with (none: valid UTF-8 text).
const TYPES: &[(&str, &str, Option<&[u8]>)] = &[
    ("pdf", "application/pdf", Some(b"%PDF-")),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some(ZIP),
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some(ZIP),
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Some(ZIP),
    ),
    ("odt", "application/vnd.oasis.opendocument.text", Some(ZIP)),
    ("zip", "application/zip", Some(ZIP)),
    ("doc", "application/msword", Some(OLE)),
    ("png", "image/png", Some(b"\x89PNG\r\n\x1a\n")),
    ("jpg", "image/jpeg", Some(b"\xFF\xD8\xFF")),
    ("jpeg", "image/jpeg", Some(b"\xFF\xD8\xFF")),
    ("txt", "text/plain; charset=utf-8", None),
];

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
    if file_name.chars().count() > 255 || file_name.contains(['/', '\\']) || file_name.chars().any(char::is_control) {
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
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default();
    let Some((_, content_type, magic)) = TYPES.iter().find(|(ext, _, _)| *ext == extension) else {
        return Err(field_error(
            "file_name",
            NotAllowed,
            "accepted types: pdf, docx, doc, xlsx, pptx, odt, txt, png, jpg, zip",
        ));
    };
    let genuine = match magic {
        Some(magic) => content.starts_with(magic),
        None => std::str::from_utf8(content).is_ok(),
    };
    if !genuine {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
