//! The authorisation matrix: every endpoint × every role × own vs other organisation.

use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::fixtures::{Account, TestOrg, TestUser};
use tests::spawn_app;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    AdminA,
    CouncilA,
    StaffA,
    SupervisorA,
    PartnerA,
    AdminB,
    Committee,
    Platform,
}

const ACTORS: [Actor; 8] = [
    Actor::AdminA,
    Actor::CouncilA,
    Actor::StaffA,
    Actor::SupervisorA,
    Actor::PartnerA,
    Actor::AdminB,
    Actor::Committee,
    Actor::Platform,
];

/// What is attempted; school A owns the target account.
#[derive(Debug, Clone, Copy)]
enum Endpoint {
    GetMe,
    UpdateMe,
    ListOrganisations,
    GetOrganisation,
    CreateOrganisation,
    ListUsersOfA,
    CreateUserInA,
    GetUserOfA,
    UpdateUserOfA,
    ResetPasswordOfA,
}

const ENDPOINTS: [Endpoint; 10] = [
    Endpoint::GetMe,
    Endpoint::UpdateMe,
    Endpoint::ListOrganisations,
    Endpoint::GetOrganisation,
    Endpoint::CreateOrganisation,
    Endpoint::ListUsersOfA,
    Endpoint::CreateUserInA,
    Endpoint::GetUserOfA,
    Endpoint::UpdateUserOfA,
    Endpoint::ResetPasswordOfA,
];

/// The status each actor must get.
fn expected(endpoint: Endpoint, actor: Actor) -> StatusCode {
    let manages_a = matches!(actor, Actor::AdminA | Actor::Platform);
    match endpoint {
        Endpoint::GetMe | Endpoint::UpdateMe | Endpoint::ListOrganisations | Endpoint::GetOrganisation => {
            StatusCode::OK
        }
        Endpoint::CreateOrganisation if actor == Actor::Platform => StatusCode::CREATED,
        Endpoint::CreateOrganisation => StatusCode::FORBIDDEN,
        Endpoint::ListUsersOfA if manages_a => StatusCode::OK,
        Endpoint::CreateUserInA if manages_a => StatusCode::CREATED,
        Endpoint::ListUsersOfA | Endpoint::CreateUserInA => StatusCode::FORBIDDEN,
        Endpoint::GetUserOfA | Endpoint::UpdateUserOfA | Endpoint::ResetPasswordOfA if manages_a => StatusCode::OK,
        Endpoint::GetUserOfA | Endpoint::UpdateUserOfA | Endpoint::ResetPasswordOfA => StatusCode::NOT_FOUND,
    }
}

struct World {
    school_a: i64,
    school_b: i64,
    target: Account,
}

fn request(endpoint: Endpoint, world: &World, label: &str) -> (Method, String, Option<Value>) {
    let (a, target) = (world.school_a, world.target.id.0);
    match endpoint {
        Endpoint::GetMe => (Method::GET, "/api/me".into(), None),
        Endpoint::UpdateMe => (Method::PATCH, "/api/me".into(), Some(json!({"locale": "en"}))),
        Endpoint::ListOrganisations => (Method::GET, "/api/organisations".into(), None),
        Endpoint::GetOrganisation => (Method::GET, format!("/api/organisations/{}", world.school_b), None),
        Endpoint::CreateOrganisation => (
            Method::POST,
            "/api/organisations".into(),
            Some(
                json!({"name": format!("Школа {label}"), "short_name": label, "kind": "school", "municipality": "Город"}),
            ),
        ),
        Endpoint::ListUsersOfA => (Method::GET, format!("/api/organisations/{a}/users"), None),
        Endpoint::CreateUserInA => (
            Method::POST,
            format!("/api/organisations/{a}/users"),
            Some(
                json!({"email": format!("{label}@new.test"), "full_name": "Новый Сотрудник", "roles": ["staff"], "password": "new-password-1"}),
            ),
        ),
        Endpoint::GetUserOfA => (Method::GET, format!("/api/users/{target}"), None),
        Endpoint::UpdateUserOfA => (
            Method::PATCH,
            format!("/api/users/{target}"),
            Some(json!({"full_name": format!("Изменено {label}")})),
        ),
        Endpoint::ResetPasswordOfA => (Method::POST, format!("/api/users/{target}/password-reset"), None),
    }
}

