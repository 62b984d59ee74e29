//! `/cohorts/:id`: one cohort of a training programme — its dates, format, hours,
//! places, trainers and sessions; «Записаться» for a school's staff, «Записать педагога»
//! for a school's administration; the participants the user may see with their
//! attendance, and for the host's staff the attendance of each session, «Завершить
//! обучение» (which issues the certificate) and «Отчислить».

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::training::cohort_form::CohortForm;
use crate::i18n::use_i18n;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::loading::Loading;
use crate::ui::option_select::{OptionSelect, school_accounts};
use leptos::Params;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::cohorts::{Cohort, CohortStatus, Enrolment, EnrolmentInput, EnrolmentStatus, SessionAttendanceInput};
use openapi::{CohortId, CohortSessionId, EnrolmentId, Page, UserId};

/// The path of a cohort's page.
#[derive(Debug, Clone, PartialEq, Params)]
struct CohortParams {
    /// The cohort's id.
    id: Option<i64>,
}

/// What a step on the page said last: it stays while the cohort is read again.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Notice {
    /// The user (or a teacher) was enrolled, or put on the waiting list at a place.
    Enrolled(EnrolmentStatus, Option<i64>),
    /// A session's attendance was saved.
    AttendanceSaved,
}

/// What outlives a reading of the cohort: the count of changes that makes it read
/// again, the last notice and the session chosen for the marks.
#[derive(Debug, Clone, Copy)]
struct Kept {
    changed: RwSignal<usize>,
    notice: RwSignal<Option<Notice>>,
    session: RwSignal<Option<i64>>,
}

impl Kept {
    /// Shows `notice` and reads the cohort again.
    fn done(self, notice: Option<Notice>) {
        self.notice.set(notice);
        self.changed.update(|count| *count += 1);
    }
}

