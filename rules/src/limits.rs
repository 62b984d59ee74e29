//! Numeric limits of the forms, checked by the server and restated by the web app's
//! forms and hints.

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// The longest password accepted, in characters.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// The longest a project may run, in school years after its first one.
pub const MAX_PROJECT_SPAN: i32 = 10;

/// The most directions of work a project may list.
pub const MAX_DIRECTIONS: usize = openapi::limits::DIRECTIONS.max;
