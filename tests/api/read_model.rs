//! The read model behind the catalogue, the registry and the metrics: kept equal to its
//! rebuild from the raw rows by every write; and keyset pages that walk whole lists.

use backend::db::models::feedback;
use backend::db::models::organisation::{self, NewOrganisation};
use backend::db::read_model;
use backend::db::schema::{organisations, projects, resources};
use backend::domain::metrics::Scope;
use diesel::prelude::*;
use openapi::feedback::{CatalogueItem, RegistryItem};
use openapi::organisations::OrganisationKind;
use openapi::projects::Project;
use openapi::resources::{Resource, ResourceItem, Visibility};
use openapi::users::Role;
use openapi::{OrganisationId, Page, ProjectId, ResourceId};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::HashSet;
use tests::fixtures::{TestOrg, TestUser, project_body};
use tests::{TestApp, spawn_app};

/// A resource's card as the API takes it back, with another visibility.
fn card(resource: &Resource, visibility: Visibility) -> Value {
    json!({
        "title": resource.title,
        "description": resource.description,
        "form": resource.form,
        "element": resource.element,
        "hours": resource.hours,
        "programme_format": resource.programme_format,
        "kit_items": resource.kit_items,
        "authors": resource.authors,
        "licence": resource.licence,
        "visibility": visibility,
    })
}

/// The read model as the writes left it equals its rebuild, and every resource's,
/// project's and school's metrics equal those aggregated from the raw rows.
fn assert_consistent(app: &TestApp) {
    app.with_db(|conn| {
        let kept = read_model::snapshot(conn).unwrap();
        read_model::rebuild(conn).unwrap();
        let rebuilt = read_model::snapshot(conn).unwrap();
        assert_eq!(kept, rebuilt, "the read model kept by the writes equals its rebuild");
        let resources: Vec<i64> = resources::table.select(resources::id).load(conn).unwrap();
        let projects: Vec<i64> = projects::table.select(projects::id).load(conn).unwrap();
        let schools: Vec<i64> = organisations::table.select(organisations::id).load(conn).unwrap();
        let scopes = (resources.into_iter().map(|id| Scope::Resource(ResourceId(id))))
            .chain(projects.into_iter().map(|id| Scope::Project(ProjectId(id))))
            .chain(schools.into_iter().map(|id| Scope::School(OrganisationId(id))));
        for scope in scopes {
            assert_eq!(
                read_model::metrics(conn, scope).unwrap(),
                feedback::aggregate(conn, scope).unwrap(),
                "{scope:?}"
            );
        }
    });
}

