//! `/catalogue`: the published resources of every school with their satisfaction and
//! demand figures; partners ask a school for a resource from here.

use crate::access;
use crate::api;
use crate::auth::use_auth;
use crate::i18n::{Pick, use_i18n};
use crate::ui::data_table::{DataTable, paging};
use crate::ui::error_alert::{ErrorAlert, failure};
use crate::ui::filter_select::FilterSelect;
use crate::ui::form_actions::FormActions;
use crate::ui::option_select::{OptionSelect, organisations};
use crate::ui::search_filters::SearchFilters;
use crate::ui::success_alert::SuccessAlert;
use crate::ui::text_field::{TextField, trimmed};
use crate::ui::textarea_field::TextAreaField;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::ResourceId;
use openapi::feedback::{CatalogueFilter, CatalogueItem};
use openapi::organisations::OrganisationKind;
use openapi::projects::ProjectLevel;
use openapi::requests::RequestInput;
use openapi::resources::{DevelopmentElement, ResourceForm};

/// The headings of the catalogue table.
const COLUMNS: &[Pick] = &[
    |t| t.catalogue.resource,
    |t| t.catalogue.school,
    |t| t.catalogue.form,
    |t| t.deliveries.csat,
    |t| t.deliveries.nps,
    |t| t.deliveries.deliveries,
    |t| t.catalogue.actions,
];

/// Search, the filters form, element, level and school, and the table; «Запросить» for
/// partners and the committee.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let may_request = auth.with_me_untracked(access::may_file_requests).unwrap_or(false);
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let form = RwSignal::new(None::<ResourceForm>);
    let element = RwSignal::new(None::<DevelopmentElement>);
    let level = RwSignal::new(None::<ProjectLevel>);
    let school = RwSignal::new(None);
    let schools = organisations(Some(OrganisationKind::School));
    let school_options = Signal::derive(move || {
        schools
            .get()
            .into_iter()
            .map(|school| (school.id, school.short_name))
            .collect::<Vec<_>>()
    });
    let requesting = RwSignal::new(None::<(ResourceId, String)>);
    let list = LocalResource::new(move || {
        let filter = CatalogueFilter {
            q: query.get(),
            form: form.get(),
            element: element.get(),
            org_id: school.get(),
            level: level.get(),
        };
        let paging = paging(page);
        async move { api::catalogue::list_catalogue(&filter, paging).await }
    });
    let row = move |item: CatalogueItem| {
        let CatalogueItem {
            id,
            title,
            form: kind,
            org_short_name,
            csat_percent,
            nps,
            deliveries,
            ..
        } = item;
        let link_title = title.clone();
        let ask = may_request.then(|| {
            view! {
                <button
                    type="button"
                    class="button"
                    data-testid="request-resource"
                    on:click=move |_| requesting.set(Some((id, title.clone())))
                >
                    {move || i18n.t().catalogue.request}
                </button>
            }
        });
        view! {
            <tr data-testid="catalogue-row">
                <td>
                    <A href=format!("/resources/{id}") {..} data-testid="catalogue-link">{link_title}</A>
                </td>
                <td class="nowrap">{org_short_name}</td>
                <td>{move || i18n.t().resources.form(kind)}</td>
                <td class="nowrap" data-testid="catalogue-csat">
                    {move || i18n.t().deliveries.figure(csat_percent, " %")}
                </td>
                <td class="nowrap">{move || i18n.t().deliveries.figure(nps, "")}</td>
                <td>{deliveries}</td>
                <td>{ask}</td>
            </tr>
        }
    };
    let first_page = Callback::new(move |()| page.set(1));

    view! {
        <section class="page" data-testid="catalogue-page">
            <h1>{move || i18n.t().catalogue.heading}</h1>
            {move || {
                requesting
                    .get()
                    .map(|(resource, title)| {
                        view! {
                            <CatalogueRequest
                                resource=resource
                                title=title
                                on_close=Callback::new(move |()| requesting.set(None))
                            />
                        }
                    })
            }}
            <SearchFilters
                id="catalogue-search"
                placeholder=|t| t.catalogue.search_hint
                query=query
                page=page
                testid="catalogue-filters"
                submit_testid="catalogue-search-submit"
            >
                <FilterSelect id="catalogue-form" label=|t| t.catalogue.form value=form page=page/>
                <FilterSelect id="catalogue-element" label=|t| t.catalogue.element value=element page=page/>
                <FilterSelect id="catalogue-level" label=|t| t.catalogue.level value=level page=page/>
                <OptionSelect
                    id="catalogue-school"
                    label=|t| t.catalogue.school
                    none=|t| t.filter_all
                    options=school_options
                    value=school
                    on_change=first_page
                />
            </SearchFilters>
            <DataTable list=list page=page headers=COLUMNS testid="catalogue-table" row=row/>
        </section>
    }
}

/// «Запросить»: the need and the audience of a request for one catalogue resource.
#[component]
fn CatalogueRequest(resource: ResourceId, title: String, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let need = RwSignal::new(String::new());
    let audience = RwSignal::new(String::new());
    let create = Action::new_local(move |input: &RequestInput| {
        let input = input.clone();
        async move { api::requests::create_request(&input).await }
    });
    let field = move |name: &'static str| {
        Signal::derive(move || {
            create.value().with(|result| match result {
                Some(Err(error)) => error.field(name).map(|code| i18n.t().field_error(code)),
                _ => None,
            })
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        create.dispatch(RequestInput {
            need: trimmed(need),
            audience: trimmed(audience),
            desired_form: None,
            deadline: None,
            target_org_id: None,
            resource_id: Some(resource),
        });
    };
    let sent = move || create.value().with(|result| matches!(result, Some(Ok(_))));
    view! {
        <form class="card form" data-testid="catalogue-request" on:submit=submit>
            <h2>{move || i18n.t().catalogue.request} " «" {title} "»"</h2>
            <SuccessAlert action=create message=|t| t.catalogue.requested testid="catalogue-requested"/>
            <Show when=move || !sent()>
                <TextAreaField id="catalogue-need" label=|t| t.requests.need value=need error=field("need")/>
                <TextField
                    id="catalogue-audience"
                    label=|t| t.requests.audience
                    value=audience
                    error=field("audience")
                    autocomplete="off"
                />
                <ErrorAlert error=failure(create)/>
            </Show>
            <FormActions
                submit=|t| t.requests.submit
                pending=Signal::derive(move || create.pending().get() || sent())
                submit_testid="catalogue-request-submit"
                on_cancel=on_close
                cancel=|t| t.close
            />
        </form>
    }
}
