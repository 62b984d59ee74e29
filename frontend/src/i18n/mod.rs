//! The interface texts in Russian (the default) and English, and the language in use.
//!
//! Components read texts through [`I18n::t`], which tracks the language signal, so a
//! switch re-renders every text at once. The choice is kept in `localStorage`.

mod choice;
mod cohort_texts;
mod consultation_texts;
mod dissemination_texts;
mod en;
mod event_texts;
mod feedback_link_texts;
mod launch;
mod launch_en;
mod launch_ru;
mod launch_texts;
mod pilot_texts;
mod ru;
mod texts;
mod work;
mod work_texts;

#[cfg(test)]
mod tests;

pub use choice::Choice;
pub use en::EN;
pub use ru::RU;
pub use texts::Texts;

use crate::api::ApiError;
use crate::storage;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::users::{Locale, Role};
use openapi::{FieldErrorCode, ProblemCode, RefusalReason};

const KEY: &str = "innovation-platform.locale";

/// Picks one text out of a catalogue, so a component can be told which text to show
/// and still follow the language: `|t| t.deactivate`.
pub type Pick = fn(&Texts) -> &'static str;

/// The catalogue of a language.
pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Ru => &RU,
        Locale::En => &EN,
    }
}

/// The language in use, shared through the context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// Creates the language signal from the stored choice (Russian without one), keeps
    /// `<html lang>` in step with it and provides it to the components below.
    pub fn provide() -> Self {
        let stored = storage::get(KEY).and_then(|tag| Locale::parse(&tag));
        let i18n = Self {
            locale: RwSignal::new(stored.unwrap_or_default()),
        };
        Effect::new(move |_| {
            let tag = i18n.locale.get().as_str();
            if let Some(root) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.document_element())
            {
                let _ = root.set_attribute("lang", tag);
            }
        });
        provide_context(i18n);
        i18n
    }

    /// The texts of the language in use (reactive).
    pub fn t(self) -> &'static Texts {
        texts(self.locale.get())
    }

    /// The language in use (reactive).
    pub fn locale(self) -> Locale {
        self.locale.get()
    }

    /// The language in use, without subscribing to changes.
    pub fn locale_untracked(self) -> Locale {
        self.locale.get_untracked()
    }

    /// Switches the language and remembers the choice in this browser.
    pub fn set_locale(self, locale: Locale) {
        storage::set(KEY, locale.as_str());
        self.locale.set(locale);
    }

    /// Whether the user chose a language in this browser.
    pub fn has_stored_choice(self) -> bool {
        storage::get(KEY).is_some_and(|tag| Locale::parse(&tag).is_some())
    }
}

/// The language context provided by [`I18n::provide`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

