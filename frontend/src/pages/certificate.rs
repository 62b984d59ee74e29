//! `/enrolments/:id/certificate`: a certificate of completion as it is printed, with
//! «Печать» and «Скачать DOCX»; it names the address where anyone checks it by number.

use crate::api::{self, ApiError};
use crate::components::error_alert::{ErrorAlert, failure};
use crate::components::loading::Loading;
use crate::components::print_button::PrintButton;
use crate::files;
use crate::i18n::use_i18n;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;
use openapi::EnrolmentId;
use openapi::cohorts::Certificate;

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
            Ok::<_, ApiError>((id, certificate, enrolment.cohort_id))
        }
    });
    view! {
        <section class="page print-page" data-testid="certificate-page">
            <Transition fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    match certificate.await {
                        Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                        Ok((id, certificate, cohort)) => {
                            view! { <CertificateView id=id certificate=certificate cohort=cohort/> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The actions and the sheet.
#[component]
fn CertificateView(id: EnrolmentId, certificate: Certificate, cohort: openapi::CohortId) -> impl IntoView {
    let i18n = use_i18n();
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
    let verify = format!("{origin}/verify/{}", certificate.number);
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
        <article class="order-sheet certificate-sheet" data-testid="certificate-sheet">
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
            <p class="certificate-verify">{move || i18n.t().cohorts.verify_at} " " <span data-testid="certificate-verify-url">{verify.clone()}</span></p>
        </article>
    }
}
