//! A project: its card and form, tabs, indicators, plan and the platform's yearly
//! confirmations.

pub mod directions_editor;
pub mod indicator_card;
pub mod indicator_form;
pub mod plan_item_form;
pub mod platform_confirmations;
pub mod problem_picker;
pub mod project_card;
pub mod project_form;
pub mod project_indicators;
pub mod project_plan;
pub mod project_resources;
pub mod project_tabs;