impl Texts {
    /// The name of a role.
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin,
            Role::Council => self.role_council,
            Role::Staff => self.role_staff,
            Role::Supervisor => self.role_supervisor,
            Role::Committee => self.role_committee,
            Role::Partner => self.role_partner,
        }
    }

    /// What a role does on the platform.
    pub fn role_about(&self, role: Role) -> &'static str {
        match role {
            Role::Admin => self.role_admin_about,
            Role::Council => self.role_council_about,
            Role::Staff => self.role_staff_about,
            Role::Supervisor => self.role_supervisor_about,
            Role::Committee => self.role_committee_about,
            Role::Partner => self.role_partner_about,
        }
    }

    /// The names of several roles, comma-separated.
    pub fn role_list(&self, roles: &[Role]) -> String {
        roles.iter().map(|role| self.role(*role)).collect::<Vec<_>>().join(", ")
    }

    /// The name of an organisation kind.
    pub fn kind(&self, kind: OrganisationKind) -> &'static str {
        match kind {
            OrganisationKind::School => self.kind_school,
            OrganisationKind::Committee => self.kind_committee,
        }
    }

    /// The message for a failed call.
    pub fn error(&self, error: &ApiError) -> &'static str {
        match error {
            ApiError::Network => self.err_network,
            ApiError::SignedOut => self.err_signed_out,
            ApiError::Unexpected => self.err_internal,
            ApiError::Problem(problem) => match problem.code {
                ProblemCode::Conflict | ProblemCode::TransitionRefused => {
                    problem.reason.map_or(self.err_conflict, |reason| self.refusal(reason))
                }
                ProblemCode::PayloadTooLarge => self.lifecycle.file_too_large,
                ProblemCode::QuotaExceeded => self.lifecycle.storage_full,
                code => self.problem(code),
            },
        }
    }

    /// Why the server refused an action, from the problem's `reason`.
    pub fn refusal(&self, reason: RefusalReason) -> &'static str {
        use RefusalReason as R;
        let (launch, lifecycle) = (&self.launch, &self.lifecycle);
        match reason {
            R::SameStage => lifecycle.refused_same_stage,
            R::SkipsAStep => lifecycle.refused_skips_a_step,
            R::ReasonRequired => lifecycle.refused_reason_required,
            R::NoAcceptedRequest => lifecycle.refused_no_accepted_request,
            R::NoDesignDocument => lifecycle.refused_no_design_document,
            R::NoProducedVersion => lifecycle.refused_no_produced_version,
            R::NoDelivery => lifecycle.refused_no_delivery,
            R::RankingFrozen => launch.refused_ranking_frozen,
            R::RankingScored => launch.refused_ranking_scored,
            R::ProblemCited => launch.refused_problem_cited,
            R::AlreadyApproved => launch.refused_already_approved,
            R::NotUnderReview => launch.refused_not_under_review,
            R::NothingToSubmit => launch.refused_nothing_to_submit,
            R::OrderIssued => launch.refused_order_issued,
            R::PackageNotApproved => launch.refused_package_not_approved,
            R::StructuresNotApproved => launch.refused_structures_not_approved,
            R::NoRankedProblems => launch.refused_no_ranked_problems,
            R::YearConfirmed => launch.refused_year_confirmed,
            R::FeedbackLinkLimit => self.feedback_links.refused_limit,
            R::FeedbackRespondentLinked => self.feedback_links.refused_linked,
            R::PilotConcluded => launch.refused_pilot_concluded,
            R::ItemLimit => launch.refused_item_limit,
            R::AlreadyEnrolled => self.cohorts.refused_already_enrolled,
            R::CohortFinished => self.cohorts.refused_cohort_finished,
            R::CohortNotStarted => self.cohorts.refused_cohort_not_started,
            R::EnrolmentWaiting => self.cohorts.refused_enrolment_waiting,
            R::EnrolmentWithdrawn => self.cohorts.refused_enrolment_withdrawn,
            R::EnrolmentCompleted => self.cohorts.refused_enrolment_completed,
            R::OwnRecord => self.cohorts.refused_own_record,
            R::AttendanceBelowThreshold => self.cohorts.refused_below_threshold,
            R::CertificateRevoked => self.cohorts.refused_certificate_revoked,
            R::EventCancelled => self.events.refused_event_cancelled,
            R::EventNotDraft => self.events.refused_event_not_draft,
            R::RegistrationClosed => self.events.refused_registration_closed,
            R::EventFull => self.events.refused_event_full,
            R::AlreadyRegistered => self.events.refused_already_registered,
            R::EventNotStarted => self.events.refused_event_not_started,
            R::EventNotOver => self.events.refused_event_not_over,
            R::FeedbackAlreadyRequested => self.events.refused_feedback_already_requested,
            R::FeedbackNotRequested => self.events.refused_feedback_not_requested,
            R::NotAttended => self.events.refused_not_attended,
            R::AlreadyAnswered => self.events.refused_already_answered,
            R::NotAFair => self.events.refused_not_a_fair,
            R::FairClosed => self.events.refused_fair_closed,
            R::NotRegisteredForFair => self.events.refused_not_registered_for_fair,
            R::AlreadyPresented => self.events.refused_already_presented,
            R::StandLimit => self.events.refused_stand_limit,
            R::ConsultationClosed => self.consultations.refused_closed,
            R::ConsultationScheduled => self.consultations.refused_scheduled,
            R::ConsultationNotHeld => self.consultations.refused_not_held,
        }
    }

    /// The message for a problem code.
    pub fn problem(&self, code: ProblemCode) -> &'static str {
        match code {
            ProblemCode::InvalidCredentials => self.err_invalid_credentials,
            ProblemCode::AccountDisabled => self.err_account_disabled,
            ProblemCode::WrongPassword => self.err_wrong_password,
            ProblemCode::Forbidden => self.err_forbidden,
            ProblemCode::NotFound => self.err_not_found,
            ProblemCode::Conflict | ProblemCode::TransitionRefused => self.err_conflict,
            ProblemCode::ValidationFailed => self.err_validation,
            ProblemCode::PreconditionFailed => self.err_stale,
            ProblemCode::TooManyRequests => self.err_too_many_requests,
            ProblemCode::DatabaseUnavailable => self.err_database_unavailable,
            ProblemCode::Unauthenticated
            | ProblemCode::InvalidToken
            | ProblemCode::TokenExpired
            | ProblemCode::SessionEnded
            | ProblemCode::InvalidRefreshToken => self.err_signed_out,
            ProblemCode::MalformedBody
            | ProblemCode::InvalidQuery
            | ProblemCode::InvalidPath
            | ProblemCode::MethodNotAllowed
            | ProblemCode::PreconditionRequired
            | ProblemCode::PayloadTooLarge
            | ProblemCode::QuotaExceeded
            | ProblemCode::UnsupportedMediaType => self.err_bad_request,
            ProblemCode::RequestTimeout => self.err_network,
            ProblemCode::Internal | ProblemCode::Unknown => self.err_internal,
        }
    }

    /// The message for what is wrong with a field.
    pub fn field_error(&self, code: FieldErrorCode) -> &'static str {
        match code {
            FieldErrorCode::Required => self.field_required,
            FieldErrorCode::TooShort => self.field_too_short,
            FieldErrorCode::TooLong => self.field_too_long,
            FieldErrorCode::InvalidFormat => self.field_invalid_format,
            FieldErrorCode::OutOfRange => self.field_out_of_range,
            FieldErrorCode::Taken => self.field_taken,
            FieldErrorCode::NotAllowed => self.field_not_allowed,
            FieldErrorCode::Unknown => self.field_invalid,
        }
    }
}

