//! Events: the event form and a fair's stands.

pub mod event_form;
pub mod fair_stands;
