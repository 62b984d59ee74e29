//! Builders of organisations and accounts, written straight to the test's database.

use crate::TestApp;
use backend::auth::password;
use backend::db::models::organisation::{self, NewOrganisation};
use backend::db::models::user::{self, NewUserRow};
use openapi::organisations::OrganisationKind;
use openapi::users::Role;
use openapi::{OrganisationId, UserId};
use std::sync::OnceLock;

/// The password of every fixture account.
pub const PASSWORD: &str = "fixture-password-1";

fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash(PASSWORD).expect("hash"))
}

/// An organisation to create.
pub struct TestOrg {
    name: String,
    kind: OrganisationKind,
}

impl TestOrg {
    /// A school with this short name.
    pub fn school(short_name: &str) -> Self {
        Self {
            name: short_name.to_owned(),
            kind: OrganisationKind::School,
        }
    }

    /// A committee with this short name.
    pub fn committee(short_name: &str) -> Self {
        Self {
            name: short_name.to_owned(),
            kind: OrganisationKind::Committee,
        }
    }

    /// Writes it and returns its id.
    pub fn create(self, app: &TestApp) -> OrganisationId {
        let full = format!("МБОУ «{}»", self.name);
        let new = NewOrganisation {
            name: &full,
            short_name: &self.name,
            kind: self.kind,
            municipality: "Тестовый округ",
        };
        OrganisationId(
            app.with_db(|conn| organisation::insert(conn, &new))
                .expect("organisation inserted"),
        )
    }
}

/// An account to create.
pub struct TestUser {
    email: String,
    full_name: String,
    org: OrganisationId,
    roles: Vec<Role>,
    platform_admin: bool,
    active: bool,
}

impl TestUser {
    /// An account in an organisation with roles; the e-mail is made unique.
    pub fn new(org: OrganisationId, roles: &[Role]) -> Self {
        let tag = roles.iter().map(|role| role.as_str()).collect::<Vec<_>>().join("-");
        Self {
            email: format!("{tag}.{}@org{}.test", uuid::Uuid::new_v4().simple(), org.0),
            full_name: format!("Тестовый Пользователь {tag}"),
            org,
            roles: roles.to_vec(),
            platform_admin: false,
            active: true,
        }
    }

    /// With this full name.
    pub fn named(mut self, full_name: &str) -> Self {
        full_name.clone_into(&mut self.full_name);
        self
    }

    /// A platform administrator.
    pub fn platform_admin(mut self) -> Self {
        self.platform_admin = true;
        self
    }

    /// Deactivated.
    pub fn inactive(mut self) -> Self {
        self.active = false;
        self
    }

    /// Writes it and returns the id and e-mail.
    pub fn create(self, app: &TestApp) -> Account {
        let row = NewUserRow {
            org_id: self.org.0,
            email: &self.email,
            full_name: &self.full_name,
            password_hash: password_hash(),
            roles: &self.roles,
            is_platform_admin: self.platform_admin,
        };
        let id = app.with_db(|conn| {
            let id = user::insert(conn, &row)?;
            if !self.active {
                user::set_active(conn, UserId(id), false)?;
            }
            diesel::QueryResult::Ok(id)
        });
        Account {
            id: UserId(id.expect("user inserted")),
            email: self.email,
            org: self.org,
        }
    }
}

/// A created account.
#[derive(Debug, Clone)]
pub struct Account {
    /// Its id.
    pub id: UserId,
    /// Its e-mail.
    pub email: String,
    /// Its organisation.
    pub org: OrganisationId,
}

impl Account {
    /// Signs in and returns the access token.
    pub async fn token(&self, app: &TestApp) -> String {
        app.login(&self.email, PASSWORD).await.access_token
    }
}

/// A valid project body: an own-initiative municipal platform, 2025–2027.
pub fn project_body(title: &str) -> serde_json::Value {
    serde_json::json!({
        "title": title,
        "problem": "Низкая учебная мотивация учащихся основной школы",
        "origin": "own_initiative",
        "level": "platform",
        "platform_status": "municipal",
        "start_year": 2025,
        "end_year": 2027
    })
}

/// A valid resource body: a methodological development by two named authors (60/40).
pub fn resource_body(title: &str) -> serde_json::Value {
    serde_json::json!({
        "title": title,
        "description": "Сценарии уроков и методические рекомендации",
        "form": "methodological_development",
        "element": "technology",
        "authors": [{"name": "Кузнецова Ольга Сергеевна", "share": 60}, {"name": "Смирнов Андрей Игоревич", "share": 40}],
        "licence": "CC BY 4.0"
    })
}

/// A school with an account that is both administrator and teacher, one project and one
/// resource (at the request step), made through the API as a user would.
pub struct HostSchool {
    /// The school.
    pub org: OrganisationId,
    /// The access token of its administrator-teacher.
    pub staff: String,
    /// Its project.
    pub project: openapi::projects::Project,
    /// The project's resource.
    pub resource: openapi::resources::Resource,
}

impl HostSchool {
    /// Creates the school, the account, the project and the resource «Ресурс».
    pub async fn create(app: &TestApp, short_name: &str) -> Self {
        use reqwest::StatusCode;
        let org = TestOrg::school(short_name).create(app);
        let staff = TestUser::new(org, &[Role::Admin, Role::Staff])
            .create(app)
            .token(app)
            .await;
        let project: openapi::projects::Project = app
            .post("/api/projects", Some(&staff), &project_body("Проект"))
            .await
            .json(StatusCode::CREATED);
        let resource = app
            .post(
                &format!("/api/projects/{}/resources", project.id),
                Some(&staff),
                &resource_body("Ресурс"),
            )
            .await
            .json(StatusCode::CREATED);
        Self {
            org,
            staff,
            project,
            resource,
        }
    }

    /// A new version of the resource (`design` or `product`) holding one small PDF.
    pub async fn version_with_file(&self, app: &TestApp, kind: &str) -> openapi::resources::ResourceVersion {
        use reqwest::StatusCode;
        let path = format!("/api/resources/{}/versions", self.resource.id);
        let version: openapi::resources::ResourceVersion = app
            .post(&path, Some(&self.staff), &serde_json::json!({"kind": kind}))
            .await
            .json(StatusCode::CREATED);
        let upload = format!("/api/versions/{}/files?file_name={kind}.pdf", version.id);
        let reply = app
            .send_raw(
                reqwest::Method::POST,
                &upload,
                Some(&self.staff),
                "application/pdf",
                b"%PDF-1.7".to_vec(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        version
    }
}
