//! `/users`: the administrator's management of their organisation's accounts.

use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::features::accounts::user_create_form::UserCreateForm;
use crate::features::accounts::user_row::UserRow;
use crate::i18n::{Choice, Pick, Texts, use_i18n};
use crate::ui::add_button::AddButton;
use crate::ui::data_table::{DataTable, paging};
use crate::ui::filter_select::FilterSelect;
use crate::ui::search_filters::SearchFilters;
use leptos::prelude::*;
use openapi::users::{Role, User, UserFilter};

/// The headings of the user table.
const COLUMNS: &[Pick] = &[
    |t| t.full_name,
    |t| t.email,
    |t| t.roles,
    |t| t.status,
    |t| t.created,
    |t| t.actions,
];

/// The choices of the status filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Accounts that may sign in.
    Active,
    /// Deactivated accounts.
    Inactive,
}

impl Choice for Status {
    const CHOICES: &'static [Self] = &[Status::Active, Status::Inactive];

    fn key(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
        }
    }

    fn text(self, t: &Texts) -> &'static str {
        match self {
            Status::Active => t.filter_active,
            Status::Inactive => t.filter_inactive,
        }
    }
}

/// The paginated table of accounts with search, role and status filters, the
/// «Добавить пользователя» form, and per-row editing, (de)activation and password reset.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let organisation = auth.with_me_untracked(|me| me.organisation.id);
    let page = RwSignal::new(1_u32);
    let query = RwSignal::new(None::<String>);
    let role = RwSignal::new(None::<Role>);
    let status = RwSignal::new(None::<Status>);
    let creating = RwSignal::new(false);

    let users = LocalResource::new(move || {
        let filter = UserFilter {
            q: query.get(),
            role: role.get(),
            active: status.get().map(|status| status == Status::Active),
        };
        let paging = paging(page);
        async move {
            match organisation {
                Some(organisation) => api::users::list_users(organisation, &filter, paging).await,
                None => Err(ApiError::SignedOut),
            }
        }
    });
    let reload = Callback::new(move |()| users.refetch());

    view! {
        <section class="page">
            <div class="page-head">
                <h1>{move || i18n.t().users_title}</h1>
                <AddButton label=|t| t.add_user testid="add-user" open=creating/>
            </div>
            {move || {
                match (creating.get(), organisation) {
                    (true, Some(organisation)) => Some(view! {
                        <UserCreateForm
                            organisation=organisation
                            on_created=reload
                            on_cancel=Callback::new(move |()| creating.set(false))
                        />
                    }),
                    _ => None,
                }
            }}
            <SearchFilters
                id="user-search"
                placeholder=|t| t.search_users_hint
                query=query
                page=page
                testid="user-filters"
                submit_testid="user-search-submit"
            >
                <FilterSelect id="user-role-filter" label=|t| t.roles value=role page=page/>
                <FilterSelect id="user-status-filter" label=|t| t.status value=status page=page/>
            </SearchFilters>
            <DataTable
                list=users
                page=page
                headers=COLUMNS
                testid="users-table"
                row=move |user: User| view! { <UserRow user=user on_changed=reload/> }
            />
        </section>
    }
}