/// The cohort with what the user may do in it.
#[component]
pub fn CohortPage() -> impl IntoView {
    let params = use_params::<CohortParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let kept = Kept {
        changed: RwSignal::new(0),
        notice: RwSignal::new(None),
        session: RwSignal::new(None),
    };
    let loaded = LocalResource::new(move || {
        kept.changed.track();
        let id = id.get();
        async move {
            let id = CohortId(id.ok_or_else(ApiError::not_found)?);
            let cohort = api::cohorts::get_cohort(id).await?;
            let enrolments = api::cohorts::list_enrolments(id).await?;
            Ok::<_, ApiError>((cohort, enrolments))
        }
    });
    view! {
        <section class="page" data-testid="cohort-page">
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok((cohort, enrolments)) => {
                            view! { <CohortView cohort=cohort enrolments=enrolments kept=kept/> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The cohort's card, the enrolment actions and the participants.
#[component]
fn CohortView(cohort: Cohort, enrolments: Page<Enrolment>, kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let (me, own_org) = auth
        .with_me_untracked(|me| (me.id, me.organisation.id))
        .unwrap_or((UserId(0), cohort.org_id));
    let host = cohort.org_id;
    let runs = auth
        .with_me_untracked(|me| access::may_edit_resources(me, host))
        .unwrap_or(false);
    let open = cohort.status != CohortStatus::Finished;
    let mine = enrolments
        .items
        .iter()
        .find(|enrolment| {
            enrolment.user_id == me && matches!(enrolment.status, EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting)
        })
        .cloned();
    let may_enrol_self = open && mine.is_none() && auth.with_me_untracked(access::may_train).unwrap_or(false);
    let enrols_teachers = open
        && auth
            .with_me_untracked(|me| access::is_director_of(me, own_org))
            .unwrap_or(false);
    let refresh = Callback::new(move |()| kept.done(None));
    let notice = move || {
        let t = i18n.t();
        let text = match kept.notice.get()? {
            Notice::Enrolled(EnrolmentStatus::Waiting, position) => {
                format!("{} {}.", t.cohorts.waiting_notice, position.unwrap_or_default())
            }
            Notice::Enrolled(..) => t.cohorts.enrolled_notice.to_owned(),
            Notice::AttendanceSaved => t.cohorts.attendance_saved.to_owned(),
        };
        let testid = match kept.notice.get()? {
            Notice::AttendanceSaved => "attendance-saved",
            Notice::Enrolled(..) => "enrol-notice",
        };
        Some(view! { <p class="alert alert-success" role="status" data-testid=testid>{text}</p> })
    };
    let (starts, ends, status, format) = (cohort.starts_on, cohort.ends_on, cohort.status, cohort.format);
    let (hours, capacity, taken, waiting) = (cohort.hours, cohort.capacity, cohort.enrolled, cohort.waiting);
    let (threshold, required) = (cohort.attendance_threshold, cohort.required_hours);
    let place = (!cohort.place.is_empty()).then(|| {
        let place = cohort.place.clone();
        view! { <p>{move || i18n.t().cohorts.place} ": " {place.clone()}</p> }
    });
    let link = (!cohort.online_link.is_empty()).then(|| {
        let href = cohort.online_link.clone();
        view! {
            <p>
                {move || i18n.t().cohorts.online_link} ": "
                <a href=href.clone() target="_blank" rel="noopener noreferrer">{href.clone()}</a>
            </p>
        }
    });
    let trainers = cohort.trainers.join(", ");
    let sessions = if cohort.sessions.is_empty() {
        view! { <p class="empty">{move || i18n.t().cohorts.no_sessions}</p> }.into_any()
    } else {
        let rows = cohort
            .sessions
            .iter()
            .map(|session| {
                let (day, hours) = (session.held_on, session.hours);
                view! {
                    <tr data-testid="cohort-session-row">
                        <td>{move || i18n.t().day(day)}</td>
                        <td>{session.topic.clone()}</td>
                        <td class="num">{hours}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t().cohorts.session_day}</th>
                        <th scope="col">{move || i18n.t().cohorts.session_topic}</th>
                        <th scope="col" class="num">{move || i18n.t().cohorts.session_hours}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let attendance = (runs && !cohort.sessions.is_empty()).then(|| {
        view! { <Attendance cohort=cohort.clone() enrolments=enrolments.items.clone() me=me kept=kept/> }
    });
    let id = cohort.id;
    let changing = RwSignal::new(false);
    let edited = cohort.clone();
    let change = runs.then(|| {
        view! {
            <Show
                when=move || changing.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button" data-testid="edit-cohort" on:click=move |_| changing.set(true)>
                            {move || i18n.t().cohorts.edit}
                        </button>
                    }
                }
            >
                <CohortForm
                    resource=edited.resource_id
                    format=edited.format
                    hours=Some(edited.hours)
                    cohort=edited.clone()
                    on_saved=Callback::new(move |_| kept.done(None))
                    on_cancel=Callback::new(move |()| changing.set(false))
                />
            </Show>
        }
    });
    view! {
        <p class="back">
            <A href=format!("/resources/{}", cohort.resource_id) {..} data-testid="back-to-programme">
                "← " {move || i18n.t().cohorts.back_to_programme}
            </A>
        </p>
        <div class="page-head">
            <h1 data-testid="cohort-title">{cohort.title.clone()}</h1>
            <span class="badge badge-status" data-status=status.as_str() data-testid="cohort-status">
                {move || i18n.t().cohorts.status_name(status)}
            </span>
        </div>
        <article class="card block" data-testid="cohort-card">
            <p>{move || i18n.t().cohorts.programme} ": " <strong>{cohort.resource_title.clone()}</strong></p>
            <p>{move || i18n.t().cohorts.host} ": " {cohort.org_short_name.clone()}</p>
            <p data-testid="cohort-period">
                {move || format!("{}: {} – {}", i18n.t().cohorts.period, i18n.t().day(starts), i18n.t().day(ends))}
            </p>
            <p>
                {move || {
                    let t = i18n.t();
                    format!(
                        "{}: {} · {}: {hours} · {}: {taken} / {capacity} · {}: {waiting}",
                        t.cohorts.format,
                        t.resources.programme_format(format),
                        t.cohorts.hours,
                        t.cohorts.places_taken,
                        t.cohorts.waiting_count,
                    )
                }}
            </p>
            <p data-testid="cohort-required-hours">
                {move || {
                    let t = i18n.t();
                    format!(
                        "{}: {threshold} · {}: {required}",
                        t.cohorts.attendance_threshold,
                        t.cohorts.required_hours,
                    )
                }}
            </p>
            {place}
            {link}
            <p>{move || i18n.t().cohorts.trainers} ": " {trainers.clone()}</p>
        </article>
        {change}
        <section class="section">
            <h2>{move || i18n.t().cohorts.sessions}</h2>
            {sessions}
        </section>
        {notice}
        <Enrol cohort=id may_enrol_self=may_enrol_self enrols_teachers=enrols_teachers own_org=own_org kept=kept/>
        {attendance}
        <Participants cohort=cohort enrolments=enrolments me=me runs=runs on_changed=refresh/>
    }
}

/// «Записаться» and, for a school's administration, «Записать педагога» with a choice of
/// the school's accounts; the waiting-list place when the cohort is full.
#[component]
fn Enrol(
    cohort: CohortId,
    may_enrol_self: bool,
    enrols_teachers: bool,
    own_org: openapi::OrganisationId,
    kept: Kept,
) -> impl IntoView {
    let i18n = use_i18n();
    let teacher = RwSignal::new(None::<UserId>);
    let accounts = school_accounts(own_org, None, enrols_teachers);
    let enrol = Action::new_local(move |input: &EnrolmentInput| {
        let input = input.clone();
        async move {
            let done = api::cohorts::enrol(cohort, &input).await;
            if let Ok(enrolment) = &done {
                let notice = Notice::Enrolled(enrolment.status, enrolment.position);
                queue_microtask(move || kept.done(Some(notice)));
            }
            done
        }
    });
    let choose = Signal::derive(move || {
        enrol.value().with(|result| match result {
            Some(Err(error)) => error.field("user_id").map(|code| i18n.t().field_error(code)),
            _ => None,
        })
    });
    let general = Signal::derive(move || {
        failure(enrol)
            .get()
            .filter(|error: &ApiError| error.field("user_id").is_none())
    });
    (may_enrol_self || enrols_teachers).then(|| {
        view! {
            <section class="section" data-testid="cohort-enrol">
                {may_enrol_self
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button button-primary"
                                data-testid="enrol-self"
                                disabled=move || enrol.pending().get()
                                on:click=move |_| {
                                    enrol.dispatch(EnrolmentInput::default());
                                }
                            >
                                {move || i18n.t().cohorts.enrol_self}
                            </button>
                        }
                    })}
                {enrols_teachers
                    .then(|| {
                        view! {
                            <div class="inline-form">
                                <OptionSelect
                                    id="enrol-teacher"
                                    label=|t| t.cohorts.teacher
                                    none=|t| t.cohorts.choose_teacher
                                    options=accounts
                                    value=teacher
                                    error=choose
                                />
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="enrol-teacher-submit"
                                    disabled=move || enrol.pending().get() || teacher.with(Option::is_none)
                                    on:click=move |_| {
                                        if let Some(user_id) = teacher.get_untracked() {
                                            enrol.dispatch(EnrolmentInput { user_id: Some(user_id) });
                                        }
                                    }
                                >
                                    {move || i18n.t().cohorts.enrol_teacher}
                                </button>
                            </div>
                        }
                    })}
                <ErrorAlert error=general testid="enrol-error"/>
            </section>
        }
    })
}

/// The attendance of one session at a time: a check box per placed participant, the
/// marks so far checked; «Сохранить посещаемость» replaces the session's marks. The
/// user's own box, if they are enrolled, is another person's to tick.
#[component]
fn Attendance(cohort: Cohort, enrolments: Vec<Enrolment>, me: UserId, kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let placed: Vec<Enrolment> = enrolments
        .into_iter()
        .filter(|enrolment| matches!(enrolment.status, EnrolmentStatus::Enrolled | EnrolmentStatus::Completed))
        .collect();
    let sessions = cohort.sessions.clone();
    let options = Signal::derive(move || {
        let t = i18n.t();
        sessions
            .iter()
            .map(|session| (session.id.0, format!("{} · {}", t.day(session.held_on), session.topic)))
            .collect::<Vec<_>>()
    });
    let session = kept.session;
    let first = cohort.sessions.first().map(|session| session.id.0);
    if session.with_untracked(|chosen| !chosen.is_some_and(|chosen| cohort.sessions.iter().any(|s| s.id.0 == chosen))) {
        session.set(first);
    }
    let present = RwSignal::new(Vec::<EnrolmentId>::new());
    let marks = StoredValue::new(placed.clone());
    // The check boxes start from the marks saved for the chosen session.
    Effect::new(move |_| {
        let Some(chosen) = session.get() else { return };
        let chosen = CohortSessionId(chosen);
        present.set(marks.with_value(|placed| {
            placed
                .iter()
                .filter(|enrolment| enrolment.attended.contains(&chosen))
                .map(|enrolment| enrolment.id)
                .collect()
        }));
    });
    let save = Action::new_local(move |(session, present): &(CohortSessionId, Vec<EnrolmentId>)| {
        let (session, input) = (
            *session,
            SessionAttendanceInput {
                present: present.clone(),
            },
        );
        async move {
            let saved = api::cohorts::mark_attendance(session, &input).await;
            if saved.is_ok() {
                queue_microtask(move || kept.done(Some(Notice::AttendanceSaved)));
            }
            saved
        }
    });
    let boxes = placed
        .iter()
        .map(|enrolment| {
            let id = enrolment.id;
            let own = enrolment.user_id == me;
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid=format!("attended-{id}")
                        disabled=own
                        title=move || own.then(|| i18n.t().cohorts.own_record_hint)
                        prop:checked=move || present.with(|present| present.contains(&id))
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            present.update(|present| {
                                present.retain(|kept| *kept != id);
                                if on {
                                    present.push(id);
                                }
                            });
                        }
                    />
                    " " {enrolment.full_name.clone()} " (" {enrolment.org_short_name.clone()} ")"
                </label>
            }
        })
        .collect_view();
    let empty = placed.is_empty();
    view! {
        <section class="section card" data-testid="attendance">
            <h2>{move || i18n.t().cohorts.attendance}</h2>
            {if empty {
                view! { <p class="empty">{move || i18n.t().cohorts.attendance_none}</p> }.into_any()
            } else {
                view! {
                    <OptionSelect id="attendance-session" label=|t| t.cohorts.attendance_session options=options value=session/>
                    <fieldset class="field field-wide">{boxes}</fieldset>
                    <ErrorAlert error=failure(save) testid="attendance-error"/>
                    <button
                        type="button"
                        class="button button-primary"
                        data-testid="attendance-save"
                        disabled=move || save.pending().get()
                        on:click=move |_| {
                            if let Some(chosen) = session.get_untracked() {
                                save.dispatch((CohortSessionId(chosen), present.get_untracked()));
                            }
                        }
                    >
                        {move || i18n.t().cohorts.attendance_save}
                    </button>
                }
                .into_any()
            }}
        </section>
    }
}

