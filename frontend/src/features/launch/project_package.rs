//! The «Пакет документов» tab: the four documents of a project's package.

use crate::api;
use crate::features::launch::package_document::PackageDocumentCard;
use crate::i18n::use_i18n;
use crate::ui::error_alert::ErrorAlert;
use crate::ui::loading::Loading;
use leptos::prelude::*;
use openapi::{OrganisationId, ProjectId};

/// Whether the package is approved, then each document with its latest version.
#[component]
pub fn ProjectPackage(
    /// The project.
    project: ProjectId,
    /// Its school.
    org: OrganisationId,
) -> impl IntoView {
    let i18n = use_i18n();
    let package = LocalResource::new(move || api::package::get_package(project));
    let reload = Callback::new(move |()| package.refetch());
    let body = move || {
        Suspend::new(async move {
            match package.await {
                Err(error) => view! { <ErrorAlert error=Some(error)/> }.into_any(),
                Ok(package) => {
                    let approved = package.approved;
                    let documents = package
                        .documents
                        .into_iter()
                        .map(|document| {
                            view! { <PackageDocumentCard project=project org=org document=document on_changed=reload/> }
                        })
                        .collect_view();
                    view! {
                        <p
                            class="badge badge-package"
                            class:badge-approved=approved
                            data-testid="package-approved"
                            data-approved=approved.to_string()
                        >
                            {move || if approved { i18n.t().launch.package_approved } else { i18n.t().launch.package_not_approved }}
                        </p>
                        {documents}
                    }
                    .into_any()
                }
            }
        })
    };
    view! {
        <section class="section" data-testid="project-package">
            <h2>{move || i18n.t().launch.tab_package}</h2>
            <Transition fallback=|| view! { <Loading/> }>{body}</Transition>
        </section>
    }
}