#[tokio::test]
async fn every_endpoint_answers_every_role_as_the_policy_says_and_refusals_write_nothing() {
    let app = spawn_app().await;
    let school_a = TestOrg::school("Школа А").create(&app);
    let school_b = TestOrg::school("Школа Б").create(&app);
    let committee = TestOrg::committee("Комитет").create(&app);
    let target = TestUser::new(school_a, &[Role::Staff])
        .named("Исходное Имя")
        .create(&app);
    let world = World {
        school_a: school_a.0,
        school_b: school_b.0,
        target: target.clone(),
    };

    let mut failures = Vec::new();
    for actor in ACTORS {
        let account = match actor {
            Actor::AdminA => TestUser::new(school_a, &[Role::Admin]),
            Actor::CouncilA => TestUser::new(school_a, &[Role::Council]),
            Actor::StaffA => TestUser::new(school_a, &[Role::Staff]),
            Actor::SupervisorA => TestUser::new(school_a, &[Role::Supervisor]),
            Actor::PartnerA => TestUser::new(school_a, &[Role::Partner]),
            Actor::AdminB => TestUser::new(school_b, &[Role::Admin]),
            Actor::Committee => TestUser::new(committee, &[Role::Committee]),
            Actor::Platform => TestUser::new(committee, &[Role::Admin]).platform_admin(),
        }
        .create(&app);
        let token = account.token(&app).await;
        for endpoint in ENDPOINTS {
            let label = format!("{actor:?}").to_lowercase();
            let (method, path, body) = request(endpoint, &world, &label);
            let target_before = app
                .with_db(|conn| backend::db::models::user::find(conn, target.id.0))
                .unwrap();
            let reply = app.send(method.clone(), &path, Some(&token), body.as_ref()).await;
            let want = expected(endpoint, actor);
            if !reply.status.is_success() {
                // Read back after every refusal: the target account (its name, password
                // hash, roles and state) is exactly as it was.
                let target_after = app
                    .with_db(|conn| backend::db::models::user::find(conn, target.id.0))
                    .unwrap();
                assert_eq!(
                    (
                        target_after.full_name,
                        target_after.password_hash,
                        target_after.updated_at
                    ),
                    (
                        target_before.full_name,
                        target_before.password_hash,
                        target_before.updated_at
                    ),
                    "{actor:?} {method} {path} was refused but changed the target account"
                );
            }
            if reply.status != want {
                failures.push(format!(
                    "{actor:?} {method} {path}: got {}, want {want}: {}",
                    reply.status, reply.body
                ));
            } else if !want.is_success() {
                assert_eq!(reply.content_type, "application/problem+json", "{actor:?} {endpoint:?}");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation mismatches:\n{}",
        failures.join("\n")
    );

    // Only the two managers of school A created accounts there; only the platform
    // administrator registered an organisation; the last allowed rename stands.
    let users_a: openapi::Page<openapi::users::User> = {
        let platform = TestUser::new(committee, &[Role::Admin]).platform_admin().create(&app);
        let token = platform.token(&app).await;
        app.get(
            &format!("/api/organisations/{}/users?per_page=100", school_a.0),
            Some(&token),
        )
        .await
        .json(StatusCode::OK)
    };
    let created: Vec<&str> = users_a
        .items
        .iter()
        .filter(|u| u.email.ends_with("@new.test"))
        .map(|u| u.email.as_str())
        .collect();
    assert_eq!(created.len(), 2, "{created:?}");
    assert!(created.contains(&"admina@new.test") && created.contains(&"platform@new.test"));
    let renamed = users_a.items.iter().find(|u| u.id == target.id).unwrap();
    assert_eq!(renamed.full_name, "Изменено platform");
    let orgs = app.with_db(backend::db::models::organisation::count).unwrap();
    assert_eq!(orgs, 4);
}

#[tokio::test]
async fn every_protected_endpoint_refuses_anonymous_requests_with_401() {
    let app = spawn_app().await;
    let school_a = TestOrg::school("Школа А").create(&app);
    let school_b = TestOrg::school("Школа Б").create(&app);
    let target = TestUser::new(school_a, &[Role::Staff]).create(&app);
    let world = World {
        school_a: school_a.0,
        school_b: school_b.0,
        target,
    };
    for endpoint in ENDPOINTS {
        let (method, path, body) = request(endpoint, &world, "anonymous");
        app.send(method, &path, None, body.as_ref())
            .await
            .problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    let orgs = app.with_db(backend::db::models::organisation::count).unwrap();
    assert_eq!(orgs, 2);
}
