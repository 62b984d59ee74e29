//! Which files an upload accepts: the extension allow-list with each type's media type,
//! and the size limit. The server also checks that the content really is of the type
//! (see the backend's `domain::files`); the web app offers only these extensions.

/// The largest file accepted, in bytes (20 MiB).
pub const MAX_FILE_SIZE: usize = 20 * 1024 * 1024;

/// The longest file name accepted, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// The accepted extensions (lower-case, without the dot) and the media type each is
/// served with, in the order the web app offers them.
pub const TYPES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("doc", "application/msword"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("txt", "text/plain; charset=utf-8"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("zip", "application/zip"),
];

/// The lower-cased extension of a file name, empty without one.
pub fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default()
}

/// The media type of an accepted extension (lower-case); `None` for any other.
pub fn media_type(extension: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|(accepted, _)| *accepted == extension)
        .map(|(_, media_type)| *media_type)
}

/// The `accept` attribute of a file input: `.pdf,.docx,…`.
pub fn accept_attribute() -> String {
    TYPES
        .iter()
        .map(|(extension, _)| format!(".{extension}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_compared_lower_case() {
        assert_eq!(extension("Отчёт.PDF"), "pdf");
        assert_eq!(extension("archive.tar.gz"), "gz");
        assert_eq!(extension("no-extension"), "");
        assert_eq!(media_type(&extension("a.JPEG")), Some("image/jpeg"));
        assert_eq!(media_type("exe"), None);
    }

    #[test]
    fn the_file_input_offers_every_accepted_extension() {
        assert_eq!(
            accept_attribute(),
            ".pdf,.docx,.doc,.xlsx,.pptx,.odt,.txt,.png,.jpg,.jpeg,.zip"
        );
    }
}
