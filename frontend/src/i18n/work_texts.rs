//! The catalogue's sections for the innovation work: projects, resources and the change
//! log. Each is a field of [`super::Texts`], so a missing translation is a compile error.

/// The texts of the project registry.
#[derive(Debug)]
pub struct ProjectTexts {
    /// The projects page's heading.
    pub heading: &'static str,
    /// The button that opens the new-project form.
    pub add: &'static str,
    /// The new-project form's heading.
    pub new: &'static str,
    /// The heading of the form that changes a project.
    pub edit_heading: &'static str,
    /// The search field's placeholder for projects.
    pub search_hint: &'static str,
    /// The title of a project.
    pub title: &'static str,
    /// The problem a project answers.
    pub problem: &'static str,
    /// Competitive or own initiative.
    pub origin: &'static str,
    /// A competitive assignment.
    pub origin_competitive: &'static str,
    /// An assignment on the school's own initiative.
    pub origin_own: &'static str,
    /// The competition of a competitive assignment.
    pub competition: &'static str,
    /// The customer of a competitive assignment.
    pub customer: &'static str,
    /// The empty option of a required drop-down.
    pub choose: &'static str,
    /// Laboratory or platform.
    pub level: &'static str,
    /// The instrumental level.
    pub level_laboratory: &'static str,
    /// The methodological level.
    pub level_platform: &'static str,
    /// Municipal or regional platform.
    pub platform_status: &'static str,
    /// A municipal platform.
    pub platform_municipal: &'static str,
    /// A regional platform.
    pub platform_regional: &'static str,
    /// The scientific supervisor.
    pub supervisor: &'static str,
    /// The option for a supervisor without an account of the school.
    pub supervisor_external: &'static str,
    /// The name of a supervisor without an account of the school.
    pub supervisor_name: &'static str,
    /// What to give of a supervisor without an account of the school.
    pub supervisor_name_hint: &'static str,
    /// The first school year.
    pub start_year: &'static str,
    /// The last school year.
    pub end_year: &'static str,
    /// The school years a project runs.
    pub school_years: &'static str,
    /// The school-year filter.
    pub school_year: &'static str,
    /// A project being prepared.
    pub status_draft: &'static str,
    /// A running project.
    pub status_active: &'static str,
    /// A finished project.
    pub status_completed: &'static str,
    /// A project closed early.
    pub status_closed: &'static str,
    /// The school that runs a project or develops a resource.
    pub school: &'static str,
    /// The school filter's option matching every school.
    pub school_filter_all: &'static str,
    /// When a project was registered.
    pub registered: &'static str,
    /// When a record last changed.
    pub updated: &'static str,
    /// The link back to the project list.
    pub all_projects: &'static str,
    /// The heading of a project's resources.
    pub resources: &'static str,
}