/// A step on an enrolment that asks first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Complete,
    Withdraw,
}

/// The participants the user may see: name, school, status, hours attended, the
/// certificate once completed, and the steps the user may take.
#[component]
fn Participants(
    cohort: Cohort,
    enrolments: Page<Enrolment>,
    me: UserId,
    runs: bool,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let asking = RwSignal::new(None::<(Step, EnrolmentId, String)>);
    let act = Action::new_local(move |(step, id): &(Step, EnrolmentId)| {
        let (step, id) = (*step, *id);
        async move {
            let done = match step {
                Step::Complete => api::cohorts::complete(id).await,
                Step::Withdraw => api::cohorts::withdraw(id).await,
            };
            if done.is_ok() {
                queue_microtask(move || on_changed.run(()));
            }
            done
        }
    });
    let host = cohort.org_id;
    let rows = enrolments
        .items
        .into_iter()
        .map(|enrolment| {
            let (id, status, name) = (enrolment.id, enrolment.status, enrolment.full_name.clone());
            let live = matches!(status, EnrolmentStatus::Enrolled | EnrolmentStatus::Waiting);
            let withdraws = live
                && (enrolment.user_id == me
                    || auth
                        .with_me_untracked(|who| access::may_withdraw_others(who, enrolment.org_id, host))
                        .unwrap_or(false));
            let own = enrolment.user_id == me;
            let completes = runs && status == EnrolmentStatus::Enrolled && !own;
            let own_hint = runs && status == EnrolmentStatus::Enrolled && own;
            let below = enrolment.attended_hours < cohort.required_hours;
            let position = enrolment.position;
            let certificate = enrolment.certificate_number.clone().map(|number| {
                view! {
                    <A href=format!("/enrolments/{id}/certificate") {..} data-testid="certificate-link">{number}</A>
                }
            });
            let (complete_name, withdraw_name) = (name.clone(), name.clone());
            view! {
                <tr data-testid="enrolment-row" data-enrolment-id=id.to_string() data-status=status.as_str()>
                    <td>{name.clone()}</td>
                    <td>{enrolment.org_short_name.clone()}</td>
                    <td data-testid="enrolment-status">
                        {move || i18n.t().cohorts.enrolment_name(status)}
                        {position.map(|position| format!(" ({}: {position})", i18n.t().cohorts.waiting_position))}
                    </td>
                    <td class="num">
                        <span data-testid="attended-hours">{enrolment.attended_hours}</span>
                        {(status == EnrolmentStatus::Enrolled && below).then(|| view! { <span class="muted" data-testid="below-threshold">" (" {move || i18n.t().cohorts.below_threshold} ")"</span> })}
                    </td>
                    <td>{certificate}</td>
                    <td class="actions">
                        {completes
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button"
                                        data-testid="complete-enrolment"
                                        on:click=move |_| asking.set(Some((Step::Complete, id, complete_name.clone())))
                                    >
                                        {move || i18n.t().cohorts.complete}
                                    </button>
                                }
                            })}
                        {own_hint
                            .then(|| {
                                view! { <span class="muted" data-testid="own-record-hint">{move || i18n.t().cohorts.own_record_hint}</span> }
                            })}
                        {withdraws
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button-danger"
                                        data-testid="withdraw-enrolment"
                                        on:click=move |_| asking.set(Some((Step::Withdraw, id, withdraw_name.clone())))
                                    >
                                        {move || if own { i18n.t().cohorts.withdraw_own } else { i18n.t().cohorts.withdraw }}
                                    </button>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let empty = enrolments.total == 0;
    view! {
        <section class="section" data-testid="enrolments">
            <h2>{move || i18n.t().cohorts.enrolments}</h2>
            <ErrorAlert error=failure(act) testid="enrolment-error"/>
            {if empty {
                view! { <p class="empty" data-testid="enrolments-empty">{move || i18n.t().cohorts.no_enrolments}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t().cohorts.teacher}</th>
                                <th scope="col">{move || i18n.t().cohorts.school}</th>
                                <th scope="col">{move || i18n.t().cohorts.status}</th>
                                <th scope="col" class="num">{move || i18n.t().cohorts.attended_hours}</th>
                                <th scope="col">{move || i18n.t().cohorts.certificate}</th>
                                <th scope="col"></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            {move || {
                asking
                    .get()
                    .map(|(step, id, name)| {
                        let (title, text, confirm): (crate::i18n::Pick, crate::i18n::Pick, crate::i18n::Pick) = match step {
                            Step::Complete => (|t| t.cohorts.complete_title, |t| t.cohorts.complete_text, |t| t.cohorts.complete),
                            Step::Withdraw => (|t| t.cohorts.withdraw_title, |t| t.cohorts.withdraw_text, |t| t.cohorts.withdraw),
                        };
                        view! {
                            <ConfirmDialog
                                title=title
                                text=text
                                subject=name
                                confirm=confirm
                                on_confirm=Callback::new(move |()| {
                                    asking.set(None);
                                    act.dispatch((step, id));
                                })
                                on_cancel=Callback::new(move |()| asking.set(None))
                            />
                        }
                    })
            }}
        </section>
    }
}