#[tokio::test]
async fn every_write_keeps_the_read_model_equal_to_its_rebuild_from_the_raw_rows() {
    let app = spawn_app().await;
    let storage = app.state.storage.clone();
    assert!(
        app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
            .unwrap()
    );
    let snapshot = app.with_db(read_model::snapshot).unwrap();
    assert!(
        snapshot
            .resources
            .iter()
            .any(|(_, _, _, f)| f.by_link > 0 && f.responses > f.by_link),
        "the demo answers in the app and by link"
    );
    assert!(
        snapshot.resources.iter().any(|(_, _, _, f)| f.requests > 0),
        "and takes requests"
    );
    assert_consistent(&app);

    let director = app
        .login("director@sch61.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let committee = app
        .login("committee@kom.demo", backend::demo::DEMO_PASSWORD)
        .await
        .access_token;
    let before: Page<CatalogueItem> = app.get("/api/catalogue", Some(&committee)).await.json(StatusCode::OK);

    // Withdraw a published resource from the catalogue and publish an internal one.
    let me: openapi::users::Me = app.get("/api/me", Some(&director)).await.json(StatusCode::OK);
    let own: Page<ResourceItem> = app
        .get(
            &format!("/api/resources?per_page=100&org_id={}", me.organisation.id),
            Some(&director),
        )
        .await
        .json(StatusCode::OK);
    let published = own
        .items
        .iter()
        .find(|r| r.visibility == Visibility::Published)
        .unwrap();
    let internal = own.items.iter().find(|r| r.visibility == Visibility::Internal).unwrap();
    for (item, visibility) in [(published, Visibility::Internal), (internal, Visibility::Published)] {
        let resource: Resource = app
            .get(&format!("/api/resources/{}", item.id), Some(&director))
            .await
            .json(StatusCode::OK);
        let body = card(&resource, visibility);
        let reply = app
            .send(
                Method::PUT,
                &format!("/api/resources/{}", resource.id),
                Some(&director),
                Some(&body),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    // Move a project with published resources to the other level and complete it.
    let project: Project = app
        .get(&format!("/api/projects/{}", internal.project_id), Some(&director))
        .await
        .json(StatusCode::OK);
    let mut body = project_body(&project.title);
    body["level"] = json!(if project.level == openapi::projects::ProjectLevel::Platform {
        "laboratory"
    } else {
        "platform"
    });
    if body["level"] == "laboratory" {
        body["platform_status"] = Value::Null;
        body["supervisor_name"] = json!("Иванов Иван Иванович");
    }
    body["status"] = json!("completed");
    let reply = app
        .send(
            Method::PUT,
            &format!("/api/projects/{}", project.id),
            Some(&director),
            Some(&body),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_consistent(&app);

    let after: Page<CatalogueItem> = app.get("/api/catalogue", Some(&committee)).await.json(StatusCode::OK);
    assert_eq!(after.total, before.total, "one resource out, one in");
    let shown: HashSet<ResourceId> = after.items.iter().map(|item| item.id).collect();
    assert!(shown.contains(&internal.id) && !shown.contains(&published.id));
    let level = if body["level"] == "laboratory" {
        "laboratory"
    } else {
        "platform"
    };
    let by_level: Page<CatalogueItem> = app
        .get(&format!("/api/catalogue?level={level}&per_page=100"), Some(&committee))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        by_level.total,
        i64::try_from(by_level.items.len()).unwrap(),
        "the counter is the list"
    );
    assert!(by_level.items.iter().any(|item| item.id == internal.id));
}

/// A committee specialist's token, in a committee of its own.
async fn committee_token(app: &TestApp) -> String {
    let committee = TestOrg::committee("Комитет").create(app);
    TestUser::new(committee, &[Role::Committee])
        .create(app)
        .token(app)
        .await
}

/// How many resources are published.
fn published_count(app: &TestApp) -> i64 {
    app.with_db(|conn| {
        resources::table
            .filter(resources::visibility.eq("published"))
            .count()
            .get_result(conn)
            .unwrap()
    })
}

/// Walks a list by cursor, checking every page's size, and returns the rows in order.
async fn walk<T: serde::de::DeserializeOwned>(app: &TestApp, token: &str, path: &str) -> (Vec<T>, i64) {
    let mut rows = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let url = match &cursor {
            Some(cursor) => format!("{path}&cursor={cursor}"),
            None => path.to_owned(),
        };
        let page: Page<T> = app.get(&url, Some(token)).await.json(StatusCode::OK);
        pages += 1;
        assert_eq!(page.page, pages, "a cursor carries the page's number");
        let last = page.next_cursor.is_none();
        assert!(
            last || page.items.len() == page.per_page as usize,
            "only the last page is short"
        );
        rows.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return (rows, page.total),
        }
        assert!(pages < 100, "the walk ends");
    }
}

/// The same list by page numbers.
async fn by_numbers<T: serde::de::DeserializeOwned>(app: &TestApp, token: &str, path: &str) -> Vec<T> {
    let mut rows = Vec::new();
    for number in 1.. {
        let page: Page<T> = app
            .get(&format!("{path}&page={number}"), Some(token))
            .await
            .json(StatusCode::OK);
        let count = page.page_count();
        rows.extend(page.items);
        if number >= count {
            break;
        }
    }
    rows
}

#[tokio::test]
async fn cursor_pages_walk_the_registry_and_the_catalogue_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let args = backend::seed::SeedArgs {
        schools: 5,
        resources: 41,
        feedback: 50,
    };
    app.with_db(|conn| backend::seed::run(conn, args)).unwrap();
    // Schools whose short names tie: the order falls back on the id.
    app.with_db(|conn| {
        for n in 0..7 {
            organisation::insert(
                conn,
                &NewOrganisation {
                    name: &format!("МБОУ «Школа» корпус {n}"),
                    short_name: "Школа",
                    kind: OrganisationKind::School,
                    municipality: "Округ",
                },
            )
            .unwrap();
        }
    });
    let token = committee_token(&app).await;

    let (walked, total) = walk::<RegistryItem>(&app, &token, "/api/registry?per_page=3").await;
    assert_eq!(
        total, 12,
        "the counter: 5 generated and 7 tied schools, not the committee"
    );
    let ids: Vec<OrganisationId> = walked.iter().map(|row| row.org_id).collect();
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        12,
        "no school twice, none left out"
    );
    let numbered: Vec<OrganisationId> = by_numbers::<RegistryItem>(&app, &token, "/api/registry?per_page=3")
        .await
        .iter()
        .map(|row| row.org_id)
        .collect();
    assert_eq!(ids, numbered, "the same order as by page numbers");
    let tied: Vec<OrganisationId> = walked
        .iter()
        .filter(|row| row.short_name == "Школа")
        .map(|row| row.org_id)
        .collect();
    assert!(tied.windows(2).all(|pair| pair[0].0 < pair[1].0), "ties by id");

    for path in [
        "/api/catalogue?per_page=4",
        "/api/catalogue?per_page=5&form=methodological_development",
        "/api/catalogue?per_page=2&q=%D0%BF%D0%BE%20%D1%84%D0%B8%D0%B7%D0%B8%D0%BA%D0%B5",
    ] {
        let (walked, total) = walk::<CatalogueItem>(&app, &token, path).await;
        let ids: Vec<ResourceId> = walked.iter().map(|item| item.id).collect();
        assert!(!ids.is_empty(), "{path}");
        assert_eq!(i64::try_from(ids.len()).unwrap(), total, "{path}: every row once");
        assert!(ids.windows(2).all(|pair| pair[0].0 > pair[1].0), "{path}: newest first");
        let numbered: Vec<ResourceId> = by_numbers::<CatalogueItem>(&app, &token, path)
            .await
            .iter()
            .map(|item| item.id)
            .collect();
        assert_eq!(ids, numbered, "{path}");
    }
    let published = published_count(&app);
    let first: Page<CatalogueItem> = app.get("/api/catalogue", Some(&token)).await.json(StatusCode::OK);
    assert_eq!(first.total, published);
    assert_eq!(published, 21, "every other generated resource is published");

    // The search finds exactly the published resources whose text holds the (trimmed) term,
    // through the index or, for a short term, without it; alone and with each filter (on
    // SQLite a term of three characters drives the read from the trigram table, except
    // within one school).
    type Row = (i64, String, String, Option<String>, i64, String);
    type Filter<'a> = (Vec<(&'a str, String)>, Box<dyn Fn(&Row) -> bool + 'a>);
    app.with_db(|conn| {
        // The generated projects are all platforms: half of them become laboratories,
        // so that the level filter tells rows apart (no counter is read with a search).
        let ids: Vec<i64> = projects::table
            .select(projects::id)
            .order(projects::id)
            .limit(3)
            .load(conn)
            .unwrap();
        diesel::update(projects::table.filter(projects::id.eq_any(ids)))
            .set(projects::level.eq("laboratory"))
            .execute(conn)
            .unwrap();
    });
    let rows: Vec<Row> = app.with_db(|conn| {
        resources::table
            .inner_join(projects::table)
            .filter(resources::visibility.eq("published"))
            .select((
                resources::id,
                resources::search,
                resources::form,
                resources::element,
                resources::org_id,
                projects::level,
            ))
            .load(conn)
            .unwrap()
    });
    let sample = rows
        .iter()
        .find(|row| row.3.is_some())
        .expect("a resource with an element");
    let element = sample.3.clone().unwrap();
    let filters: [Filter; 6] = [
        (vec![], Box::new(|_| true)),
        (vec![("form", sample.2.clone())], Box::new(|row| row.2 == sample.2)),
        (
            vec![("element", element.clone())],
            Box::new(|row| row.3.as_deref() == Some(element.as_str())),
        ),
        (vec![("level", sample.5.clone())], Box::new(|row| row.5 == sample.5)),
        (
            vec![("org_id", sample.4.to_string())],
            Box::new(|row| row.4 == sample.4),
        ),
        (
            vec![("form", sample.2.clone()), ("level", sample.5.clone())],
            Box::new(|row| row.2 == sample.2 && row.5 == sample.5),
        ),
    ];
    for term in ["ФИЗИКЕ", "с № 1", "№", " 3", "% по", "\"по", "_", "ресурс"] {
        for (params, keep) in &filters {
            let mut expected: Vec<i64> = rows
                .iter()
                .filter(|row| row.1.contains(&term.trim().to_lowercase()) && keep(row))
                .map(|row| row.0)
                .collect();
            expected.sort_unstable_by(|a, b| b.cmp(a));
            let mut query = vec![("per_page", "100".to_owned()), ("q", term.to_owned())];
            query.extend(params.iter().cloned());
            let url = reqwest::Url::parse_with_params("http://localhost/api/catalogue", &query).unwrap();
            let found: Page<CatalogueItem> = app
                .get(&format!("/api/catalogue?{}", url.query().unwrap()), Some(&token))
                .await
                .json(StatusCode::OK);
            let ids: Vec<i64> = found.items.iter().map(|item| item.id.0).collect();
            assert_eq!(
                (ids, found.total),
                (expected.clone(), i64::try_from(expected.len()).unwrap()),
                "{term:?} {params:?}"
            );
        }
    }

    for bad in ["x", "MjpmaXZl", "MQo1"] {
        let problem = app
            .get(&format!("/api/catalogue?cursor={bad}"), Some(&token))
            .await
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(problem.errors[0].field, "cursor", "{bad}");
    }
}

