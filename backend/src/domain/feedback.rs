//! Rules of satisfaction feedback: the ranges of the scores and of a link request.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::feedback::{FeedbackInput, FeedbackLinkInput};
use openapi::limits;

/// A validated answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// 1–5.
    pub csat: u8,
    /// 0–10.
    pub recommend: u8,
    /// Ready to recommend.
    pub ready: bool,
    /// Trimmed comment (may be empty).
    pub comment: String,
}

impl Answer {
    /// Parses an answer, reporting every invalid field at once.
    pub fn parse(input: &FeedbackInput) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        errors.take(text::in_range("csat", input.csat, limits::CSAT));
        errors.take(text::in_range("recommend", input.recommend, limits::RECOMMEND));
        let comment = errors
            .take(text::optional("comment", &input.comment, limits::LONG_NOTE))
            .map(Option::unwrap_or_default);
        errors.finish()?;
        Ok(Self {
            csat: input.csat,
            recommend: input.recommend,
            ready: input.ready,
            comment: comment.unwrap_or_default(),
        })
    }
}

/// Feedback links a delivery may have. A delivery is one handover, training or event at
/// one school, so a few dozen respondents cover it; the cap keeps a school from filling
/// the figures with invented respondents.
pub const MAX_LINKS_PER_DELIVERY: i32 = 30;

/// The refusal of a link beyond [`MAX_LINKS_PER_DELIVERY`].
pub fn link_limit_reached() -> DomainError {
    DomainError::Refused {
        reason: openapi::RefusalReason::FeedbackLinkLimit,
        detail: format!("A delivery has at most {MAX_LINKS_PER_DELIVERY} feedback links."),
    }
}

/// A validated request for a feedback link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRequest {
    /// Whom the link is for, trimmed.
    pub respondent: String,
    /// Days the link stays valid.
    pub valid_days: u32,
}

impl LinkRequest {
    /// Parses a link request: the respondent first, then the validity (14 days
    /// when not given).
    pub fn parse(input: &FeedbackLinkInput) -> Result<Self, DomainError> {
        let respondent = text::bounded("respondent", &input.respondent, limits::RESPONDENT)?;
        let valid_days = text::in_range("valid_days", input.valid_days.unwrap_or(14), limits::VALID_DAYS)?;
        Ok(Self { respondent, valid_days })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::error::invalid;

    fn input(csat: u8, recommend: u8) -> FeedbackInput {
        FeedbackInput {
            csat,
            recommend,
            ready: true,
            comment: "  Полезно  ".into(),
        }
    }

    #[test]
    fn scores_are_bounded_at_both_ends() {
        assert!(Answer::parse(&input(1, 0)).is_ok());
        assert_eq!(Answer::parse(&input(5, 10)).unwrap().comment, "Полезно");
        assert_eq!(invalid(Answer::parse(&input(0, 5))), "csat OutOfRange");
        assert_eq!(invalid(Answer::parse(&input(6, 5))), "csat OutOfRange");
        assert_eq!(invalid(Answer::parse(&input(3, 11))), "recommend OutOfRange");
    }
}
