//! The demo municipality, loaded into an empty database when `DEMO_DATA` is on: a host
//! school, two partner schools, the committee, one account per role, and the host
//! school's innovation work (see [`work`]), its launch (see [`launch`]), its pilots and
//! risks (see [`pilots`]), a cohort of its training programme (see [`cohorts`]) and the
//! municipality's events and fair (see [`events`]).

mod cohorts;
mod consultations;
mod events;
pub mod launch;
mod pilots;
mod work;

use crate::auth::password;
use crate::db::DbConnection;
use crate::db::models::organisation::{self, NewOrganisation};
use crate::db::models::user::{self, NewUserRow};
use crate::error::ApiError;
use crate::storage::Storage;
use openapi::organisations::OrganisationKind;
use openapi::users::Role;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "innovate-2026";

const MUNICIPALITY: &str = "Новокузнецкий городской округ";

/// One demo account: e-mail, full name, organisation index, roles, platform admin.
struct DemoUser {
    email: &'static str,
    full_name: &'static str,
    org: usize,
    roles: &'static [Role],
    platform_admin: bool,
}

const ORGANISATIONS: [(&str, &str, OrganisationKind); 4] = [
    (
        "МБОУ «Средняя общеобразовательная школа № 61»",
        "СОШ № 61",
        OrganisationKind::School,
    ),
    (
        "МБОУ «Средняя общеобразовательная школа № 12»",
        "СОШ № 12",
        OrganisationKind::School,
    ),
    ("МАОУ «Гимназия № 17»", "Гимназия № 17", OrganisationKind::School),
    (
        "Комитет образования и науки администрации города Новокузнецка",
        "Комитет образования",
        OrganisationKind::Committee,
    ),
];

const USERS: [DemoUser; 8] = [
    DemoUser {
        email: "director@sch61.demo",
        full_name: "Петрова Елена Викторовна",
        org: 0,
        roles: &[Role::Admin],
        platform_admin: false,
    },
    DemoUser {
        email: "council@sch61.demo",
        full_name: "Смирнов Андрей Игоревич",
        org: 0,
        roles: &[Role::Council, Role::Staff],
        platform_admin: false,
    },
    DemoUser {
        email: "teacher@sch61.demo",
        full_name: "Кузнецова Ольга Сергеевна",
        org: 0,
        roles: &[Role::Staff],
        platform_admin: false,
    },
    DemoUser {
        email: "supervisor@sch61.demo",
        full_name: "Волков Дмитрий Николаевич",
        org: 0,
        roles: &[Role::Supervisor],
        platform_admin: false,
    },
    DemoUser {
        email: "partner@sch12.demo",
        full_name: "Орлова Наталья Павловна",
        org: 1,
        roles: &[Role::Partner],
        platform_admin: false,
    },
    DemoUser {
        email: "partner@gym17.demo",
        full_name: "Лебедев Сергей Олегович",
        org: 2,
        roles: &[Role::Partner],
        platform_admin: false,
    },
    DemoUser {
        email: "committee@kom.demo",
        full_name: "Морозова Ирина Александровна",
        org: 3,
        roles: &[Role::Committee],
        platform_admin: false,
    },
    DemoUser {
        email: "operator@kom.demo",
        full_name: "Соколов Павел Андреевич",
        org: 3,
        roles: &[Role::Admin],
        platform_admin: true,
    },
];

/// The demo sign-ins, for printing: e-mail, role description.
pub fn logins() -> Vec<(&'static str, String)> {
    USERS
        .iter()
        .map(|user| {
            let roles: Vec<&str> = user.roles.iter().map(|role| role.as_str()).collect();
            let admin = if user.platform_admin { ", platform admin" } else { "" };
            (
                user.email,
                format!("{} — {}{admin}", ORGANISATIONS[user.org].1, roles.join(", ")),
            )
        })
        .collect()
}

/// Loads the demo municipality if the database has no organisation yet; returns
/// whether it did.
pub fn load_if_empty(conn: &mut DbConnection, storage: &dyn Storage) -> Result<bool, ApiError> {
    if organisation::count(conn)? > 0 {
        return Ok(false);
    }
    let hash = password::hash(DEMO_PASSWORD)?;
    crate::services::write(conn, |conn| {
        let mut org_ids = Vec::with_capacity(ORGANISATIONS.len());
        for (name, short_name, kind) in ORGANISATIONS {
            let new = NewOrganisation {
                name,
                short_name,
                kind,
                municipality: MUNICIPALITY,
            };
            org_ids.push(organisation::insert(conn, &new)?);
        }
        let mut user_ids = Vec::with_capacity(USERS.len());
        for demo in &USERS {
            let row = NewUserRow {
                org_id: org_ids[demo.org],
                email: demo.email,
                full_name: demo.full_name,
                password_hash: &hash,
                roles: demo.roles,
                is_platform_admin: demo.platform_admin,
            };
            user_ids.push(user::insert(conn, &row)?);
        }
        let work = work::load(conn, storage, &org_ids, &user_ids)?;
        launch::load(conn, org_ids[0], &user_ids, &work.projects)?;
        pilots::load(conn, &org_ids, &user_ids, work.projects.platform, work.bank, work.kit)?;
        cohorts::load(conn, &org_ids, &user_ids)?;
        events::load(conn, &org_ids, &user_ids, work.bank.resource)?;
        consultations::load(conn, &org_ids, &user_ids)?;
        Ok(true)
    })
}
