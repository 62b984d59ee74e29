//! «Апробация» of a resource: its pilots with their period, sites, status and conclusion;
//! for the school's administration, council and teachers the form that records a pilot,
//! the results form and «Завершить апробацию».

use crate::api::attachments::AttachTo;
use crate::api::{self, ApiError};
use crate::features::lifecycle::risks::RiskRegister;
use crate::i18n::use_i18n;
use crate::ui::add_button::AddButton;
use crate::ui::attachments::Attachments;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::date_field::today_value;
use crate::ui::error_alert::{ErrorAlert, general_failure};
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, organisations};
use crate::ui::select_field::SelectField;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::pilots::{ConclusionInput, Pilot, PilotConclusion, PilotInput, PilotStatus};
use openapi::{OrganisationId, PilotId, ResourceId, VersionId};

/// The resource's pilots, the latest start first, and «Зафиксировать апробацию» for those
/// who may record one.
#[component]
pub fn Pilots(
    /// The resource.
    resource: ResourceId,
    /// The resource's school, always a site of its pilots.
    org: OrganisationId,
    /// Whether the user may record and change pilots.
    may_edit: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let adding = RwSignal::new(false);
    let changed = RwSignal::new(0_usize);
    let pilots = LocalResource::new(move || {
        changed.track();
        api::pilots::list_pilots(resource)
    });
    let added = Callback::new(move |()| {
        adding.set(false);
        changed.update(|count| *count += 1);
    });
    view! {
        <section class="section" data-testid="pilots">
            <div class="section-head">
                <h2>{move || i18n.t().pilots.heading}</h2>
                <AddButton label=|t| t.pilots.add testid="add-pilot" open=adding allowed=Signal::stored(may_edit)/>
            </div>
            <Show when=move || adding.get()>
                <PilotForm
                    resource=resource
                    org=org
                    on_added=added
                    on_cancel=Callback::new(move |()| adding.set(false))
                />
            </Show>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match pilots.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty" data-testid="pilots-empty">{move || i18n.t().pilots.none}</p> }
                                .into_any()
                        }
                        Ok(page) => {
                            view! {
                                <ul class="rows">
                                    {page
                                        .items
                                        .into_iter()
                                        .map(|pilot| view! { <PilotRow pilot=pilot may_edit=may_edit changed=changed/> })
                                        .collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// One pilot: version, period, sites, participants, method, results, status and
/// conclusion; with the results form, «Завершить апробацию» and the pilot's risks.
#[component]
fn PilotRow(pilot: Pilot, may_edit: bool, changed: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let concluding = RwSignal::new(false);
    let status = pilot.status;
    let conclusion = pilot.conclusion;
    let (starts, ends) = (pilot.starts_on, pilot.ends_on);
    let concluded_on = pilot.concluded_on;
    let open = may_edit && status != PilotStatus::Completed;
    let sites = pilot
        .sites
        .iter()
        .map(|site| site.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let number = pilot.version_number;
    let (teachers, pupils, classes) = (pilot.teachers, pilot.pupils, pilot.classes.clone());
    let saved = Callback::new(move |()| {
        editing.set(false);
        concluding.set(false);
        changed.update(|count| *count += 1);
    });
    let interim = pilot.interim_results.clone();
    let final_results = pilot.final_results.clone();
    let edited = pilot.clone();
    let concluded = pilot.clone();
    let id = PilotId(pilot.id);
    let org = pilot.org_id;
    // The evidence: the school's staff see and add it while the pilot runs (downloads are
    // the school's and the committee's).
    let evidence = may_edit.then(|| {
        view! {
            <Attachments
                files=pilot.attachments.clone()
                upload_to=open.then_some(AttachTo::Pilot(pilot.id))
                may_delete=open
            />
        }
    });
    view! {
        <li class="card pilot" data-testid="pilot-row">
            <p>
                <strong>{move || format!("{} {number}", i18n.t().pilots.version_number)}</strong>
                " · "
                <span data-testid="pilot-period">
                    {move || format!("{} – {}", i18n.t().day(starts), i18n.t().day(ends))}
                </span>
                " · "
                <span class="badge badge-status" data-status=status.as_str() data-testid="pilot-status">
                    {move || i18n.t().pilots.status(status)}
                </span>
                {conclusion
                    .map(|conclusion| {
                        view! {
                            " "
                            <span class="badge badge-on" data-testid="pilot-conclusion">
                                {move || i18n.t().pilots.conclusion_name(conclusion)}
                            </span>
                            {concluded_on.map(|day| view! { " " {move || i18n.t().day(day)} })}
                        }
                    })}
            </p>
            <p class="meta">
                {move || i18n.t().pilots.sites} ": " <span data-testid="pilot-sites">{sites}</span>
            </p>
            <p class="meta">
                {move || format!(
                    "{}: {teachers} · {}: {pupils} · {}: {classes}",
                    i18n.t().pilots.teachers,
                    i18n.t().pilots.pupils,
                    i18n.t().pilots.classes,
                )}
            </p>
            <p>{move || i18n.t().pilots.method} ": " {pilot.method.clone()}</p>
            {(!interim.is_empty())
                .then(|| view! { <p>{move || i18n.t().pilots.interim_results} ": " {interim.clone()}</p> })}
            {(!final_results.is_empty())
                .then(|| {
                    view! {
                        <p data-testid="pilot-final">{move || i18n.t().pilots.final_results} ": " {final_results.clone()}</p>
                    }
                })}
            <Show when=move || open && !editing.get() && !concluding.get()>
                <div class="form-actions">
                    <button type="button" class="button" data-testid="edit-pilot-results" on:click=move |_| editing.set(true)>
                        {move || i18n.t().pilots.edit_results}
                    </button>
                    <button type="button" class="button" data-testid="conclude-pilot" on:click=move |_| concluding.set(true)>
                        {move || i18n.t().pilots.conclude}
                    </button>
                </div>
            </Show>
            <Show when=move || editing.get()>
                <ResultsForm pilot=edited.clone() on_saved=saved on_cancel=Callback::new(move |()| editing.set(false))/>
            </Show>
            <Show when=move || concluding.get()>
                <ConcludeForm pilot=concluded.clone() on_saved=saved on_cancel=Callback::new(move |()| concluding.set(false))/>
            </Show>
            {evidence}
            <RiskRegister register=api::risks::Register::Pilot(id) org=org may_edit=open/>
        </li>
    }
}

/// The message of a field: «обязательное поле» when it was left empty, else the one the
/// server gave in its 422 body.
fn field_message<T: Send + Sync + 'static>(
    action: Action<T, Result<Pilot, ApiError>>,
    missing: Signal<bool>,
    name: &'static str,
) -> Signal<Option<&'static str>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let t = i18n.t();
        if missing.get() {
            return Some(t.field_required);
        }
        action.value().with(|result| match result {
            Some(Err(error)) => error.field(name).map(|code| t.field_error(code)),
            _ => None,
        })
    })
}

/// A date input's value as a day.
fn parse_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// «Зафиксировать апробацию»: the version, the sites (the own school always), the period,
/// the participants and the method.
#[component]
fn PilotForm(
    resource: ResourceId,
    org: OrganisationId,
    on_added: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(None::<i64>);
    let partners = RwSignal::new(Vec::<OrganisationId>::new());
    let starts_on = RwSignal::new(today_value());
    let ends_on = RwSignal::new(today_value());
    let teachers = RwSignal::new(String::from("1"));
    let classes = RwSignal::new(String::new());
    let pupils = RwSignal::new(String::from("0"));
    let method = RwSignal::new(String::new());
    let versions = LocalResource::new(move || api::lifecycle::list_versions(resource));
    let version_options = Signal::derive(move || {
        let t = i18n.t();
        versions
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|version| {
                        (
                            version.id,
                            format!("{} {} · {}", t.pilots.version_number, version.number, version.notes),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let schools = organisations(Some(OrganisationKind::School));
    let create = Action::new_local(move |input: &PilotInput| {
        let input = input.clone();
        async move {
            let created = api::pilots::create_pilot(resource, &input).await;
            if created.is_ok() {
                queue_microtask(move || on_added.run(()));
            }
            created
        }
    });
    let missing = RwSignal::new(false);
    let version_missing = Signal::derive(move || missing.get() && version.with(Option::is_none));
    let method_missing = Signal::derive(move || missing.get() && method.with(|text| text.trim().is_empty()));
    let never = Signal::stored(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(version_id), false) = (version.get_untracked(), trimmed(method).is_empty()) else {
            missing.set(true);
            return;
        };
        missing.set(false);
        let mut sites = vec![org];
        sites.extend(partners.get_untracked().into_iter().filter(|site| *site != org));
        create.dispatch(PilotInput {
            version_id: VersionId(version_id),
            sites,
            // An unreadable date is sent as a day the server refuses with its field named.
            starts_on: parse_day(&starts_on.get_untracked()).unwrap_or_default(),
            ends_on: parse_day(&ends_on.get_untracked()).unwrap_or_default(),
            teachers: trimmed(teachers).parse().unwrap_or(-1),
            classes: trimmed(classes),
            pupils: trimmed(pupils).parse().unwrap_or(-1),
            method: trimmed(method),
            interim_results: String::new(),
            final_results: String::new(),
        });
    };
    let site_boxes = move || {
        schools
            .get()
            .into_iter()
            .map(|school| {
                let id = school.id;
                let own = id == org;
                let checked = move || own || partners.with(|chosen| chosen.contains(&id));
                view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid=format!("pilot-site-{id}")
                            prop:checked=checked
                            disabled=own
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                partners.update(|chosen| {
                                    chosen.retain(|site| *site != id);
                                    if on {
                                        chosen.push(id);
                                    }
                                });
                            }
                        />
                        " " {school.short_name.clone()}
                        {own.then(|| view! { " (" {move || i18n.t().pilots.own_school} ")" })}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <form class="card form" data-testid="pilot-form" on:submit=submit>
            <h3>{move || i18n.t().pilots.add}</h3>
            <OptionSelect
                id="pilot-version"
                label=|t| t.pilots.version
                none=|t| t.pilots.choose
                options=version_options
                value=version
                error=field_message(create, version_missing, "version_id")
            />
            <fieldset class="field field-wide" data-testid="pilot-sites">
                <legend>{move || i18n.t().pilots.sites}</legend>
                {site_boxes}
                <crate::ui::field_error::FieldError
                    id="pilot-sites-error"
                    message=field_message(create, never, "sites")
                />
            </fieldset>
            <TextField id="pilot-starts" label=|t| t.pilots.starts_on value=starts_on
                error=field_message(create, never, "starts_on") autocomplete="off" input_type="date"/>
            <TextField id="pilot-ends" label=|t| t.pilots.ends_on value=ends_on
                error=field_message(create, never, "ends_on") autocomplete="off" input_type="date"/>
            <TextField id="pilot-teachers" label=|t| t.pilots.teachers value=teachers
                error=field_message(create, never, "teachers") autocomplete="off" input_type="number"/>
            <TextField id="pilot-classes" label=|t| t.pilots.classes value=classes
                error=field_message(create, never, "classes") autocomplete="off"/>
            <TextField id="pilot-pupils" label=|t| t.pilots.pupils value=pupils
                error=field_message(create, never, "pupils") autocomplete="off" input_type="number"/>
            <TextAreaField id="pilot-method" label=|t| t.pilots.method value=method
                error=field_message(create, method_missing, "method")/>
            <ErrorAlert error=general_failure(create) testid="pilot-error"/>
            <FormActions submit=|t| t.pilots.add pending=create.pending() submit_testid="pilot-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// The pilot's input as stored, to send back with changed results.
fn input_of(pilot: &Pilot) -> PilotInput {
    PilotInput {
        version_id: pilot.version_id,
        sites: pilot.sites.iter().map(|site| site.org_id).collect(),
        starts_on: pilot.starts_on,
        ends_on: pilot.ends_on,
        teachers: pilot.teachers,
        classes: pilot.classes.clone(),
        pupils: pilot.pupils,
        method: pilot.method.clone(),
        interim_results: pilot.interim_results.clone(),
        final_results: pilot.final_results.clone(),
    }
}

/// «Внести результаты»: the interim and final results of a pilot not concluded yet.
#[component]
fn ResultsForm(pilot: Pilot, on_saved: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let interim = RwSignal::new(pilot.interim_results.clone());
    let final_results = RwSignal::new(pilot.final_results.clone());
    let (id, version) = (PilotId(pilot.id), pilot.version);
    let save = Action::new_local(move |input: &PilotInput| {
        let input = input.clone();
        async move {
            let saved = api::pilots::update_pilot(id, version, &input).await;
            if saved.is_ok() {
                queue_microtask(move || on_saved.run(()));
            }
            saved
        }
    });
    let never = Signal::stored(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut input = input_of(&pilot);
        input.interim_results = trimmed(interim);
        input.final_results = trimmed(final_results);
        save.dispatch(input);
    };
    view! {
        <form class="form" data-testid="pilot-results-form" on:submit=submit>
            <TextAreaField id="pilot-interim" label=|t| t.pilots.interim_results value=interim
                error=field_message(save, never, "interim_results")/>
            <TextAreaField id="pilot-final-results" label=|t| t.pilots.final_results value=final_results
                error=field_message(save, never, "final_results")/>
            <ErrorAlert error=general_failure(save) testid="pilot-results-error"/>
            <FormActions submit=|t| t.pilots.save pending=save.pending() submit_testid="pilot-results-submit" on_cancel=on_cancel/>
        </form>
    }
}

/// «Завершить апробацию»: the conclusion, its day and the final results, sent after
/// a confirmation.
#[component]
fn ConcludeForm(pilot: Pilot, on_saved: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let conclusion = RwSignal::new(PilotConclusion::Recommended);
    let concluded_on = RwSignal::new(today_value());
    let final_results = RwSignal::new(pilot.final_results.clone());
    let asking = RwSignal::new(false);
    let (id, version) = (PilotId(pilot.id), pilot.version);
    let conclude = Action::new_local(move |input: &ConclusionInput| {
        let input = input.clone();
        async move {
            let concluded = api::pilots::conclude_pilot(id, version, &input).await;
            if concluded.is_ok() {
                queue_microtask(move || on_saved.run(()));
            }
            concluded
        }
    });
    let never = Signal::stored(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        asking.set(true);
    };
    let confirmed = Callback::new(move |()| {
        asking.set(false);
        conclude.dispatch(ConclusionInput {
            conclusion: conclusion.get_untracked(),
            concluded_on: parse_day(&concluded_on.get_untracked()),
            final_results: Some(trimmed(final_results)),
        });
    });
    let t = crate::i18n::texts(i18n.locale_untracked());
    let subject = format!(
        "{} {} · {} – {}",
        t.pilots.version_number,
        pilot.version_number,
        t.day(pilot.starts_on),
        t.day(pilot.ends_on)
    );
    view! {
        <form class="form" data-testid="pilot-conclude-form" on:submit=submit>
            <SelectField id="pilot-conclusion-choice" label=|t| t.pilots.conclusion value=conclusion/>
            <TextField id="pilot-concluded-on" label=|t| t.pilots.concluded_on value=concluded_on
                error=field_message(conclude, never, "concluded_on") autocomplete="off" input_type="date"/>
            <TextAreaField id="pilot-conclude-final" label=|t| t.pilots.final_results value=final_results
                error=field_message(conclude, never, "final_results")/>
            <ErrorAlert error=general_failure(conclude) testid="pilot-conclude-error"/>
            <FormActions submit=|t| t.pilots.conclude pending=conclude.pending() submit_testid="pilot-conclude-submit" on_cancel=on_cancel/>
        </form>
        <Show when=move || asking.get()>
            <ConfirmDialog
                title=|t| t.pilots.conclude_title
                text=|t| t.pilots.conclude_text
                subject=subject.clone()
                confirm=|t| t.pilots.conclude
                on_confirm=confirmed
                on_cancel=Callback::new(move |()| asking.set(false))
            />
        </Show>
    }
}
