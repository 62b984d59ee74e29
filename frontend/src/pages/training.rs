//! `/training`: «Моё обучение» — the signed-in teacher's enrolments with their status,
//! hours and certificates, and the total hours; for the school's administration and
//! council also the hours of the school's teachers.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::cohorts::{Enrolment, TeacherTraining};

/// The user's training and, for the school's management, the school's.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let school = auth
        .with_me_untracked(|me| access::may_read_school_training(me).then_some(me.organisation.id))
        .flatten();
    let mine = LocalResource::new(api::cohorts::my_training);
    let body = move || {
        Suspend::new(async move {
            match mine.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(history) => {
                    let (hours, completed) = (history.total_hours, history.completed);
                    let list = if history.enrolments.items.is_empty() {
                        view! { <p class="empty" data-testid="training-empty">{move || i18n.t().cohorts.no_training}</p> }
                            .into_any()
                    } else {
                        view! { <MyEnrolments enrolments=history.enrolments.items/> }.into_any()
                    };
                    view! {
                        <div class="tiles">
                            <div class="tile" data-testid="training-hours">
                                <span class="tile-value">{hours}</span>
                                <span class="tile-label">{move || i18n.t().cohorts.total_hours}</span>
                            </div>
                            <div class="tile" data-testid="training-completed">
                                <span class="tile-value">{completed}</span>
                                <span class="tile-label">{move || i18n.t().cohorts.completed_count}</span>
                            </div>
                        </div>
                        {list}
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="page" data-testid="training-page">
            <h1>{move || i18n.t().cohorts.my_training}</h1>
            <p class="muted">{move || i18n.t().cohorts.my_training_intro}</p>
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
            {school.map(|org| view! { <SchoolTraining org=org/> })}
        </section>
    }
}

/// The user's enrolments, the latest first.
#[component]
fn MyEnrolments(enrolments: Vec<Enrolment>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = enrolments
        .into_iter()
        .map(|enrolment| {
            let (starts, ends, status) = (enrolment.starts_on, enrolment.ends_on, enrolment.status);
            let id = enrolment.id;
            let hours = enrolment.hours.unwrap_or(enrolment.attended_hours);
            let certificate = enrolment.certificate_number.clone().map(|number| {
                view! { <A href=format!("/enrolments/{id}/certificate") {..} data-testid="certificate-link">{number}</A> }
            });
            view! {
                <tr data-testid="training-row" data-status=status.as_str()>
                    <td>
                        <A href=format!("/cohorts/{}", enrolment.cohort_id)>{enrolment.resource_title.clone()}</A>
                        <br/>
                        <span class="muted small">{enrolment.cohort_title.clone()}</span>
                    </td>
                    <td>{move || format!("{} – {}", i18n.t().day(starts), i18n.t().day(ends))}</td>
                    <td>{move || i18n.t().cohorts.enrolment_name(status)}</td>
                    <td class="num">{hours}</td>
                    <td>{certificate}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="training">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t().cohorts.programme}</th>
                    <th scope="col">{move || i18n.t().cohorts.period}</th>
                    <th scope="col">{move || i18n.t().cohorts.status}</th>
                    <th scope="col" class="num">{move || i18n.t().cohorts.hours}</th>
                    <th scope="col">{move || i18n.t().cohorts.certificate}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The school's teachers with their hours and programmes.
#[component]
fn SchoolTraining(org: openapi::OrganisationId) -> impl IntoView {
    let i18n = use_i18n();
    let teachers = LocalResource::new(move || api::cohorts::school_training(org));
    let row = move |teacher: TeacherTraining| {
        view! {
            <tr data-testid="school-training-row">
                <td>{teacher.full_name}</td>
                <td class="num">{teacher.hours}</td>
                <td class="num">{teacher.completed}</td>
                <td class="num">{teacher.in_progress}</td>
            </tr>
        }
    };
    view! {
        <section class="section" data-testid="school-training">
            <h2>{move || i18n.t().cohorts.school_training}</h2>
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match teachers.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{move || i18n.t().cohorts.no_school_training}</p> }.into_any()
                        }
                        Ok(page) => view! {
                            <table class="table">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().cohorts.teacher}</th>
                                        <th scope="col" class="num">{move || i18n.t().cohorts.hours}</th>
                                        <th scope="col" class="num">{move || i18n.t().cohorts.completed_count}</th>
                                        <th scope="col" class="num">{move || i18n.t().cohorts.in_progress}</th>
                                    </tr>
                                </thead>
                                <tbody>{page.items.into_iter().map(row).collect_view()}</tbody>
                            </table>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
