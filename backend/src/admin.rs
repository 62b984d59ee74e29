//! `backend create-admin`: bootstraps a platform administrator from the command line.

use crate::auth::password;
use crate::config::CreateAdminArgs;
use crate::db::DbConnection;
use crate::db::models::organisation::{self, NewOrganisation};
use crate::db::models::user::{self, NewUserRow};
use crate::domain::text;
use anyhow::Context;
use diesel::Connection;
use openapi::OrganisationId;
use openapi::organisations::OrganisationKind;
use openapi::users::Role;

/// What `create-admin` did.
#[derive(Debug)]
pub struct Created {
    /// The new user's id.
    pub user_id: i64,
    /// The organisation it belongs to.
    pub org_id: i64,
    /// The password, when it was generated (to print once).
    pub generated_password: Option<String>,
}

/// Creates a platform administrator with the `admin` role, in the given organisation or
/// in a committee organisation created (or found by name) for it.
pub fn create_admin(conn: &mut DbConnection, args: &CreateAdminArgs) -> anyhow::Result<Created> {
    let email = text::email("email", &args.email).map_err(|err| anyhow::anyhow!("--email {}", err.message))?;
    let full_name = text::bounded("full_name", &args.full_name, openapi::limits::FULL_NAME)
        .map_err(|err| anyhow::anyhow!("--full-name {}", err.message))?;
    let (password, generated_password) = match &args.password {
        Some(given) => (
            text::new_password("password", given).map_err(|err| anyhow::anyhow!("the password {}", err.message))?,
            None,
        ),
        None => {
            let generated = password::generate(16);
            (generated.clone(), Some(generated))
        }
    };
    let hash = password::hash(&password)?;
    conn.transaction(|conn| {
        anyhow::ensure!(
            !user::email_taken(conn, &email)?,
            "an account with e-mail {email} exists already"
        );
        let org_id = match args.organisation_id {
            Some(id) => {
                organisation::find(conn, OrganisationId(id))
                    .with_context(|| format!("no organisation with id {id}"))?
                    .id
            }
            None => {
                let new = NewOrganisation {
                    name: &args.organisation_name,
                    short_name: &args.organisation_name,
                    kind: OrganisationKind::Committee,
                    municipality: &args.municipality,
                };
                organisation::insert(conn, &new)
                    .context("cannot create the organisation (does one with this name exist? pass --organisation-id)")?
            }
        };
        let row = NewUserRow {
            org_id,
            email: &email,
            full_name: &full_name,
            password_hash: &hash,
            roles: &[Role::Admin],
            is_platform_admin: true,
        };
        let user_id = user::insert(conn, &row)?;
        Ok(Created {
            user_id,
            org_id,
            generated_password,
        })
    })
}
