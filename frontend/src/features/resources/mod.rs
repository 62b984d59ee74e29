//! A resource: its card, form, authors, kit and versions.

pub mod authors_editor;
pub mod kit_items_editor;
pub mod resource_card;
pub mod resource_form;
pub mod versions;