#[tokio::test]
async fn a_large_catalogue_counts_a_search_up_to_the_cap_and_numbers_deep_pages_as_the_cursor_walks() {
    let app = spawn_app().await;
    app.with_db(|conn| {
        backend::seed::run(
            conn,
            backend::seed::SeedArgs {
                schools: 3,
                resources: 2_100,
                feedback: 0,
            },
        )
    })
    .unwrap();
    let token = committee_token(&app).await;
    let published = published_count(&app);
    assert!(published > openapi::SEARCH_COUNT_CAP, "{published} published");

    // Without a search the counter is exact, however many.
    let all = app.get("/api/catalogue", Some(&token)).await;
    let page: Page<CatalogueItem> = all.json(StatusCode::OK);
    assert_eq!((page.total, page.total_capped), (published, false));
    assert!(!all.body.contains("total_capped"), "absent when exact");

    // Every generated title holds «ресурс»: the count stops at the cap and says so.
    let path = "/api/catalogue?per_page=100&q=%D1%80%D0%B5%D1%81%D1%83%D1%80%D1%81";
    let capped: Page<CatalogueItem> = app.get(path, Some(&token)).await.json(StatusCode::OK);
    assert_eq!((capped.total, capped.total_capped), (openapi::SEARCH_COUNT_CAP, true));
    assert_eq!(
        capped.page_count(),
        u32::try_from(openapi::SEARCH_COUNT_CAP / 100).unwrap()
    );
    let (walked, _) = walk::<CatalogueItem>(&app, &token, path).await;
    assert_eq!(
        i64::try_from(walked.len()).unwrap(),
        published,
        "the cursor reaches every match"
    );

    // A page by number starts where the cursor's walk has it, however deep: from the
    // range of ids the read model counts it in (the whole list, a form, an element, a
    // level), or by skipping rows (a school, two filters); past the end it is empty.
    let form = "methodological_development";
    for path in [
        "/api/catalogue?per_page=100".to_owned(),
        "/api/catalogue?per_page=30".to_owned(),
        format!("/api/catalogue?per_page=40&form={form}"),
        "/api/catalogue?per_page=50&level=platform".to_owned(),
        format!("/api/catalogue?per_page=20&form={form}&level=platform"),
    ] {
        let (walked, total) = walk::<CatalogueItem>(&app, &token, &path).await;
        let walked: Vec<ResourceId> = walked.iter().map(|item| item.id).collect();
        assert_eq!(i64::try_from(walked.len()).unwrap(), total, "{path}");
        assert!(total > 256, "{path}: deeper than one range ({total})");
        let numbered: Vec<ResourceId> = by_numbers::<CatalogueItem>(&app, &token, &path)
            .await
            .iter()
            .map(|item| item.id)
            .collect();
        assert_eq!(walked, numbered, "{path}");
        let past: Page<CatalogueItem> = app
            .get(&format!("{path}&page=1000"), Some(&token))
            .await
            .json(StatusCode::OK);
        assert!(past.items.is_empty() && past.next_cursor.is_none(), "{path}");
    }

    // A narrow search is counted exactly.
    let narrow: Page<CatalogueItem> = app
        .get("/api/catalogue?per_page=100&q=%E2%84%96%2012%20", Some(&token))
        .await
        .json(StatusCode::OK);
    assert!(!narrow.total_capped);
    assert_eq!(narrow.total, i64::try_from(narrow.items.len()).unwrap());
}
