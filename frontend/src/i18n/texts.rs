//! The shape of the catalogue: one field per text the user reads.
//!
//! Each language is a `const` of this struct, so a text missing from a translation is a
//! compile error, not a blank on the screen. The innovation work's texts are grouped in
//! sections of their own (see [`super::work_texts`]).

use super::work_texts::{
    AuditTexts, BoardTexts, CatalogueTexts, DeliveryTexts, LifecycleTexts, ProjectTexts, RegistryTexts, RequestTexts,
    ResourceTexts,
};

/// Every text of the interface in one language.
#[derive(Debug)]
pub struct Texts {
    // General
    /// The platform's name, in the header and on the sign-in page.
    pub app_name: &'static str,
    /// How a calendar date is written (a `chrono` format): `dd.mm.yyyy`.
    pub date_format: &'static str,
    /// How a month is written (a `chrono` format): `mm.yyyy`.
    pub month_format: &'static str,
    /// How a time of day is written after a date (a `chrono` format): `hh:mm`.
    pub time_format: &'static str,
    /// Shown while a list or a page loads.
    pub loading: &'static str,
    /// Shown when a list has no rows.
    pub empty: &'static str,
    /// Under a list whose search matched more rows than the server counts.
    pub total_capped: &'static str,
    /// A save button.
    pub save: &'static str,
    /// Shown after a successful save.
    pub saved: &'static str,
    /// Cancels a form or a dialog.
    pub cancel: &'static str,
    /// Closes a panel.
    pub close: &'static str,
    /// The accessible name of the RU/EN switch.
    pub language: &'static str,
    /// The name of Russian in a language list.
    pub language_ru: &'static str,
    /// The name of English in a language list.
    pub language_en: &'static str,

    // Sign-in
    /// The heading of the sign-in card.
    pub login_heading: &'static str,
    /// The e-mail field.
    pub email: &'static str,
    /// The password field.
    pub password: &'static str,
    /// The sign-in button.
    pub login_submit: &'static str,
    /// The sign-in button while signing in.
    pub login_pending: &'static str,

    // Layout
    /// The accessible name of the main navigation.
    pub nav_label: &'static str,
    /// Navigation: the home page.
    pub nav_home: &'static str,
    /// Navigation: the innovation projects.
    pub nav_projects: &'static str,
    /// Navigation: the organisations.
    pub nav_organisations: &'static str,
    /// Navigation: user management.
    pub nav_users: &'static str,
    /// Navigation: the change log.
    pub nav_audit: &'static str,
    /// Navigation: the profile.
    pub nav_profile: &'static str,
    /// The sign-out button.
    pub logout: &'static str,

    // Home
    /// The greeting before the user's name.
    pub home_greeting: &'static str,
    /// The heading of the organisation card.
    pub home_organisation: &'static str,
    /// The heading of the roles card.
    pub home_roles: &'static str,
    /// What a platform administrator may do.
    pub home_platform_admin: &'static str,

    // Roles
    /// The admin role's name.
    pub role_admin: &'static str,
    /// The council role's name.
    pub role_council: &'static str,
    /// The staff role's name.
    pub role_staff: &'static str,
    /// The supervisor role's name.
    pub role_supervisor: &'static str,
    /// The committee role's name.
    pub role_committee: &'static str,
    /// The partner role's name.
    pub role_partner: &'static str,
    /// What the admin role does.
    pub role_admin_about: &'static str,
    /// What the council role does.
    pub role_council_about: &'static str,
    /// What the staff role does.
    pub role_staff_about: &'static str,
    /// What the supervisor role does.
    pub role_supervisor_about: &'static str,
    /// What the committee role does.
    pub role_committee_about: &'static str,
    /// What the partner role does.
    pub role_partner_about: &'static str,

    // Organisation kinds
    /// A school.
    pub kind_school: &'static str,
    /// The education committee.
    pub kind_committee: &'static str,

    // Field names
    /// Full name of a person.
    pub full_name: &'static str,
    /// An organisation.
    pub organisation: &'static str,
    /// Roles of a user.
    pub roles: &'static str,
    /// Account status.
    pub status: &'static str,
    /// Creation date.
    pub created: &'static str,
    /// The actions column.
    pub actions: &'static str,

    // Profile
    /// The profile page's heading.
    pub profile_title: &'static str,
    /// The heading of the profile data card.
    pub profile_data: &'static str,
    /// The heading of the profile form.
    pub profile_edit: &'static str,
    /// The heading of the password form.
    pub password_title: &'static str,
    /// The current password field.
    pub current_password: &'static str,
    /// The new password field.
    pub new_password: &'static str,
    /// The repeated new password field.
    pub repeat_password: &'static str,
    /// The rule for passwords, under a password field.
    pub password_hint: &'static str,
    /// The repeated password differs.
    pub password_mismatch: &'static str,
    /// The new password is too short.
    pub password_too_short: &'static str,
    /// The password-change button.
    pub change_password: &'static str,
    /// Shown after a password change.
    pub password_changed: &'static str,

    // Lists
    /// The search field.
    pub search: &'static str,
    /// The search field's placeholder for users.
    pub search_users_hint: &'static str,
    /// The search field's placeholder for organisations.
    pub search_organisations_hint: &'static str,
    /// The search button.
    pub search_submit: &'static str,
    /// A filter option matching everything.
    pub filter_all: &'static str,
    /// The accessible name of the pager.
    pub pager_label: &'static str,
    /// The previous page button.
    pub pager_prev: &'static str,
    /// The next page button.
    pub pager_next: &'static str,
    /// «Page» before the page number.
    pub pager_page: &'static str,
    /// «of» between the page number and the page count.
    pub pager_of: &'static str,