/// Dates as this language writes them; every date the interface shows goes through
/// [`Texts::day`] (`dd.mm.yyyy` in Russian).
impl Texts {
    /// A calendar date: «31.08.2026».
    pub fn day(&self, date: NaiveDate) -> String {
        date.format(self.date_format).to_string()
    }

    /// The month of a date: «08.2026».
    pub fn month(&self, date: NaiveDate) -> String {
        date.format(self.month_format).to_string()
    }

    /// A moment's date in the browser's time zone.
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        self.day(local(at).date())
    }

    /// A moment's date and time in the browser's time zone: «31.08.2026 14:05».
    pub fn date_time(&self, at: &DateTime<Utc>) -> String {
        let local = local(at);
        format!("{} {}", self.day(local.date()), local.format(self.time_format))
    }
}

fn local(at: &DateTime<Utc>) -> chrono::NaiveDateTime {
    let moment = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    // getTimezoneOffset() is UTC minus local time, in minutes.
    let offset = TimeDelta::minutes(-(moment.get_timezone_offset() as i64));
    at.naive_utc() + offset
}

/// A school year by the year it starts: `2025` is «2025/2026».
pub fn school_year(start: i32) -> String {
    format!("{start}/{}", start + 1)
}

/// The school years from `first` to `last`: «2025/2026 – 2027/2028», or one year.
pub fn school_years(first: i32, last: i32) -> String {
    if first == last {
        school_year(first)
    } else {
        format!("{} – {}", school_year(first), school_year(last))
    }
}

/// The school year under way today in the browser's time zone, by the year it starts.
pub fn current_school_year() -> i32 {
    let today = js_sys::Date::new_0();
    // getMonth() counts from 0.
    NaiveDate::from_ymd_opt(today.get_full_year() as i32, today.get_month() + 1, today.get_date())
        .map_or_else(|| today.get_full_year() as i32, rules::dates::school_year_of)
}

// Some texts restate a shared rule in words («не менее 10 символов», «не больше 20 МБ»,
// «не более 10 направлений»); a change of the rule must change them too.
const _: () = assert!(
    rules::limits::MIN_PASSWORD_CHARS == 10,
    "password_hint and password_too_short name the shortest password"
);
const _: () = assert!(
    rules::files::MAX_FILE_SIZE == 20 * 1024 * 1024,
    "upload_hint and file_too_large name the largest file"
);
const _: () = assert!(
    rules::limits::MAX_DIRECTIONS == 10,
    "directions_limit names the most directions"
);
