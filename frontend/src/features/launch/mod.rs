//! Launching a project: the package documents and their review, the structures, the
//! orders and the ranking of problems.

pub mod innovation_map;
pub mod map_risks;
pub mod order_card;
pub mod order_form;
pub mod order_sheet;
pub mod package_document;
pub mod problem_entry;
pub mod project_orders;
pub mod project_package;
pub mod project_structures;
pub mod ranking_round;
pub mod review_thread;
pub mod structure_card;
pub mod structure_form;
pub mod version_review;
