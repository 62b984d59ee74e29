//! The names of the innovation work's closed sets of values (statuses, levels, forms,
//! stages …) in the catalogue's sections.

use super::work_texts::{AuditTexts, DeliveryTexts, LifecycleTexts, ProjectTexts, ResourceTexts};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::lifecycle::DeliveryForm;
use openapi::projects::{PlatformStatus, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::resources::{
    DevelopmentElement, KitItemType, ProgrammeFormat, ResourceForm, Stage, VersionKind, Visibility,
};

impl ProjectTexts {
    /// The name of a project status.
    pub fn status(&self, status: ProjectStatus) -> &'static str {
        match status {
            ProjectStatus::Draft => self.status_draft,
            ProjectStatus::Active => self.status_active,
            ProjectStatus::Completed => self.status_completed,
            ProjectStatus::Closed => self.status_closed,
        }
    }

    /// The name of an origin.
    pub fn origin(&self, origin: ProjectOrigin) -> &'static str {
        match origin {
            ProjectOrigin::Competitive => self.origin_competitive,
            ProjectOrigin::OwnInitiative => self.origin_own,
        }
    }

    /// The name of a level.
    pub fn level(&self, level: ProjectLevel) -> &'static str {
        match level {
            ProjectLevel::Laboratory => self.level_laboratory,
            ProjectLevel::Platform => self.level_platform,
        }
    }

    /// The name of a platform status.
    pub fn platform_status(&self, status: PlatformStatus) -> &'static str {
        match status {
            PlatformStatus::Municipal => self.platform_municipal,
            PlatformStatus::Regional => self.platform_regional,
        }
    }

    /// The level with the platform status, if any: «Инновационная площадка (муниципальная)».
    pub fn level_with_status(&self, level: ProjectLevel, status: Option<PlatformStatus>) -> String {
        match status {
            Some(status) => format!(
                "{} ({})",
                self.level(level),
                self.platform_status(status).to_lowercase()
            ),
            None => self.level(level).to_owned(),
        }
    }
}

impl ResourceTexts {
    /// The name of a resource form.
    pub fn form(&self, form: ResourceForm) -> &'static str {
        match form {
            ResourceForm::MethodologicalDevelopment => self.form_development,
            ResourceForm::TrainingProgramme => self.form_programme,
            ResourceForm::MaterialKit => self.form_kit,
        }
    }

    /// The name of an element of the educational process.
    pub fn element(&self, element: DevelopmentElement) -> &'static str {
        match element {
            DevelopmentElement::Content => self.element_content,
            DevelopmentElement::Technology => self.element_technology,
            DevelopmentElement::TeachingForms => self.element_forms,
            DevelopmentElement::EffectivenessMonitoring => self.element_monitoring,
            DevelopmentElement::ActivityModels => self.element_models,
            DevelopmentElement::Other => self.element_other,
        }
    }

    /// The name of a programme format.
    pub fn programme_format(&self, format: ProgrammeFormat) -> &'static str {
        match format {
            ProgrammeFormat::InPerson => self.format_in_person,
            ProgrammeFormat::Distance => self.format_distance,
            ProgrammeFormat::Blended => self.format_blended,
        }
    }

    /// The name of a kit product type.
    pub fn kit_item_type(&self, item_type: KitItemType) -> &'static str {
        match item_type {
            KitItemType::NormativeAct => self.kit_normative,
            KitItemType::MethodologicalRecommendations => self.kit_recommendations,
            KitItemType::TeachingKit => self.kit_teaching,
            KitItemType::AssessmentMaterials => self.kit_assessment,
            KitItemType::Textbook => self.kit_textbook,
            KitItemType::Other => self.kit_other,
        }
    }

    /// The name of a visibility.
    pub fn visibility(&self, visibility: Visibility) -> &'static str {
        match visibility {
            Visibility::Internal => self.visibility_internal,
            Visibility::Published => self.visibility_published,
        }
    }

    /// The name of a lifecycle stage.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Request => self.stage_request,
            Stage::Design => self.stage_design,
            Stage::Production => self.stage_production,
            Stage::Delivery => self.stage_delivery,
            Stage::Satisfaction => self.stage_satisfaction,
        }
    }
}