/// The texts of the educational resources.
#[derive(Debug)]
pub struct ResourceTexts {
    /// The button that opens the new-resource form.
    pub add: &'static str,
    /// The new-resource form's heading.
    pub new: &'static str,
    /// The heading of the form that changes a resource.
    pub edit_heading: &'static str,
    /// The title of a resource.
    pub title: &'static str,
    /// What a resource is and whom it serves.
    pub description: &'static str,
    /// The form of a resource.
    pub form: &'static str,
    /// A methodological development.
    pub form_development: &'static str,
    /// A training programme for teachers.
    pub form_programme: &'static str,
    /// A kit of material products.
    pub form_kit: &'static str,
    /// The element of the educational process.
    pub element: &'static str,
    /// Content of education.
    pub element_content: &'static str,
    /// Technologies of teaching.
    pub element_technology: &'static str,
    /// Forms of teaching.
    pub element_forms: &'static str,
    /// Monitoring of effectiveness.
    pub element_monitoring: &'static str,
    /// Models of student and teacher activity.
    pub element_models: &'static str,
    /// Another element.
    pub element_other: &'static str,
    /// The hours of a programme.
    pub hours: &'static str,
    /// The hours are out of range.
    pub hours_range: &'static str,
    /// How a programme is delivered.
    pub programme_format: &'static str,
    /// In person.
    pub format_in_person: &'static str,
    /// At a distance.
    pub format_distance: &'static str,
    /// Both.
    pub format_blended: &'static str,
    /// The products of a kit.
    pub kit_items: &'static str,
    /// The type of a kit product.
    pub kit_item_type: &'static str,
    /// The title of a kit product.
    pub kit_item_title: &'static str,
    /// Adds a row for a kit product.
    pub add_kit_item: &'static str,
    /// A normative act.
    pub kit_normative: &'static str,
    /// Methodological recommendations.
    pub kit_recommendations: &'static str,
    /// A teaching kit.
    pub kit_teaching: &'static str,
    /// Assessment materials.
    pub kit_assessment: &'static str,
    /// A textbook.
    pub kit_textbook: &'static str,
    /// Another product.
    pub kit_other: &'static str,
    /// The authors of a resource.
    pub authors: &'static str,
    /// One author.
    pub author: &'static str,
    /// The option for an author without an account of the school.
    pub author_other: &'static str,
    /// The name of an author.
    pub author_name: &'static str,
    /// An author's share of the authorship.
    pub share: &'static str,
    /// A share is out of range.
    pub share_range: &'static str,
    /// Adds a row for an author.
    pub add_author: &'static str,
    /// Removes a row.
    pub remove: &'static str,
    /// Before the sum of the authors' shares.
    pub shares_total: &'static str,
    /// The shares do not add up to 100.
    pub shares_rule: &'static str,
    /// No author is given.
    pub authors_required: &'static str,
    /// A kit lists no product.
    pub kit_required: &'static str,
    /// The licence of a resource.
    pub licence: &'static str,
    /// Examples of licences.
    pub licence_hint: &'static str,
    /// Who may see a resource.
    pub visibility: &'static str,
    /// Only the school and the committee.
    pub visibility_internal: &'static str,
    /// In the public catalogue.
    pub visibility_published: &'static str,
    /// The lifecycle stage.
    pub stage: &'static str,
    /// The request step.
    pub stage_request: &'static str,
    /// The design step.
    pub stage_design: &'static str,
    /// The production step.
    pub stage_production: &'static str,
    /// The delivery step.
    pub stage_delivery: &'static str,
    /// The satisfaction step.
    pub stage_satisfaction: &'static str,
    /// The project a resource belongs to.
    pub project: &'static str,
    /// The link back to the resource's project.
    pub back_to_project: &'static str,
    /// The heading of a record's change history.
    pub history: &'static str,
}

