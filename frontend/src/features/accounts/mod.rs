//! Accounts and organisations: users, roles, passwords, profiles.

pub mod organisation_form;
pub mod password_form;
pub mod profile_form;
pub mod role_checkboxes;
pub mod temporary_password;
pub mod user_create_form;
pub mod user_edit_form;
pub mod user_row;
