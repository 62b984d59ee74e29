//! Requests and deliveries between schools, feedback links and satisfaction.

pub mod deliveries;
pub mod feedback_links;
pub mod feedback_summary;
pub mod links_issued;
pub mod received_deliveries;
pub mod request_inbox;
pub mod request_summary;
pub mod score_form;
