//! The names of the launch procedure's closed sets of values and its refusals.

use super::launch_texts::LaunchTexts;
use openapi::orders::OrderStatus;
use openapi::package::{DocumentKind, VersionStatus};
use openapi::plan::{PlanStatus, ReminderKind, WaitingKind};
use openapi::structures::{MemberFunction, StructureKind, StructureStatus};

impl LaunchTexts {
    /// A number with `places` decimals and this language's separator (trailing zeros of
    /// a whole number dropped when `places` is 0).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        format!("{value:.places$}").replace('.', self.decimal_separator)
    }

    /// A measured value as entered: whole numbers without decimals, others as they are.
    pub fn amount(&self, value: f64) -> String {
        format!("{value}").replace('.', self.decimal_separator)
    }

    /// The name of a structure kind.
    pub fn structure_kind(&self, kind: StructureKind) -> &'static str {
        match kind {
            StructureKind::Council => self.kind_council,
            StructureKind::CreativeGroup => self.kind_creative_group,
            StructureKind::Laboratory => self.kind_laboratory,
            StructureKind::Department => self.kind_department,
        }
    }

    /// The name of a member's function.
    pub fn function(&self, function: MemberFunction) -> &'static str {
        match function {
            MemberFunction::Head => self.fn_head,
            MemberFunction::Secretary => self.fn_secretary,
            MemberFunction::Member => self.fn_member,
            MemberFunction::Expert => self.fn_expert,
        }
    }

    /// The name of a structure's status.
    pub fn structure_status(&self, status: StructureStatus) -> &'static str {
        match status {
            StructureStatus::Draft => self.st_draft,
            StructureStatus::Approved => self.st_approved,
            StructureStatus::Changed => self.st_changed,
        }
    }

    /// The name of a package document.
    pub fn document(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Programme => self.doc_programme,
            DocumentKind::InnovationMap => self.doc_innovation_map,
            DocumentKind::WorkPlan => self.doc_work_plan,
            DocumentKind::ResultsTracking => self.doc_results_tracking,
        }
    }

    /// The name of a version's review state.
    pub fn version_status(&self, status: VersionStatus) -> &'static str {
        match status {
            VersionStatus::UnderReview => self.vs_under_review,
            VersionStatus::Approved => self.vs_approved,
            VersionStatus::Returned => self.vs_returned,
            VersionStatus::Superseded => self.vs_superseded,
        }
    }

    /// The name of a plan item's status.
    pub fn plan_status(&self, status: PlanStatus) -> &'static str {
        match status {
            PlanStatus::Planned => self.ps_planned,
            PlanStatus::InProgress => self.ps_in_progress,
            PlanStatus::Done => self.ps_done,
            PlanStatus::Cancelled => self.ps_cancelled,
        }
    }

    /// The name of an order's status.
    pub fn order_status(&self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::Draft => self.os_draft,
            OrderStatus::Issued => self.os_issued,
        }
    }

    /// What kind of thing waits for a decision.
    pub fn waiting_kind(&self, kind: WaitingKind) -> &'static str {
        match kind {
            WaitingKind::Structure => self.wk_structure,
            WaitingKind::DocumentVersion => self.wk_document_version,
            WaitingKind::Order => self.wk_order,
        }
    }

    /// What a reminder is about.
    pub fn reminder_kind(&self, kind: ReminderKind) -> &'static str {
        match kind {
            ReminderKind::PlanItem => self.rk_plan_item,
            ReminderKind::RiskReview => self.rk_risk_review,
            ReminderKind::EventFeedback => self.rk_event_feedback,
        }
    }

    /// «Срок через 3 дня», «Срок сегодня» or «Просрочено на 5 дней».
    pub fn days_left(&self, days: i64) -> String {
        match days {
            0 => self.due_today.to_owned(),
            days if days > 0 => self.due_in.replace("{}", &self.days.count(days)),
            days => self.overdue_by.replace("{}", &self.days.count(days.saturating_neg())),
        }
    }
}
