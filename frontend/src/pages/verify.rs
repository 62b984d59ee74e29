//! `/verify` and `/verify/:number?code=…`: the public check of a certificate by its
//! number, without signing in and outside the application's layout — what an employer
//! or the committee opens from the address printed on the certificate. The holder's
//! full name shows only with the verification code printed beside the number.

use crate::api;
use crate::i18n::use_i18n;
use crate::ui::loading::Loading;
use crate::ui::text_field::TextField;
use leptos::Params;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params, use_query_map};
use leptos_router::params::Params;
use openapi::ProblemCode;

/// The path of a check.
#[derive(Debug, Clone, PartialEq, Params)]
struct VerifyParams {
    /// The number to check.
    number: Option<String>,
}

/// The number field; with a number in the address, what the register says of it.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params::<VerifyParams>();
    let number = Memo::new(move |_| {
        params
            .with(|params| params.as_ref().ok().and_then(|params| params.number.clone()))
            .map(|number| number.trim().to_owned())
            .filter(|number| !number.is_empty())
    });
    let query = use_query_map();
    let code = Memo::new(move |_| {
        query
            .with(|query| query.get("code"))
            .map(|code| code.trim().to_owned())
            .filter(|code| !code.is_empty())
    });
    let typed = RwSignal::new(number.get_untracked().unwrap_or_default());
    let typed_code = RwSignal::new(code.get_untracked().unwrap_or_default());
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = typed.get_untracked().trim().to_owned();
        let typed_code = typed_code.get_untracked().trim().to_owned();
        if !typed.is_empty() {
            let mut path = format!("/verify/{}", String::from(js_sys::encode_uri_component(&typed)));
            if !typed_code.is_empty() {
                path.push_str(&format!(
                    "?code={}",
                    String::from(js_sys::encode_uri_component(&typed_code))
                ));
            }
            navigate(&path, Default::default());
        }
    };
    let check = LocalResource::new(move || {
        let (number, code) = (number.get(), code.get());
        async move {
            match number {
                Some(number) => api::cohorts::check_certificate(&number, code.as_deref())
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let result = move || {
        Suspend::new(async move {
            match check.await {
                Ok(None) => ().into_any(),
                Ok(Some(found)) => {
                    let t = i18n.t();
                    let status = match found.revoked_on {
                        Some(day) => view! {
                            <p class="alert alert-error" role="status" data-testid="verify-revoked">
                                {format!("{}: {}", t.cohorts.verify_revoked, t.day(day))}
                            </p>
                        }
                        .into_any(),
                        None => view! { <p class="alert alert-success" role="status">{t.cohorts.verify_valid}</p> }
                            .into_any(),
                    };
                    let name_note = match found.code_matches {
                        Some(true) => None,
                        Some(false) => Some(t.cohorts.verify_code_wrong),
                        None => Some(t.cohorts.verify_masked),
                    };
                    let holder = found.full_name.clone().unwrap_or_else(|| found.masked_name.clone());
                    let full = found.full_name.is_some();
                    view! {
                        <div class="card" data-testid="verify-valid" data-full-name=full.to_string()>
                            {status}
                            <dl class="details">
                                <dt>{t.cohorts.number}</dt>
                                <dd data-testid="verify-number">{found.number}</dd>
                                <dt>{t.cohorts.certificate}</dt>
                                <dd>{t.cohorts.kind_name(found.kind)}</dd>
                                <dt>{t.cohorts.holder}</dt>
                                <dd data-testid="verify-holder">{holder}</dd>
                                <dt>{t.cohorts.programme}</dt>
                                <dd>{found.programme}</dd>
                                <dt>{t.cohorts.hours}</dt>
                                <dd data-testid="verify-hours">{found.hours}</dd>
                                <dt>{t.cohorts.period}</dt>
                                <dd>{format!("{} – {}", t.day(found.starts_on), t.day(found.ends_on))}</dd>
                                <dt>{t.cohorts.issued_by}</dt>
                                <dd>{found.issuer_name}</dd>
                                <dt>{t.cohorts.issued_on}</dt>
                                <dd>{t.day(found.issued_on)}</dd>
                            </dl>
                            {name_note.map(|note| view! { <p class="muted" data-testid="verify-name-note">{note}</p> })}
                        </div>
                    }
                    .into_any()
                }
                Err(error) => {
                    let text = move || {
                        let t = i18n.t();
                        match error.code() {
                            Some(ProblemCode::NotFound) => t.cohorts.verify_not_found,
                            Some(ProblemCode::TooManyRequests) => t.cohorts.verify_limited,
                            _ => t.error(&error),
                        }
                    };
                    view! { <p class="alert alert-error" role="alert" data-testid="verify-refused">{text}</p> }
                        .into_any()
                }
            }
        })
    };
    view! {
        <main class="public-page" data-testid="verify-page">
            <p class="public-brand">{move || i18n.t().app_name}</p>
            <h1>{move || i18n.t().cohorts.verify}</h1>
            <p class="muted">{move || i18n.t().cohorts.verify_intro}</p>
            <form class="inline-form" on:submit=submit>
                <TextField
                    id="verify-number-input"
                    label=|t| t.cohorts.verify_number
                    value=typed
                    error=Signal::stored(None)
                    autocomplete="off"
                />
                <TextField
                    id="verify-code-input"
                    label=|t| t.cohorts.verify_code
                    value=typed_code
                    error=Signal::stored(None)
                    autocomplete="off"
                />
                <button type="submit" class="button button-primary" data-testid="verify-submit">
                    {move || i18n.t().cohorts.verify_submit}
                </button>
            </form>
            <Transition fallback=|| view! { <Loading/> }>{result}</Transition>
        </main>
    }
}