/// The texts of the change log.
#[derive(Debug)]
pub struct AuditTexts {
    /// The audit page's heading.
    pub heading: &'static str,
    /// When a change happened.
    pub at: &'static str,
    /// Who made a change.
    pub actor: &'static str,
    /// The changed record.
    pub record: &'static str,
    /// What was done.
    pub action: &'static str,
    /// The record-kind filter.
    pub entity: &'static str,
    /// The actor of changes made by the platform itself.
    pub system: &'static str,
    /// A project.
    pub entity_project: &'static str,
    /// An educational resource.
    pub entity_resource: &'static str,
    /// A user account.
    pub entity_user: &'static str,
    /// An organisation.
    pub entity_organisation: &'static str,
    /// A record was created.
    pub action_create: &'static str,
    /// A record was changed.
    pub action_update: &'static str,
    /// A resource moved to another stage.
    pub action_transition: &'static str,
    /// A password was reset.
    pub action_password_reset: &'static str,
    /// A consumer request.
    pub entity_request: &'static str,
    /// A version of a resource.
    pub entity_resource_version: &'static str,
    /// A file of a version.
    pub entity_resource_file: &'static str,
    /// A delivery.
    pub entity_delivery: &'static str,
    /// A feedback answer.
    pub entity_feedback: &'static str,
    /// A request accepted.
    pub action_accept: &'static str,
    /// A request answered with a resource.
    pub action_answer: &'static str,
    /// A request declined.
    pub action_decline: &'static str,
    /// A file uploaded.
    pub action_upload: &'static str,
    /// A delivery confirmed.
    pub action_confirm: &'static str,
    /// A ranking round.
    pub entity_ranking_round: &'static str,
    /// A problem of a ranking.
    pub entity_problem: &'static str,
    /// A managing structure.
    pub entity_structure: &'static str,
    /// A version of a package document.
    pub entity_document_version: &'static str,
    /// An item of the work plan.
    pub entity_plan_item: &'static str,
    /// A results indicator.
    pub entity_indicator: &'static str,
    /// An order.
    pub entity_order: &'static str,
    /// An attached file.
    pub entity_attachment: &'static str,
    /// A pilot of a resource version.
    pub entity_pilot: &'static str,
    /// A risk of a project or a pilot.
    pub entity_risk: &'static str,
    /// A cohort of a training programme.
    pub entity_cohort: &'static str,
    /// An enrolment in a cohort.
    pub entity_enrolment: &'static str,
    /// A record deleted.
    pub action_delete: &'static str,
    /// A ranking frozen.
    pub action_freeze: &'static str,
    /// A problem scored.
    pub action_score: &'static str,
    /// An order issued.
    pub action_issue: &'static str,
    /// Approved.
    pub action_approve: &'static str,
    /// Returned for revision.
    pub action_return: &'static str,
    /// A comment added.
    pub action_comment: &'static str,
    /// Signed in.
    pub action_sign_in: &'static str,
    /// Signed out.
    pub action_sign_out: &'static str,
    /// A failed sign-in.
    pub action_sign_in_failed: &'static str,
    /// A password changed by its user.
    pub action_password_change: &'static str,
    /// A feedback link issued.
    pub action_link_issue: &'static str,
    /// A pilot concluded.
    pub action_conclude: &'static str,
    /// A teacher was enrolled.
    pub action_enrol: &'static str,
    /// An enrolment was withdrawn.
    pub action_withdraw: &'static str,
    /// An enrolment was completed.
    pub action_complete: &'static str,
    /// Attendance was marked.
    pub action_attendance: &'static str,
    /// A certificate was revoked.
    pub action_revoke: &'static str,
    /// An event.
    pub entity_event: &'static str,
    /// A registration for an event.
    pub entity_registration: &'static str,
    /// A fair stand.
    pub entity_stand: &'static str,
    /// An event published.
    pub action_publish: &'static str,
    /// An event or a registration cancelled.
    pub action_cancel: &'static str,
    /// Feedback asked for.
    pub action_feedback_request: &'static str,
    /// A stand rated.
    pub action_rate: &'static str,
    /// «Консультация».
    pub entity_consultation: &'static str,
    /// «Отзыв о консультации».
    pub entity_consultation_feedback: &'static str,
    /// «Назначение консультации».
    pub action_schedule: &'static str,
    /// «Консультация проведена».
    pub action_hold: &'static str,
}

/// The texts of a resource's lifecycle and versions.
#[derive(Debug)]
pub struct LifecycleTexts {
    /// The lifecycle section's heading.
    pub heading: &'static str,
    /// The button that moves to the next stage, before the stage's name.
    pub move_to: &'static str,
    /// The button that opens the dialog to go back.
    pub move_back: &'static str,
    /// The going-back dialog's heading.
    pub back_title: &'static str,
    /// The stage to return to.
    pub back_stage: &'static str,
    /// The reason for going back.
    pub back_reason: &'static str,
    /// The button that goes back.
    pub back_confirm: &'static str,
    /// The timeline's heading.
    pub timeline: &'static str,
    /// The timeline without entries.
    pub no_transitions: &'static str,
    /// Refusal: no accepted request.
    pub refused_no_accepted_request: &'static str,
    /// Refusal: no design document.
    pub refused_no_design_document: &'static str,
    /// Refusal: no product version.
    pub refused_no_produced_version: &'static str,
    /// Refusal: no delivery.
    pub refused_no_delivery: &'static str,
    /// Refusal: a step skipped.
    pub refused_skips_a_step: &'static str,
    /// Refusal: no reason.
    pub refused_reason_required: &'static str,
    /// Refusal: same stage.
    pub refused_same_stage: &'static str,
    /// The versions section's heading.
    pub versions: &'static str,
    /// The list without versions.
    pub no_versions: &'static str,
    /// A version's number, before it.
    pub version_number: &'static str,
    /// A version's kind.
    pub kind: &'static str,
    /// A design document version.
    pub kind_design: &'static str,
    /// A product version.
    pub kind_product: &'static str,
    /// A version's notes.
    pub notes: &'static str,
    /// A version without files.
    pub no_files: &'static str,
    /// The button and the heading of the new-version form.
    pub new_version: &'static str,
    /// The button that adds the version.
    pub create_version: &'static str,
    /// The button-like label of the file input.
    pub upload: &'static str,
    /// Next to it while no file is chosen.
    pub no_file_chosen: &'static str,
    /// What may be uploaded.
    pub upload_hint: &'static str,
    /// A file of another type.
    pub file_refused: &'static str,
    /// A file over the limit.
    pub file_too_large: &'static str,
    /// A file the school's storage quota has no room for.
    pub storage_full: &'static str,
    /// The unit of file size.
    pub kb: &'static str,
}