    // Users
    /// The users page's heading.
    pub users_title: &'static str,
    /// An active account.
    pub status_active: &'static str,
    /// A deactivated account.
    pub status_inactive: &'static str,
    /// The filter option for active accounts.
    pub filter_active: &'static str,
    /// The filter option for deactivated accounts.
    pub filter_inactive: &'static str,
    /// The button that opens the new-user form.
    pub add_user: &'static str,
    /// The new-user form's heading.
    pub new_user: &'static str,
    /// The initial password field.
    pub initial_password: &'static str,
    /// The create button.
    pub create: &'static str,
    /// Shown after a user was created.
    pub user_created: &'static str,
    /// The edit button.
    pub edit: &'static str,
    /// The deactivate button.
    pub deactivate: &'static str,
    /// The activate button.
    pub activate: &'static str,
    /// The password-reset button.
    pub reset_password: &'static str,
    /// The deactivation dialog's question.
    pub confirm_deactivate: &'static str,
    /// What a deactivation does.
    pub confirm_deactivate_text: &'static str,
    /// The activation dialog's question.
    pub confirm_activate: &'static str,
    /// What an activation does.
    pub confirm_activate_text: &'static str,
    /// The reset dialog's question.
    pub confirm_reset: &'static str,
    /// What a reset does.
    pub confirm_reset_text: &'static str,
    /// The heading of the temporary password panel.
    pub temporary_password: &'static str,
    /// How to hand the temporary password over.
    pub temporary_password_hint: &'static str,

    // Organisations
    /// The organisations page's heading.
    pub organisations_title: &'static str,
    /// The button that opens the new-organisation form.
    pub add_organisation: &'static str,
    /// The full official name of an organisation.
    pub organisation_name: &'static str,
    /// The short name of an organisation.
    pub short_name: &'static str,
    /// School or committee.
    pub kind: &'static str,
    /// The municipality.
    pub municipality: &'static str,
    /// Shown after an organisation was added.
    pub organisation_created: &'static str,

    // Access and missing pages
    /// The heading shown to a role that may not use a page.
    pub forbidden_title: &'static str,
    /// The explanation under it.
    pub forbidden_text: &'static str,
    /// The heading of the not-found page.
    pub not_found_title: &'static str,
    /// The explanation under it.
    pub not_found_text: &'static str,
    /// The link back home.
    pub back_home: &'static str,

    // Errors
    /// The server cannot be reached.
    pub err_network: &'static str,
    /// The session ended.
    pub err_signed_out: &'static str,
    /// Wrong e-mail or password.
    pub err_invalid_credentials: &'static str,
    /// The account is deactivated.
    pub err_account_disabled: &'static str,
    /// The current password is wrong.
    pub err_wrong_password: &'static str,
    /// Not allowed.
    pub err_forbidden: &'static str,
    /// Not found.
    pub err_not_found: &'static str,
    /// A duplicate or a conflicting change.
    pub err_conflict: &'static str,
    /// Some fields are invalid.
    pub err_validation: &'static str,
    /// Someone else changed the record since it was read (`412`); the current one is shown.
    pub err_stale: &'static str,
    /// Too many sign-in attempts.
    pub err_too_many_requests: &'static str,
    /// The database is down.
    pub err_database_unavailable: &'static str,
    /// The request itself was malformed (a client defect).
    pub err_bad_request: &'static str,
    /// Anything else.
    pub err_internal: &'static str,

    // Field errors
    /// A required field is empty.
    pub field_required: &'static str,
    /// A value is too short.
    pub field_too_short: &'static str,
    /// A value is too long.
    pub field_too_long: &'static str,
    /// A value has the wrong format.
    pub field_invalid_format: &'static str,
    /// A value is out of range.
    pub field_out_of_range: &'static str,
    /// A value is taken by another record.
    pub field_taken: &'static str,
    /// A value is not allowed here.
    pub field_not_allowed: &'static str,
    /// Anything else wrong with a field.
    pub field_invalid: &'static str,

    // Innovation work
    /// The project registry.
    pub projects: ProjectTexts,
    /// The educational resources.
    pub resources: ResourceTexts,
    /// The change log.
    pub audit: AuditTexts,
    /// A resource's lifecycle and versions.
    pub lifecycle: LifecycleTexts,
    /// The texts of deliveries and satisfaction feedback.
    pub deliveries: DeliveryTexts,
    /// The texts of consumer requests.
    pub requests: RequestTexts,
    /// The texts of the catalogue of published resources.
    pub catalogue: CatalogueTexts,
    /// The texts of the committee's registry of schools.
    pub registry: RegistryTexts,
    /// The texts of the lifecycle board.
    pub board: BoardTexts,
    /// The texts of the launch procedure.
    pub launch: super::launch_texts::LaunchTexts,
    /// The texts of pilots and risk registers.
    pub pilots: super::pilot_texts::PilotTexts,
    /// The texts of the dissemination figures.
    pub dissemination: super::dissemination_texts::DisseminationTexts,
    /// The texts of feedback links tied to people.
    pub feedback_links: super::feedback_link_texts::FeedbackLinkTexts,
    /// The texts of teacher training.
    pub cohorts: super::cohort_texts::CohortTexts,
    /// The texts of events, the calendar and fairs.
    pub events: super::event_texts::EventTexts,
    /// The texts of consultations.
    pub consultations: super::consultation_texts::ConsultationTexts,
}
