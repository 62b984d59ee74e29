//! `/enrolments/:id/certificate`: a certificate of completion as it is printed, with
//! «Печать» and «Скачать DOCX»; it names its verification code and the address where
//! anyone checks it. The host's staff (never the holder) may revoke it with a reason.

use crate::access;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::files;
use crate::i18n::use_i18n;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::error_alert::{ErrorAlert, failure, general_failure};
use crate::ui::field_error::server_message;
use crate::ui::loading::Loading;
use crate::ui::print_button::PrintButton;
use crate::ui::textarea_field::TextAreaField;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::cohorts::{Certificate, RevocationInput};
use openapi::{EnrolmentId, UserId};

/// The path of a certificate's print view.
#[derive(Debug, Clone, PartialEq, Params)]
struct CertificateParams {
    /// The enrolment's id.
    id: Option<i64>,
}

/// The certificate sheet; printing hides everything but it.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let params = use_params::<CertificateParams>();
    let id = Memo::new(move |_| params.with(|params| params.as_ref().ok().and_then(|params| params.id)));
    let certificate = LocalResource::new(move || {
        let id = id.get();
        async move {
            let id = EnrolmentId(id.ok_or_else(ApiError::not_found)?);
            let certificate = api::cohorts::certificate(id).await?;
            let enrolment = api::cohorts::get_enrolment(id).await?;
            Ok::<_, ApiError>((id, certificate, enrolment.cohort_id, enrolment.user_id))
        }
    });
    view! {
        <section class="page print-page" data-testid="certificate-page">
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match certificate.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok((id, certificate, cohort, holder)) => {
                            view! { <CertificateView id=id certificate=certificate cohort=cohort holder=holder/> }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The actions and the sheet.
#[component]
fn CertificateView(
    id: EnrolmentId,
    certificate: Certificate,
    cohort: openapi::CohortId,
    holder: UserId,
) -> impl IntoView {
    let i18n = use_i18n();
    let issuer = certificate.issuer_org_id;
    let revokes = certificate.revoked_on.is_none()
        && use_auth()
            .with_me_untracked(|me| me.id != holder && access::may_edit_resources(me, issuer))
            .unwrap_or(false);
    let revoked = certificate.revoked_on.map(|day| {
        let reason = certificate.revoked_reason.clone().unwrap_or_default();
        view! {
            <p class="alert alert-error" role="status" data-testid="certificate-revoked">
                {move || format!("{} {} · {}: {reason}", i18n.t().cohorts.revoked, i18n.t().day(day), i18n.t().cohorts.revoked_reason)}
            </p>
        }
    });
    let number = certificate.number.clone();
    let download = Action::new_local(move |(): &()| {
        let number = number.clone();
        async move {
            let bytes = api::cohorts::certificate_docx(id).await?;
            files::save(&format!("certificate-{number}.docx"), &bytes);
            Ok::<_, ApiError>(())
        }
    });
    let origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let verify = format!("{origin}/verify/{}?code={}", certificate.number, certificate.code);
    let printed_code = printed(&certificate.code);
    let (kind, hours, starts, ends, issued) = (
        certificate.kind,
        certificate.hours,
        certificate.starts_on,
        certificate.ends_on,
        certificate.issued_on,
    );
    view! {
        <div class="print-actions no-print">
            <leptos_router::components::A href=format!("/cohorts/{cohort}") {..} data-testid="back-to-cohort">
                "← " {move || i18n.t().cohorts.back_to_cohort}
            </leptos_router::components::A>
            <div class="form-actions">
                <button type="button" class="button" data-testid="download-certificate" on:click=move |_| {
                    download.dispatch(());
                }>
                    {move || i18n.t().cohorts.download_docx}
                </button>
                <PrintButton label=|t| t.cohorts.print/>
            </div>
        </div>
        <div class="no-print"><ErrorAlert error=failure(download) testid="download-error"/></div>
        {revokes.then(|| view! { <Revoke id=id subject=certificate.number.clone()/> })}
        <article class="order-sheet certificate-sheet" data-testid="certificate-sheet">
            {revoked}
            <p class="order-school">{certificate.issuer_name.clone()}</p>
            <p class="order-word" data-testid="certificate-kind">{move || i18n.t().cohorts.kind_name(kind)}</p>
            <p>{move || i18n.t().cohorts.number} " " <strong data-testid="certificate-number">{certificate.number.clone()}</strong></p>
            <p>{move || i18n.t().cohorts.certifies}</p>
            <p class="certificate-name" data-testid="certificate-holder">{certificate.full_name.clone()}</p>
            <p>{certificate.holder_org_name.clone()}</p>
            <p>
                {move || format!("{} – {}", i18n.t().day(starts), i18n.t().day(ends))} " "
                {move || i18n.t().cohorts.trained}
            </p>
            <p class="order-title">"«" {certificate.programme.clone()} "»"</p>
            <p data-testid="certificate-hours">
                {move || format!("{} {hours} {}", i18n.t().cohorts.in_volume, i18n.t().cohorts.hours_short)}
            </p>
            <p>{certificate.cohort_title.clone()}</p>
            <p class="muted">{move || format!("{}: {}", i18n.t().cohorts.issued_on, i18n.t().day(issued))}</p>
            <p class="certificate-verify">
                {move || i18n.t().cohorts.code} ": " <strong data-testid="certificate-code">{printed_code.clone()}</strong>
            </p>
            <p class="certificate-verify">{move || i18n.t().cohorts.verify_at} " " <span data-testid="certificate-verify-url">{verify.clone()}</span></p>
        </article>
    }
}

/// The code as printed: groups of four characters.
fn printed(code: &str) -> String {
    code.chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// «Отозвать удостоверение»: the reason, then a confirmation; the page reads the
/// certificate again when done.
#[component]
fn Revoke(id: EnrolmentId, subject: String) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let revoke = Action::new_local(move |input: &RevocationInput| {
        let input = input.clone();
        async move {
            let done = api::cohorts::revoke_certificate(id, &input).await;
            if done.is_ok()
                && let Some(window) = web_sys::window()
            {
                let _ = window.location().reload();
            }
            done
        }
    });
    let failed = failure(revoke);
    let general = general_failure(revoke);
    view! {
        <div class="no-print section">
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="button button-danger" data-testid="revoke-certificate" on:click=move |_| open.set(true)>
                        {move || i18n.t().cohorts.revoke}
                    </button>
                }
            >
                <form class="card form" data-testid="revoke-form" novalidate on:submit=move |event| {
                    event.prevent_default();
                    asking.set(true);
                }>
                    <TextAreaField id="revoke-reason" label=|t| t.cohorts.revoked_reason value=reason
                        error=server_message(failed, "reason")/>
                    <ErrorAlert error=general testid="revoke-error"/>
                    <div class="form-actions">
                        <button type="submit" class="button button-danger" data-testid="revoke-submit" disabled=move || revoke.pending().get()>
                            {move || i18n.t().cohorts.revoke}
                        </button>
                        <button type="button" class="button" on:click=move |_| open.set(false)>{move || i18n.t().cancel}</button>
                    </div>
                </form>
            </Show>
            {move || asking.get().then(|| {
                let subject = subject.clone();
                view! {
                    <ConfirmDialog
                        title=|t| t.cohorts.revoke_title
                        text=|t| t.cohorts.revoke_text
                        subject=subject
                        confirm=|t| t.cohorts.revoke
                        on_confirm=Callback::new(move |()| {
                            asking.set(false);
                            revoke.dispatch(RevocationInput { reason: reason.get_untracked().trim().to_owned() });
                        })
                        on_cancel=Callback::new(move |()| asking.set(false))
                    />
                }
            })}
        </div>
    }
}