/// The texts of deliveries and satisfaction feedback.
#[derive(Debug)]
pub struct DeliveryTexts {
    /// The deliveries section's heading.
    pub heading: &'static str,
    /// The list without deliveries.
    pub none: &'static str,
    /// The button and heading of the delivery form.
    pub add: &'static str,
    /// The delivered version.
    pub version: &'static str,
    /// The school that received it.
    pub recipient: &'static str,
    /// The date of the delivery.
    pub delivered_on: &'static str,
    /// The form of the delivery.
    pub form: &'static str,
    /// Handing the product over.
    pub form_handover: &'static str,
    /// A training.
    pub form_training: &'static str,
    /// A consultation.
    pub form_consultation: &'static str,
    /// An event.
    pub form_event: &'static str,
    /// The recipient's contact person.
    pub contact: &'static str,
    /// The empty option.
    pub choose: &'static str,
    /// A delivery the recipient confirmed.
    pub confirmed: &'static str,
    /// A delivery not yet confirmed.
    pub unconfirmed: &'static str,
    /// The button that opens the feedback-link form.
    pub link: &'static str,
    /// The button that creates the link.
    pub make_link: &'static str,
    /// Above the created link.
    pub link_ready: &'static str,
    /// The feedback section's heading.
    pub feedback: &'static str,
    /// CSAT tile.
    pub csat: &'static str,
    /// NPS tile.
    pub nps: &'static str,
    /// Ready-to-recommend tile.
    pub ready_percent: &'static str,
    /// Responses tile.
    pub responses: &'static str,
    /// Deliveries tile.
    pub deliveries: &'static str,
    /// Adopting schools tile.
    pub schools: &'static str,
    /// A metric without responses.
    pub no_data: &'static str,
    /// The chart's caption.
    pub chart: &'static str,
    /// The list without answers.
    pub no_feedback: &'static str,
    /// An answer's likelihood to recommend, before «N из 10».
    pub recommend_score: &'static str,
    /// «из» between a score and its maximum.
    pub out_of: &'static str,
    /// The number of answers on a delivery, before it.
    pub responses_count: &'static str,
    /// Answers given in the app (tile and registry column).
    pub app_responses: &'static str,
    /// Answers given through links (tile and registry column).
    pub link_responses: &'static str,
    /// Who issues feedback links, under the received delivery's button.
    pub link_hint: &'static str,
    /// The CSAT question.
    pub score_csat: &'static str,
    /// The NPS question.
    pub score_recommend: &'static str,
    /// The readiness question.
    pub score_ready: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// The comment.
    pub comment: &'static str,
    /// The button that sends the feedback.
    pub send: &'static str,
    /// The public feedback page's heading.
    pub public_heading: &'static str,
    /// The resource rated.
    pub resource: &'static str,
    /// The school that made it.
    pub host: &'static str,
    /// Who answers.
    pub respondent_label: &'static str,
    /// After the answer was recorded.
    pub thanks: &'static str,
    /// A link already answered.
    pub link_used: &'static str,
    /// An expired link.
    pub link_expired: &'static str,
    /// An unknown link.
    pub link_invalid: &'static str,
}

