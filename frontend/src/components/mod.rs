//! Reusable pieces of the interface, one component per file.

pub mod confirm_dialog;
pub mod empty_state;
pub mod error_alert;
pub mod field_error;
pub mod forbidden;
pub mod header;
pub mod language_switch;
pub mod loading;
pub mod nav_menu;
pub mod organisation_form;
pub mod pager;
pub mod password_form;
pub mod profile_form;
pub mod require_access;
pub mod role_checkboxes;
pub mod shell;
pub mod temporary_password;
pub mod user_create_form;
pub mod user_edit_form;
pub mod user_row;
