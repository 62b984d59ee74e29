//! `/consultations`: methodological support between schools. A school (or the
//! committee) asks another school for a consultation; the host school's administration,
//! council and teachers schedule, decline or record it as held, or record one given
//! without a request; the recipient rates it once held.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::features::consultations::consultation_card::ConsultationCard;
use crate::features::consultations::given_form::GivenForm;
use crate::features::consultations::request_form::RequestForm;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::empty_state::EmptyState;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::filter_select::FilterSelect;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::consultations::{Consultation, ConsultationFilter, ConsultationRole, ConsultationStatus};

/// The list with its filters, and the forms the user's roles may use.
#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let consults = auth.with_me_untracked(access::may_consult).unwrap_or(false);
    let own_org = auth.with_me_untracked(|me| me.organisation.id);
    let role = RwSignal::new(None::<ConsultationRole>);
    let status = RwSignal::new(None::<ConsultationStatus>);
    let page = RwSignal::new(1_u32);
    let changed = RwSignal::new(0_usize);
    let asking = RwSignal::new(false);
    let recording = RwSignal::new(false);
    let list = LocalResource::new(move || {
        changed.track();
        let filter = ConsultationFilter {
            role: role.get(),
            status: status.get(),
            ..ConsultationFilter::default()
        };
        async move { api::consultations::list_consultations(&filter).await }
    });
    let done = Callback::new(move |_: Consultation| {
        asking.set(false);
        recording.set(false);
        changed.update(|count| *count += 1);
    });
    view! {
        <section class="page" data-testid="consultations-page">
            <div class="section-head">
                <h1>{move || i18n.t().consultations.heading}</h1>
                <AddButton label=|t| t.consultations.request testid="consultation-request" open=asking/>
                {consults.then(|| view! { <AddButton label=|t| t.consultations.record testid="consultation-record" open=recording/> })}
            </div>
            <p class="muted">{move || i18n.t().consultations.intro}</p>
            <Show when=move || asking.get()>
                <RequestForm own_org=own_org on_done=done on_cancel=Callback::new(move |()| asking.set(false))/>
            </Show>
            <Show when=move || recording.get()>
                <GivenForm own_org=own_org on_done=done on_cancel=Callback::new(move |()| recording.set(false))/>
            </Show>
            <div class="filters">
                <FilterSelect id="consultation-role-filter" label=|t| t.consultations.side value=role page=page/>
                <FilterSelect id="consultation-status-filter" label=|t| t.consultations.status value=status page=page/>
            </div>
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <EmptyState text=|t| t.consultations.none/> }.into_any()
                        }
                        Ok(page) => view! {
                            <ul class="rows" data-testid="consultations">
                                {page
                                    .items
                                    .into_iter()
                                    .map(|consultation| view! { <ConsultationCard consultation=consultation changed=changed/> })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
