//! Generic widgets every feature uses: fields, selects, tables, pagers, alerts, dialogs,
//! buttons and attached files. They know no feature.

pub mod add_button;
pub mod attachments;
pub mod confirm_dialog;
pub mod data_table;
pub mod date_field;
pub mod empty_state;
pub mod error_alert;
pub mod field_error;
pub mod file_picker;
pub mod filter_select;
pub mod form_actions;
pub mod loading;
pub mod option_select;
pub mod pager;
pub mod print_button;
pub mod search_filters;
pub mod select_field;
pub mod stale_notice;
pub mod success_alert;
pub mod text_field;
pub mod textarea_field;
