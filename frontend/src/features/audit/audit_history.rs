//! The change history of one record.

use crate::api;
use crate::features::audit::audit_row::AuditRow;
use crate::i18n::{Pick, use_i18n};
use crate::ui::data_table::{DataTable, paging};
use leptos::prelude::*;
use openapi::audit::{AuditEntry, AuditFilter};

/// The headings of a record's history.
const COLUMNS: &[Pick] = &[|t| t.audit.at, |t| t.audit.actor, |t| t.audit.action];

/// «История изменений»: who changed the record, when, and how, newest first.
#[component]
pub fn AuditHistory(
    /// The kind of record as the trail spells it (`resource`, `project`).
    entity: &'static str,
    /// The record's id.
    entity_id: i64,
    /// Changes whenever the record was saved, so the history reloads.
    #[prop(into)]
    version: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1_u32);
    let entries = LocalResource::new(move || {
        version.track();
        let filter = AuditFilter {
            org_id: None,
            entity: Some(entity.to_owned()),
            entity_id: Some(entity_id),
        };
        let paging = paging(page);
        async move { api::audit::list_audit_entries(&filter, paging).await }
    });

    view! {
        <section class="section" data-testid="audit-history">
            <h2>{move || i18n.t().resources.history}</h2>
            <DataTable
                list=entries
                page=page
                headers=COLUMNS
                testid="audit-history-table"
                row=move |entry: AuditEntry| view! { <AuditRow entry=entry record=false/> }
            />
        </section>
    }
}