/// The texts of consumer requests.
#[derive(Debug)]
pub struct RequestTexts {
    /// The requests page's heading.
    pub heading: &'static str,
    /// The partner's own requests.
    pub outbox: &'static str,
    /// The requests to the school.
    pub inbox: &'static str,
    /// A list without requests.
    pub none: &'static str,
    /// The button and heading of the request form.
    pub add: &'static str,
    /// What is needed.
    pub need: &'static str,
    /// For whom.
    pub audience: &'static str,
    /// By when.
    pub deadline: &'static str,
    /// The school asked.
    pub target: &'static str,
    /// The option of an open request.
    pub open: &'static str,
    /// The button that files the request.
    pub submit: &'static str,
    /// Who asked.
    pub from: &'static str,
    /// The school asked, before its name.
    pub to: &'static str,
    /// The resource asked for or answered with, before its title.
    pub about: &'static str,
    /// A request awaiting a decision.
    pub status_submitted: &'static str,
    /// An accepted request.
    pub status_accepted: &'static str,
    /// A declined request.
    pub status_declined: &'static str,
    /// A request answered with a resource.
    pub status_answered: &'static str,
    /// The request's history.
    pub history: &'static str,
    /// Accept.
    pub accept: &'static str,
    /// Answer with a resource.
    pub answer: &'static str,
    /// Decline.
    pub decline: &'static str,
    /// The school's resource chosen.
    pub resource: &'static str,
    /// A note to the answer.
    pub note: &'static str,
    /// Why declined.
    pub reason: &'static str,
    /// The partner's deliveries.
    pub received: &'static str,
    /// Confirm the receipt.
    pub confirm: &'static str,
    /// Rate a delivery.
    pub rate: &'static str,
    /// After rating.
    pub rated: &'static str,
    /// A second rating.
    pub already_rated: &'static str,
}

/// The texts of the catalogue of published resources.
#[derive(Debug)]
pub struct CatalogueTexts {
    /// The catalogue page's heading and menu item.
    pub heading: &'static str,
    /// The search field's hint.
    pub search_hint: &'static str,
    /// The resource column.
    pub resource: &'static str,
    /// The school column and filter.
    pub school: &'static str,
    /// The form column and filter.
    pub form: &'static str,
    /// The element filter.
    pub element: &'static str,
    /// The level filter.
    pub level: &'static str,
    /// The actions column.
    pub actions: &'static str,
    /// The button that asks for a resource.
    pub request: &'static str,
    /// After the request was sent.
    pub requested: &'static str,
}

/// The texts of the committee's registry of schools.
#[derive(Debug)]
pub struct RegistryTexts {
    /// The registry page's heading and menu item.
    pub heading: &'static str,
    /// The search field's hint.
    pub search_hint: &'static str,
    /// Active / all projects.
    pub projects: &'static str,
    /// Published / all resources.
    pub resources: &'static str,
    /// Requests received.
    pub requests: &'static str,
    /// The CSV export button.
    pub export: &'static str,
    /// The filter by active projects.
    pub active: &'static str,
    /// Schools with an active project.
    pub with_active: &'static str,
    /// Schools without an active project.
    pub without_active: &'static str,
}

/// The texts of the lifecycle board of a school.
#[derive(Debug)]
pub struct BoardTexts {
    /// The board page's heading and menu item.
    pub heading: &'static str,
    /// The search field's hint.
    pub search_hint: &'static str,
    /// The school selector of the committee.
    pub school: &'static str,
    /// The school selector's empty choice.
    pub choose_school: &'static str,
    /// Shown to the committee until a school is chosen.
    pub pick_school: &'static str,
    /// A column without resources.
    pub empty: &'static str,
    /// Loads the column's next page.
    pub more: &'static str,
    /// The accessible name of a column's count, before it.
    pub count: &'static str,
    /// When a resource last changed, before the date.
    pub updated: &'static str,
}
