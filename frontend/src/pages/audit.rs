//! `/audit`: the change log of the user's school, or of every school for the committee.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::audit::audit_row::AuditRow;
use crate::i18n::{Choice, Pick, Texts, use_i18n};
use crate::ui::data_table::{DataTable, paging};
use crate::ui::filter_select::FilterSelect;
use crate::ui::option_select::{OptionSelect, organisations};
use leptos::prelude::*;
use openapi::audit::{AuditEntry, AuditFilter};
use openapi::organisations::OrganisationKind;

/// The headings of the change log of one school.
const COLUMNS: &[Pick] = &[
    |t| t.audit.at,
    |t| t.audit.actor,
    |t| t.audit.record,
    |t| t.audit.action,
];

/// The headings of the change log of every school.
const COMMITTEE_COLUMNS: &[Pick] = &[
    |t| t.audit.at,
    |t| t.audit.actor,
    |t| t.organisation,
    |t| t.audit.record,
    |t| t.audit.action,
];

/// The kinds of record the log can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    /// Projects.
    Project,
    /// Educational resources.
    Resource,
    /// User accounts.
    User,
    /// Organisations.
    Organisation,
    /// Consumer requests.
    Request,
    /// Versions of resources.
    ResourceVersion,
    /// Files of versions.
    ResourceFile,
    /// Deliveries.
    Delivery,
}

impl Choice for Entity {
    const CHOICES: &'static [Self] = &[
        Self::Project,
        Self::Resource,
        Self::ResourceVersion,
        Self::ResourceFile,
        Self::Request,
        Self::Delivery,
        Self::User,
        Self::Organisation,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::Resource => "resource",
            Self::User => "user",
            Self::Organisation => "organisation",
            Self::Request => "request",
            Self::ResourceVersion => "resource_version",
            Self::ResourceFile => "resource_file",
            Self::Delivery => "delivery",
        }
    }

    fn text(self, t: &Texts) -> &'static str {
        t.audit.entity(self.key()).unwrap_or_default()
    }
}

/// The paginated log of changes, newest first, with a filter by kind of record (and by
/// school for the committee); projects and resources link to their pages.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let every_school = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let page = RwSignal::new(1_u32);
    let entity = RwSignal::new(None::<Entity>);
    let school = RwSignal::new(None);
    let entries = LocalResource::new(move || {
        let filter = AuditFilter {
            org_id: school.get(),
            entity: entity.get().map(|entity| entity.key().to_owned()),
            entity_id: None,
        };
        let paging = paging(page);
        async move { api::audit::list_audit_entries(&filter, paging).await }
    });

    // The committee reads every school: a school filter and a column with the names.
    let known = if every_school {
        organisations(None)
    } else {
        Signal::stored(Vec::new())
    };
    let school_filter = every_school.then(|| {
        let options = Signal::derive(move || {
            known
                .get()
                .into_iter()
                .filter(|org| org.kind == OrganisationKind::School)
                .map(|org| (org.id, org.short_name))
                .collect::<Vec<_>>()
        });
        view! {
            <OptionSelect
                id="audit-school-filter"
                label=|t| t.projects.school
                none=|t| t.projects.school_filter_all
                options=options
                value=school
                on_change=Callback::new(move |()| page.set(1))
            />
        }
    });
    let row = move |entry: AuditEntry| {
        if every_school {
            let org = entry.org_id;
            let name = Signal::derive(move || {
                known.with(|list| {
                    list.iter()
                        .find(|known| Some(known.id) == org)
                        .map(|known| known.short_name.clone())
                        .unwrap_or_default()
                })
            });
            view! { <AuditRow entry=entry school=name/> }.into_any()
        } else {
            view! { <AuditRow entry=entry/> }.into_any()
        }
    };

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t().audit.heading}</h1>
            </div>
            <div class="filters filters-selects" data-testid="audit-filters">
                <FilterSelect id="audit-entity-filter" label=|t| t.audit.entity value=entity page=page/>
                {school_filter}
            </div>
            <DataTable
                list=entries
                page=page
                headers=if every_school { COMMITTEE_COLUMNS } else { COLUMNS }
                testid="audit-table"
                row=row
            />
        </section>
    }
}
