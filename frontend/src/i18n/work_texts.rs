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
}
