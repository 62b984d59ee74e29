//! Consultations: asked for, scheduled, held and rated.

pub mod close_form;
pub mod consultation_card;
mod form_parts;
pub mod given_form;
pub mod hold_form;
pub mod rate_form;
pub mod request_form;
pub mod schedule_form;
