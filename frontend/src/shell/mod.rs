//! The signed-in frame: the layout with its header, navigation and language switch, the
//! access gate of a page, and the home page's reminders.

pub mod forbidden;
pub mod header;
pub mod language_switch;
pub mod layout;
pub mod nav_menu;
pub mod reminders;
pub mod require_access;
