//! «Потоки обучения» of a training programme: its cohorts with their dates, format,
//! hours and places, each linking to its page; for the programme's school staff the form
//! that opens a cohort with its trainers and sessions.

use crate::api;
use crate::features::training::cohort_form::CohortForm;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::error_alert::ErrorAlert;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::ResourceId;
use openapi::cohorts::Cohort;
use openapi::resources::ProgrammeFormat;

/// The programme's cohorts, the latest start first, and «Открыть поток» for those who may
/// change the programme.
#[component]
pub fn Cohorts(
    /// The training programme.
    resource: ResourceId,
    /// The programme's format, the new cohort's first choice.
    format: ProgrammeFormat,
    /// The programme's hours, the new cohort's first value.
    hours: Option<i32>,
    /// Whether the user may open cohorts.
    may_edit: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let changed = RwSignal::new(0_usize);
    let cohorts = LocalResource::new(move || {
        changed.track();
        api::cohorts::list_cohorts(resource)
    });
    let added = Callback::new(move |_: Cohort| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });
    view! {
        <section class="section" data-testid="cohorts">
            <div class="section-head">
                <h2>{move || i18n.t().cohorts.heading}</h2>
                <AddButton label=|t| t.cohorts.open testid="open-cohort" open=adding allowed=Signal::stored(may_edit)/>
            </div>
            <Show when=move || adding.get()>
                <CohortForm
                    resource=resource
                    format=format
                    hours=hours
                    on_saved=added
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match cohorts.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty" data-testid="cohorts-empty">{move || i18n.t().cohorts.none}</p> }
                                .into_any()
                        }
                        Ok(page) => view! {
                            <ul class="rows">
                                {page.items.into_iter().map(|cohort| view! { <CohortRow cohort=cohort/> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One cohort in the list: its title (a link to its page), dates, format, hours, places
/// and status.
#[component]
fn CohortRow(cohort: Cohort) -> impl IntoView {
    let i18n = use_i18n();
    let (starts, ends, status, format) = (cohort.starts_on, cohort.ends_on, cohort.status, cohort.format);
    let (hours, capacity, enrolled, waiting) = (cohort.hours, cohort.capacity, cohort.enrolled, cohort.waiting);
    view! {
        <li class="card" data-testid="cohort-row" data-cohort-id=cohort.id.to_string()>
            <p>
                <A href=format!("/cohorts/{}", cohort.id) {..} data-testid="cohort-link">
                    <strong>{cohort.title.clone()}</strong>
                </A>
                " "
                <span class="badge badge-status" data-status=status.as_str() data-testid="cohort-status">
                    {move || i18n.t().cohorts.status_name(status)}
                </span>
            </p>
            <p class="meta">
                {move || {
                    let t = i18n.t();
                    format!(
                        "{} – {} · {} · {}: {hours} · {}: {enrolled} / {capacity} · {}: {waiting}",
                        t.day(starts),
                        t.day(ends),
                        t.resources.programme_format(format),
                        t.cohorts.hours,
                        t.cohorts.places_taken,
                        t.cohorts.waiting_count,
                    )
                }}
            </p>
        </li>
    }
}
