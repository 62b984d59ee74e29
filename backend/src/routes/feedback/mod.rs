//! Satisfaction feedback: in the app, or through a signed single-use link.

pub mod link;
pub mod list;
pub mod public;
pub mod submit;

use crate::db::DbConnection;
use crate::db::models::delivery::DeliveryRow;
use crate::db::models::feedback::{self, NewFeedback};
use crate::domain::feedback::Answer;
use crate::error::ApiError;
use openapi::feedback::Feedback;

/// Stores an answer about a delivery; a second answer of the same respondent is a 409.
pub fn record(
    conn: &mut DbConnection,
    delivery: &DeliveryRow,
    answer: &Answer,
    respondent_key: &str,
    respondent_user_id: Option<i64>,
    respondent_name: &str,
    via: &str,
) -> Result<Feedback, ApiError> {
    let new = NewFeedback {
        delivery_id: delivery.id,
        resource_id: delivery.resource_id,
        org_id: delivery.org_id,
        recipient_org_id: delivery.recipient_org_id,
        respondent_key,
        respondent_user_id,
        respondent_name,
        csat: answer.csat,
        recommend: answer.recommend,
        ready: answer.ready,
        comment: &answer.comment,
        via,
    };
    let id = feedback::insert(conn, &new).map_err(|err| match ApiError::from(err) {
        ApiError::Conflict { .. } => ApiError::Conflict {
            detail: "This respondent has already rated this delivery.".to_owned(),
            errors: Vec::new(),
        },
        other => other,
    })?;
    Ok(feedback::load(conn, id)?)
}
