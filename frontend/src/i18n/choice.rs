//! Closed sets of values the user picks from a drop-down, with their texts.

use super::Texts;
use openapi::consultations::{ConsultationForm, ConsultationRole, ConsultationStatus};
use openapi::events::{EventKind, EventLevel};
use openapi::lifecycle::DeliveryForm;
use openapi::organisations::OrganisationKind;
use openapi::pilots::PilotConclusion;
use openapi::plan::PlanStatus;
use openapi::projects::{PlatformStatus, ProjectLevel, ProjectOrigin, ProjectStatus};
use openapi::resources::{
    DevelopmentElement, KitItemType, ProgrammeFormat, ResourceForm, Stage, VersionKind, Visibility,
};
use openapi::risks::{RiskCategory, RiskStatus};
use openapi::structures::{MemberFunction, StructureKind};
use openapi::users::{Locale, Role};

/// A value offered as an option: every value in order, the option's `value` attribute
/// and its text.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order offered.
    const CHOICES: &'static [Self];

    /// The option's `value` attribute.
    fn key(self) -> &'static str;

    /// The option's text.
    fn text(self, t: &Texts) -> &'static str;

    /// The value whose option has `key` as its `value` attribute.
    fn from_key(key: &str) -> Option<Self> {
        Self::CHOICES.iter().copied().find(|choice| choice.key() == key)
    }
}

impl Choice for Role {
    const CHOICES: &'static [Self] = &Role::ALL;

    fn key(self) -> &'static str {
        self.as_str()
    }

    fn text(self, t: &Texts) -> &'static str {
        t.role(self)
    }
}

impl Choice for OrganisationKind {
    const CHOICES: &'static [Self] = &OrganisationKind::ALL;

    fn key(self) -> &'static str {
        self.as_str()
    }

    fn text(self, t: &Texts) -> &'static str {
        t.kind(self)
    }
}

impl Choice for Locale {
    const CHOICES: &'static [Self] = &[Locale::Ru, Locale::En];

    fn key(self) -> &'static str {
        self.as_str()
    }

    fn text(self, t: &Texts) -> &'static str {
        match self {
            Locale::Ru => t.language_ru,
            Locale::En => t.language_en,
        }
    }
}

/// The contract's wire enums: the key is the wire spelling, the text a name in the
/// catalogue.
macro_rules! wire_choices {
    ($($choice:ty => |$t:ident, $value:ident| $text:expr;)+) => {$(
        impl Choice for $choice {
            const CHOICES: &'static [Self] = <$choice>::ALL;

            fn key(self) -> &'static str {
                self.as_str()
            }

            fn text(self, $t: &Texts) -> &'static str {
                let $value = self;
                $text
            }
        }
    )+};
}

wire_choices! {
    ProjectStatus => |t, status| t.projects.status(status);
    ProjectOrigin => |t, origin| t.projects.origin(origin);
    ProjectLevel => |t, level| t.projects.level(level);
    PlatformStatus => |t, status| t.projects.platform_status(status);
    ResourceForm => |t, form| t.resources.form(form);
    DevelopmentElement => |t, element| t.resources.element(element);
    ProgrammeFormat => |t, format| t.resources.programme_format(format);
    KitItemType => |t, item_type| t.resources.kit_item_type(item_type);
    Visibility => |t, visibility| t.resources.visibility(visibility);
    Stage => |t, stage| t.resources.stage(stage);
    VersionKind => |t, kind| t.lifecycle.kind(kind);
    DeliveryForm => |t, form| t.deliveries.form(form);
    StructureKind => |t, kind| t.launch.structure_kind(kind);
    MemberFunction => |t, function| t.launch.function(function);
    PlanStatus => |t, status| t.launch.plan_status(status);
    PilotConclusion => |t, conclusion| t.pilots.conclusion_name(conclusion);
    RiskCategory => |t, category| t.pilots.category_name(category);
    RiskStatus => |t, status| t.pilots.risk_status_name(status);
    EventKind => |t, kind| t.events.kind_name(kind);
    EventLevel => |t, level| t.events.level_name(level);
    ConsultationStatus => |t, status| t.consultations.status_name(status);
    ConsultationForm => |t, form| t.consultations.form_name(form);
    ConsultationRole => |t, role| t.consultations.role_name(role);
}
