//! Test data for the use cases of resources, their versions, lifecycle, deliveries and
//! requests: a school with a project and a resource on a fresh SQLite database, written
//! straight through the database models.

use crate::auth::current_user;
use crate::db::models::organisation::{self, NewOrganisation};
use crate::db::models::user::{self, NewUserRow};
use crate::db::models::{project, resource};
use crate::db::schema::audit_log;
use crate::db::{DbConnection, DbPool, PooledConn};
use crate::domain::projects::ProjectCard;
use crate::domain::resources::ResourceCard;
use crate::services::Caller;
use diesel::prelude::*;
use openapi::organisations::OrganisationKind;
use openapi::projects::ProjectInput;
use openapi::resources::ResourceInput;
use openapi::users::Role;
use openapi::{OrganisationId, PageQuery, ProjectId, ResourceId, UserId};
use std::path::PathBuf;

/// A valid resource card: a methodological development by one named author.
pub fn resource_input(title: &str) -> ResourceInput {
    serde_json::from_value(serde_json::json!({
        "title": title,
        "description": "Сценарии уроков и методические рекомендации",
        "form": "methodological_development",
        "element": "technology",
        "authors": [{"name": "Кузнецова Ольга Сергеевна", "share": 100}],
        "licence": "CC BY 4.0"
    }))
    .expect("a valid resource input")
}

/// The first page of a list, at the default size.
pub fn first_page() -> PageQuery {
    PageQuery {
        page: None,
        per_page: None,
    }
}

/// A school («СОШ № 61») with an administrator-teacher, one own-initiative project and
/// one internal resource at the request step, on its own database file.
pub struct School {
    /// The connection the use cases run on.
    pub conn: PooledConn,
    /// The school.
    pub org: OrganisationId,
    /// Its administrator and teacher.
    pub staff: Caller,
    /// Its project.
    pub project: ProjectId,
    /// The project's resource.
    pub resource: ResourceId,
    _pool: DbPool,
    path: PathBuf,
}

impl School {
    /// Creates the database and the school's records.
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(format!("services-{}.sqlite", uuid::Uuid::new_v4().simple()));
        let pool = crate::db::connect(&path.to_string_lossy(), 1).expect("database opened");
        let mut conn = pool.get().expect("a connection");
        let org = insert_organisation(&mut conn, "СОШ № 61", OrganisationKind::School);
        let staff = insert_user(&mut conn, org, &[Role::Admin, Role::Staff]);
        let input: ProjectInput = serde_json::from_value(serde_json::json!({
            "title": "Формирующее оценивание",
            "problem": "Низкая учебная мотивация учащихся основной школы",
            "origin": "own_initiative",
            "level": "platform",
            "platform_status": "municipal",
            "start_year": 2025,
            "end_year": 2027
        }))
        .expect("a valid project input");
        let card = ProjectCard::parse(&input).expect("a valid project");
        let project = project::insert(&mut conn, org, &card).expect("project");
        let card = ResourceCard::parse(&resource_input("Ресурс")).expect("a valid resource");
        let resource = resource::insert(&mut conn, project, org, &card).expect("resource");
        Self {
            conn,
            org,
            staff,
            project,
            resource: ResourceId(resource),
            _pool: pool,
            path,
        }
    }

    /// Another school of the municipality, with this short name.
    pub fn school(&mut self, short_name: &str) -> OrganisationId {
        insert_organisation(&mut self.conn, short_name, OrganisationKind::School)
    }

    /// An organisation of this kind.
    pub fn organisation(&mut self, short_name: &str, kind: OrganisationKind) -> OrganisationId {
        insert_organisation(&mut self.conn, short_name, kind)
    }

    /// An account of an organisation with these roles, signed in.
    pub fn user(&mut self, org: OrganisationId, roles: &[Role]) -> Caller {
        insert_user(&mut self.conn, org, roles)
    }

    /// The audit actions recorded on a record, oldest first.
    pub fn audit(&mut self, entity: &str, id: i64) -> Vec<String> {
        audit_log::table
            .filter(audit_log::entity.eq(entity))
            .filter(audit_log::entity_id.eq(id))
            .order(audit_log::id)
            .select(audit_log::action)
            .load(&mut **self.conn)
            .expect("audit read")
    }
}

fn insert_organisation(conn: &mut DbConnection, short_name: &str, kind: OrganisationKind) -> OrganisationId {
    let name = format!("МБОУ «{short_name}»");
    let new = NewOrganisation {
        name: &name,
        short_name,
        kind,
        municipality: "Тестовый округ",
    };
    OrganisationId(organisation::insert(conn, &new).expect("organisation"))
}

fn insert_user(conn: &mut DbConnection, org: OrganisationId, roles: &[Role]) -> Caller {
    let tag = roles.iter().map(|role| role.as_str()).collect::<Vec<_>>().join("-");
    let email = format!("{tag}.{}@org{}.test", uuid::Uuid::new_v4().simple(), org.0);
    let full_name = format!("Пользователь {tag}");
    let new = NewUserRow {
        org_id: org.0,
        email: &email,
        full_name: &full_name,
        password_hash: "-",
        roles,
        is_platform_admin: false,
    };
    let id = user::insert(conn, &new).expect("user");
    current_user::load(conn, UserId(id)).expect("signed in")
}

impl Drop for School {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = self.path.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
}
