//! A fair's stands: the schools' stands with their resources and ratings, a visitor's
//! rating of each, and a school's own stand.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use crate::ui::pager::Pager;
use crate::ui::text_field::{TextField, trimmed};
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::events::{Event, EventStatus, RegistrationStatus};
use openapi::fairs::{RatingInput, Stand, StandInput};

/// One page of the stands, each with «Оценить» (1–5) for visitors of other organisations
/// registered for the fair while it is open, «Представить стенд школы» for a school's
/// staff, and the link to the results with their formula.
#[component]
pub fn FairStands(
    /// The fair.
    event: Event,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let id = event.id;
    let open = event.status == EventStatus::Published;
    let own_org = auth.with_me_untracked(|me| me.organisation.id);
    let registered = event
        .my_registration
        .as_ref()
        .is_some_and(|registration| registration.status == RegistrationStatus::Confirmed);
    let may_present = open && auth.with_me_untracked(access::may_present_stands).unwrap_or(false);
    let page = RwSignal::new(1_u32);
    let stands = LocalResource::new(move || api::events::list_stands(id, page.get()));
    let adding = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let present = Action::new_local(move |input: &StandInput| {
        let input = input.clone();
        async move {
            let created = api::events::create_stand(id, &input).await;
            if created.is_ok() {
                adding.set(false);
                stands.refetch();
            }
            created
        }
    });
    let title_error = Signal::derive(move || {
        present.value().with(|result| match result {
            Some(Err(error)) => error.field("title").map(|code| i18n.t().field_error(code)),
            _ => None,
        })
    });
    let rate = Action::new_local(move |(stand, score): &(openapi::StandId, i32)| {
        let (stand, score) = (*stand, *score);
        async move {
            let rated = api::events::rate_stand(stand, &RatingInput { score }).await;
            if rated.is_ok() {
                stands.refetch();
            }
            rated
        }
    });
    let row = move |stand: Stand| {
        let stand_id = stand.id;
        let may_rate = open && registered && own_org != Some(stand.org_id);
        let resources = stand
            .resources
            .iter()
            .map(|resource| resource.title.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let mean = stand.mean.map_or_else(|| "—".to_owned(), |mean| format!("{mean:.2}"));
        let mine = stand.my_score;
        view! {
            <tr data-testid="stand-row">
                <td data-testid="stand-title">{stand.title.clone()}</td>
                <td>{stand.org_name.clone()}</td>
                <td>{resources}</td>
                <td data-testid="stand-mean">{mean} " (" {stand.organisations} " / " {stand.ratings} ")"</td>
                <td>
                    {may_rate
                        .then(|| {
                            view! {
                                <select
                                    data-testid=format!("rate-{stand_id}")
                                    aria-label=move || i18n.t().events.my_rating
                                    on:change=move |event| {
                                        if let Ok(score) = event_target_value(&event).parse::<i32>() {
                                            rate.dispatch((stand_id, score));
                                        }
                                    }
                                >
                                    <option value="" selected=mine.is_none()>{move || i18n.t().events.rate}</option>
                                    {(1..=5)
                                        .rev()
                                        .map(|score| view! { <option value=score.to_string() selected=mine == Some(score)>{score}</option> })
                                        .collect_view()}
                                </select>
                            }
                        })}
                </td>
            </tr>
        }
    };
    let list = move || match stands.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
        Some(Ok(list)) if list.items.is_empty() => {
            view! { <p class="muted" data-testid="stands-empty">{move || i18n.t().events.stands_none}</p> }.into_any()
        }
        Some(Ok(list)) => {
            let page_count = list.page_count();
            view! {
            <table class="table" data-testid="stands">
                <thead>
                    <tr>
                        <th>{move || i18n.t().events.stand_title}</th>
                        <th>{move || i18n.t().events.organisation}</th>
                        <th>{move || i18n.t().events.resources}</th>
                        <th>{move || format!("{} ({} / {})", i18n.t().events.rating, i18n.t().events.rating_organisations, i18n.t().events.ratings)}</th>
                        <th>{move || i18n.t().events.my_rating}</th>
                    </tr>
                </thead>
                <tbody>{list.items.into_iter().map(row).collect_view()}</tbody>
            </table>
            {(page_count > 1).then(|| view! { <Pager page=page page_count=page_count/> })}
            }
            .into_any()
        }
    };
    view! {
        <h2>{move || i18n.t().events.stands}</h2>
        <p class="muted" data-testid="stands-who-rates">{move || i18n.t().events.rate_when_registered}</p>
        {list}
        <ErrorAlert error=failure(rate)/>
        <p>
            <A href=format!("/events/{id}/results") {..} data-testid="fair-results-link">{move || i18n.t().events.results_link}</A>
        </p>
        {may_present
            .then(|| {
                view! {
                    <Show
                        when=move || adding.get()
                        fallback=move || {
                            view! {
                                <button type="button" class="button" data-testid="stand-add" on:click=move |_| adding.set(true)>
                                    {move || i18n.t().events.stand_add}
                                </button>
                            }
                        }
                    >
                        <form
                            class="card form"
                            data-testid="stand-form"
                            on:submit=move |event: leptos::ev::SubmitEvent| {
                                event.prevent_default();
                                present.dispatch(StandInput {
                                    title: trimmed(title),
                                    description: trimmed(description),
                                    resource_ids: Vec::new(),
                                });
                            }
                        >
                            <TextField id="stand-title" label=|t| t.events.stand_title value=title error=title_error autocomplete="off"/>
                            <TextField
                                id="stand-description"
                                label=|t| t.events.stand_description
                                value=description
                                error=Signal::stored(None)
                                autocomplete="off"
                            />
                            <button type="submit" class="button primary" data-testid="stand-save">{move || i18n.t().events.save}</button>
                        </form>
                    </Show>
                }
            })}
        <ErrorAlert error=failure(present)/>
    }
}