impl AuditTexts {
    /// The name of a kind of record as the trail spells it (`project`, `resource` …);
    /// `None` for a spelling this version of the app does not know.
    pub fn entity(&self, entity: &str) -> Option<&'static str> {
        use AuditEntity as E;
        Some(match AuditEntity::parse(entity)? {
            E::Project => self.entity_project,
            E::Resource => self.entity_resource,
            E::User => self.entity_user,
            E::Organisation => self.entity_organisation,
            E::Request => self.entity_request,
            E::ResourceVersion => self.entity_resource_version,
            E::ResourceFile => self.entity_resource_file,
            E::Delivery => self.entity_delivery,
            E::Feedback => self.entity_feedback,
            E::RankingRound => self.entity_ranking_round,
            E::Problem => self.entity_problem,
            E::Structure => self.entity_structure,
            E::DocumentVersion => self.entity_document_version,
            E::PlanItem => self.entity_plan_item,
            E::Indicator => self.entity_indicator,
            E::Order => self.entity_order,
            E::Attachment => self.entity_attachment,
            E::Pilot => self.entity_pilot,
            E::Risk => self.entity_risk,
            E::Cohort => self.entity_cohort,
            E::Enrolment => self.entity_enrolment,
            E::Event => self.entity_event,
            E::Registration => self.entity_registration,
            E::Stand => self.entity_stand,
            E::Consultation => self.entity_consultation,
            E::ConsultationFeedback => self.entity_consultation_feedback,
        })
    }

    /// The name of an action as the trail spells it (`create`, `update` …); `None` for a
    /// spelling this version of the app does not know.
    pub fn action(&self, action: &str) -> Option<&'static str> {
        use AuditAction as A;
        Some(match AuditAction::parse(action)? {
            A::Create => self.action_create,
            A::Update => self.action_update,
            A::Transition => self.action_transition,
            A::PasswordReset => self.action_password_reset,
            A::Accept => self.action_accept,
            A::Answer => self.action_answer,
            A::Decline => self.action_decline,
            A::Upload => self.action_upload,
            A::Confirm => self.action_confirm,
            A::Delete => self.action_delete,
            A::Freeze => self.action_freeze,
            A::Score => self.action_score,
            A::Issue => self.action_issue,
            A::Approve => self.action_approve,
            A::Return => self.action_return,
            A::Comment => self.action_comment,
            A::SignIn => self.action_sign_in,
            A::SignOut => self.action_sign_out,
            A::SignInFailed => self.action_sign_in_failed,
            A::PasswordChange => self.action_password_change,
            A::LinkIssue => self.action_link_issue,
            A::Conclude => self.action_conclude,
            A::Enrol => self.action_enrol,
            A::Withdraw => self.action_withdraw,
            A::Complete => self.action_complete,
            A::Attendance => self.action_attendance,
            A::Revoke => self.action_revoke,
            A::Publish => self.action_publish,
            A::Cancel => self.action_cancel,
            A::FeedbackRequest => self.action_feedback_request,
            A::Rate => self.action_rate,
            A::Schedule => self.action_schedule,
            A::Hold => self.action_hold,
        })
    }
}

impl LifecycleTexts {
    /// The kind of a version.
    pub fn kind(&self, kind: VersionKind) -> &'static str {
        match kind {
            VersionKind::Design => self.kind_design,
            VersionKind::Product => self.kind_product,
        }
    }
}

impl DeliveryTexts {
    /// The name of a delivery form.
    pub fn form(&self, form: DeliveryForm) -> &'static str {
        match form {
            DeliveryForm::Handover => self.form_handover,
            DeliveryForm::Training => self.form_training,
            DeliveryForm::Consultation => self.form_consultation,
            DeliveryForm::Event => self.form_event,
        }
    }

    /// A percentage or score rounded to a whole number, or «нет данных».
    pub fn figure(&self, value: Option<f64>, unit: &str) -> String {
        value.map_or_else(|| self.no_data.to_owned(), |value| format!("{value:.0}{unit}"))
    }
}
