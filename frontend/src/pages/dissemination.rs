//! `/dissemination`: a school's dissemination figures for a school year — the user's
//! school, or for the committee the school it chooses.

use crate::access;
use crate::api::dissemination::Scope;
use crate::auth::use_auth;
use crate::features::dissemination::dissemination_panel::DisseminationPanel;
use crate::i18n::use_i18n;
use crate::ui::option_select::{OptionSelect, organisations};
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;

/// The figures of the user's school, or of the school the committee chooses (a hint
/// until then).
#[component]
pub fn DisseminationPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let every_school = auth.with_me_untracked(access::reads_every_school).unwrap_or(false);
    let own_school = auth.with_me_untracked(|me| me.organisation.id);
    let school = RwSignal::new(if every_school { None } else { own_school });
    let school_filter = every_school.then(|| {
        let schools = organisations(Some(OrganisationKind::School));
        let options = Signal::derive(move || {
            schools
                .get()
                .into_iter()
                .map(|org| (org.id, org.short_name))
                .collect::<Vec<_>>()
        });
        view! {
            <div class="filters">
                <OptionSelect
                    id="dissemination-school"
                    label=|t| t.dissemination.school
                    none=|t| t.board.choose_school
                    options=options
                    value=school
                />
            </div>
        }
    });
    view! {
        <section class="page" data-testid="dissemination-page">
            <div class="page-head">
                <h1>{move || i18n.t().dissemination.heading}</h1>
            </div>
            {school_filter}
            {move || match school.get() {
                Some(org) => view! { <DisseminationPanel scope=Scope::School(org)/> }.into_any(),
                None => {
                    view! {
                        <p class="empty" data-testid="dissemination-pick-school">
                            {move || i18n.t().board.pick_school}
                        </p>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
