//! Satisfaction feedback on deliveries (Regulation 2.1, step 5) and the metrics built
//! from it.

use crate::ids::{OrganisationId, ResourceId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A consumer's answer about a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FeedbackInput {
    /// Satisfaction, from very dissatisfied (least) to very satisfied (most).
    pub csat: u8,
    /// How likely to recommend the resource to colleagues.
    pub recommend: u8,
    /// Ready to recommend it: yes or no.
    pub ready: bool,
    /// Free text; may be blank.
    #[serde(default)]
    pub comment: String,
}

/// A recorded answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Feedback {
    /// The answer's id.
    pub id: i64,
    /// The delivery it is about.
    pub delivery_id: i64,
    /// The resource delivered.
    pub resource_id: ResourceId,
    /// The consumer school.
    pub recipient_org_id: OrganisationId,
    /// Who answered (the account's name, or the respondent named in the link).
    pub respondent_name: String,
    /// Satisfaction, 1 to 5.
    pub csat: u8,
    /// Likelihood to recommend, 0 to 10.
    pub recommend: u8,
    /// Ready to recommend.
    pub ready: bool,
    /// Free text.
    pub comment: String,
    /// `app` (signed in) or `link` (through a single-use link the consumer school issued).
    pub via: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A request for a feedback link: it names its respondent by e-mail, or by an account of
/// the receiving school (whose e-mail it then takes). One link and one answer per e-mail
/// and delivery, compared without case and surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FeedbackLinkInput {
    /// The respondent's e-mail; required unless `user_id` names an account (then blank or
    /// that account's e-mail).
    #[serde(default)]
    pub email: String,
    /// An active account of the receiving school to ask instead of an e-mail.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// The respondent's name and position, shown on the link's page; may be blank (then
    /// the account's name, or the e-mail).
    #[serde(default)]
    pub respondent: String,
    /// Days the link stays valid (default 14).
    #[serde(default)]
    pub valid_days: Option<u32>,
}

/// A signed single-use feedback link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FeedbackLink {
    /// The token: a JWT naming the delivery and the respondent.
    pub token: String,
    /// The page to send to the respondent, relative to the server (`/feedback/<token>`).
    pub path: String,
    /// The respondent's e-mail, normalised (trimmed, lower-cased).
    pub email: String,
    /// The respondent's name as the page shows it.
    pub respondent: String,
    /// When the link stops working.
    pub expires_at: DateTime<Utc>,
}

/// A feedback link issued for a delivery, as the receiving school lists them (never the
/// token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct IssuedFeedbackLink {
    /// The respondent's e-mail, normalised; absent for links issued before links named
    /// their respondent's e-mail.
    pub email: Option<String>,
    /// The respondent's name as the page shows it.
    pub respondent: String,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was answered; absent while unused.
    pub used_at: Option<DateTime<Utc>>,
}

/// What the public feedback page shows before the respondent answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct FeedbackInvitation {
    /// The resource's title.
    pub resource_title: String,
    /// The host school's short name.
    pub host_short_name: String,
    /// The consumer school's short name.
    pub recipient_short_name: String,
    /// When it was delivered.
    pub delivered_on: NaiveDate,
    /// Whom the link is for.
    pub respondent: String,
}

/// Satisfaction and demand of a resource, a project or a school, with the counts behind
/// every figure.
///
/// - `csat_percent` = `satisfied` ÷ `responses` × 100, where satisfied means a CSAT of 4 or 5;
/// - `nps` = (`promoters` − `detractors`) ÷ `responses` × 100, where promoters answered 9–10
///   and detractors 0–6 to "how likely to recommend" (passives 7–8 count only in `responses`);
/// - `ready_percent` = `ready` ÷ `responses` × 100.
///
/// Percentages have one decimal and are absent when there are no responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Metrics {
    /// Feedback responses.
    pub responses: i64,
    /// Of them answered in the app by the consumer school's signed-in staff.
    pub app_responses: i64,
    /// Of them answered through a single-use link the consumer school issued.
    pub link_responses: i64,
    /// Distinct respondents among the responses, by e-mail (an account answering in the
    /// app by its e-mail): a person who rated several deliveries or resources counts
    /// once. Answers recorded before respondents were named count by their old
    /// respondent key.
    pub respondents: i64,
    /// Responses with CSAT 4 or 5.
    pub satisfied: i64,
    /// Responses recommending 9 or 10.
    pub promoters: i64,
    /// Responses recommending 7 or 8.
    pub passives: i64,
    /// Responses recommending 0 to 6.
    pub detractors: i64,
    /// Responses ready to recommend.
    pub ready: i64,
    /// CSAT %: satisfied ÷ responses × 100.
    pub csat_percent: Option<f64>,
    /// NPS: % promoters − % detractors, from −100 to 100.
    pub nps: Option<f64>,
    /// Ready-to-recommend %: ready ÷ responses × 100.
    pub ready_percent: Option<f64>,
    /// Consumer requests accepted or answered with these resources.
    pub requests: i64,
    /// Deliveries of these resources.
    pub deliveries: i64,
    /// Distinct schools that received these resources.
    pub adopting_schools: i64,
}

