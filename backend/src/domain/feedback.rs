//! Rules of satisfaction feedback: the ranges of the scores; whom a link is for (one
//! e-mail, one link, one answer per delivery) and how many links a delivery has.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::feedback::{FeedbackInput, FeedbackLinkInput};
use openapi::{FieldErrorCode, UserId, limits};

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

/// The refusal of a link beyond the delivery's recipients.
pub fn link_limit_reached(recipients: i32) -> DomainError {
    DomainError::refused(
        openapi::RefusalReason::FeedbackLinkLimit,
        format!("This delivery reached {recipients} people, and has as many feedback links."),
    )
}

/// The refusal of a second link, or of a link after an answer, for one e-mail on one
/// delivery.
pub fn respondent_linked() -> DomainError {
    DomainError::refused(
        openapi::RefusalReason::FeedbackRespondentLinked,
        "This respondent has a feedback link for this delivery already, or has answered about it.",
    )
}

/// The refusal of a second answer by one respondent on one delivery.
pub fn already_answered() -> DomainError {
    DomainError::refused(
        openapi::RefusalReason::AlreadyAnswered,
        "This respondent has already rated this delivery.",
    )
}

/// A validated request for a feedback link, before its account (if any) is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRequest {
    /// The e-mail given, normalised (trimmed, lower-cased).
    pub email: Option<String>,
    /// The account of the receiving school named instead.
    pub user: Option<UserId>,
    /// The name given, trimmed.
    pub respondent: Option<String>,
    /// Days the link stays valid.
    pub valid_days: u32,
}

/// Whom a link is for, settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respondent {
    /// The normalised e-mail: one link and one answer per delivery.
    pub email: String,
    /// The name the page shows.
    pub name: String,
}

/// An account a link may name: its e-mail and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its e-mail.
    pub email: String,
    /// Its full name.
    pub name: String,
}

impl LinkRequest {
    /// Parses a link request, reporting every invalid field at once: an e-mail unless an
    /// account is named, a name of 3–200 characters or blank, the validity (14 days when
    /// not given).
    pub fn parse(input: &FeedbackLinkInput) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let email = if input.email.trim().is_empty() && input.user_id.is_some() {
            None
        } else {
            errors.take(text::email("email", &input.email))
        };
        let respondent = errors.take(text::optional("respondent", &input.respondent, limits::RESPONDENT));
        let valid_days = errors.take(text::in_range(
            "valid_days",
            input.valid_days.unwrap_or(14),
            limits::VALID_DAYS,
        ));
        errors.finish()?;
        Ok(Self {
            email,
            user: input.user_id,
            respondent: respondent.flatten(),
            valid_days: valid_days.unwrap_or(14),
        })
    }

    /// Settles whom the link is for: the named account (an active account of the
    /// receiving school, read by the caller; `None` when there is no such account), whose
    /// e-mail an e-mail given must equal; otherwise the e-mail given.
    pub fn respondent(&self, account: Option<Account>) -> Result<Respondent, DomainError> {
        let Some(user) = self.user else {
            let email = self.email.clone().unwrap_or_default();
            let name = self.respondent.clone().unwrap_or_else(|| email.clone());
            return Ok(Respondent { email, name });
        };
        let Some(account) = account else {
            return Err(DomainError::field(
                "user_id",
                FieldErrorCode::NotAllowed,
                format!("user {} is not an active account of the receiving school", user.0),
            ));
        };
        let email = account.email.trim().to_lowercase();
        if self.email.as_ref().is_some_and(|given| *given != email) {
            return Err(DomainError::field(
                "email",
                FieldErrorCode::NotAllowed,
                "differs from the named account's e-mail",
            ));
        }
        let name = self.respondent.clone().unwrap_or(account.name);
        Ok(Respondent { email, name })
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

    fn link(email: &str, user: Option<i64>, respondent: &str) -> FeedbackLinkInput {
        FeedbackLinkInput {
            email: email.into(),
            user_id: user.map(UserId),
            respondent: respondent.into(),
            valid_days: None,
        }
    }

    #[test]
    fn a_link_names_an_e_mail_trimmed_and_lower_cased() {
        let parsed = LinkRequest::parse(&link("  Mironova@Gym17.RU ", None, "")).unwrap();
        let who = parsed.respondent(None).unwrap();
        assert_eq!(
            (who.email.as_str(), who.name.as_str()),
            ("mironova@gym17.ru", "mironova@gym17.ru")
        );
        assert_eq!(parsed.valid_days, 14);
        assert_eq!(
            invalid(LinkRequest::parse(&link("", None, "Миронова"))),
            "email Required"
        );
        assert_eq!(
            invalid(LinkRequest::parse(&link("mironova", None, ""))),
            "email InvalidFormat"
        );
        assert_eq!(
            invalid(LinkRequest::parse(&link("a@b.ru", None, "Ми"))),
            "respondent TooShort"
        );
    }

    #[test]
    fn a_link_for_an_account_takes_its_e_mail_and_name() {
        let account = || {
            Some(Account {
                email: "partner@gym17.demo".into(),
                name: "Лебедев С. О.".into(),
            })
        };
        let by_account = LinkRequest::parse(&link("", Some(7), "")).unwrap();
        assert_eq!(
            by_account.respondent(account()).unwrap(),
            Respondent {
                email: "partner@gym17.demo".into(),
                name: "Лебедев С. О.".into()
            }
        );
        assert_eq!(invalid(by_account.respondent(None)), "user_id NotAllowed");
        let same = LinkRequest::parse(&link(" Partner@GYM17.demo", Some(7), "Сергей")).unwrap();
        assert_eq!(same.respondent(account()).unwrap().name, "Сергей");
        let other = LinkRequest::parse(&link("other@gym17.demo", Some(7), "")).unwrap();
        assert_eq!(invalid(other.respondent(account())), "email NotAllowed");
    }
}