/// The satisfaction answers of one calendar month (UTC), with the same formulas as `Metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct MonthlyMetrics {
    /// The month, as its first day.
    pub month: NaiveDate,
    /// Responses filed that month.
    pub responses: i64,
    /// Of them with CSAT 4 or 5.
    pub satisfied: i64,
    /// Of them recommending 9 or 10.
    pub promoters: i64,
    /// Of them recommending 0 to 6.
    pub detractors: i64,
    /// Of them ready to recommend.
    pub ready: i64,
    /// CSAT % of the month: satisfied ÷ responses × 100.
    pub csat_percent: Option<f64>,
    /// NPS of the month: % promoters − % detractors.
    pub nps: Option<f64>,
    /// Ready-to-recommend % of the month.
    pub ready_percent: Option<f64>,
}

/// A published resource as the catalogue lists it: what its row shows and what its
/// filters select by. The whole record is at `GET /api/resources/{id}`, its metrics at
/// `GET /api/resources/{id}/metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CatalogueItem {
    /// The resource's id.
    pub id: ResourceId,
    /// The title.
    pub title: String,
    /// The form.
    pub form: crate::resources::ResourceForm,
    /// For a methodological development: the element of the educational process.
    pub element: Option<crate::resources::DevelopmentElement>,
    /// Its project's level (school-laboratory or innovation platform).
    pub level: crate::projects::ProjectLevel,
    /// The school that develops it.
    pub org_id: OrganisationId,
    /// The school's short name.
    pub org_short_name: String,
    /// CSAT %: satisfied ÷ responses × 100; `null` before the first response.
    pub csat_percent: Option<f64>,
    /// NPS: % promoters − % detractors, from −100 to 100; `null` before the first response.
    pub nps: Option<f64>,
    /// Deliveries of it.
    pub deliveries: i64,
}

/// Filters of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct CatalogueFilter {
    /// Search in the title and description.
    pub q: Option<String>,
    /// Only this form.
    pub form: Option<crate::resources::ResourceForm>,
    /// Only this element of the educational process.
    pub element: Option<crate::resources::DevelopmentElement>,
    /// Only this school's resources.
    pub org_id: Option<OrganisationId>,
    /// Only resources of projects of this level.
    pub level: Option<crate::projects::ProjectLevel>,
}

/// One school in the committee's registry with every figure, as the CSV export writes it;
/// the list sends each as a [`RegistryItem`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegistrySchool {
    /// The school.
    pub organisation: crate::organisations::OrganisationSummary,
    /// Its projects.
    pub projects: i64,
    /// Of them active.
    pub active_projects: i64,
    /// Its resources.
    pub resources: i64,
    /// Of them published in the catalogue.
    pub published_resources: i64,
    /// Consumer requests addressed to it or taken by it.
    pub requests_received: i64,
    /// Its resources' metrics together (formulas as in `Metrics`).
    pub metrics: Metrics,
    /// Its dissemination figures for the filter's school year (formulas as in
    /// `Dissemination`).
    pub dissemination: crate::dissemination::Dissemination,
}

/// One school as the registry lists it: what its row shows, flat. The same figures in
/// full (every count behind the percentages, the dissemination by kind and level) are in
/// the registry's CSV export, `GET /api/organisations/{id}/dissemination` and the
/// resources' metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct RegistryItem {
    /// The school's id.
    pub org_id: OrganisationId,
    /// The school's short name.
    pub short_name: String,
    /// Its projects.
    pub projects: i64,
    /// Of them active.
    pub active_projects: i64,
    /// Its resources.
    pub resources: i64,
    /// Of them published in the catalogue.
    pub published_resources: i64,
    /// Consumer requests addressed to it or taken by it.
    pub requests_received: i64,
    /// Deliveries of its resources.
    pub deliveries: i64,
    /// Distinct schools that received its resources.
    pub adopting_schools: i64,
    /// Feedback responses about its resources.
    pub responses: i64,
    /// Of them answered in the app.
    pub app_responses: i64,
    /// Of them answered through single-use links.
    pub link_responses: i64,
    /// Distinct respondents among the responses.
    pub respondents: i64,
    /// CSAT %: satisfied ÷ responses × 100; `null` before the first response.
    pub csat_percent: Option<f64>,
    /// NPS: % promoters − % detractors, from −100 to 100; `null` before the first response.
    pub nps: Option<f64>,
    /// Pilots in the filter's school year (formulas of this and the following figures as
    /// in `Dissemination`).
    pub pilots: i64,
    /// Distinct teachers with an enrolment completed in the year.
    pub teachers_trained: i64,
    /// Hours of those enrolments.
    pub training_hours: i64,
    /// Consultations held in the year.
    pub consultations: i64,
    /// Published events that start in the year.
    pub events: i64,
    /// Registrations marked attended at the events it organised.
    pub attendees: i64,
    /// Distinct other organisations reached in the year.
    pub schools_reached: i64,
    /// The mean rating of its fair stands in the year (1–5); `null` without ratings.
    pub fair_rating: Option<f64>,
}

/// Filters of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "schema", into_params(parameter_in = Query))]
pub struct RegistryFilter {
    /// Search in the school's name.
    pub q: Option<String>,
    /// Only schools with a project of this level.
    pub level: Option<crate::projects::ProjectLevel>,
    /// Only schools with an innovation platform of this status.
    pub platform_status: Option<crate::projects::PlatformStatus>,
    /// Only schools with (`true`) or without (`false`) an active project.
    pub active: Option<bool>,
    /// The school year of the dissemination figures: the calendar year it starts in
    /// (2026 for 2026/2027), 2000–2100; the current school year when absent.
    pub school_year: Option<i32>,
}
