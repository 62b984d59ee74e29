//! The storage quota of an organisation: every upload path counts the files and bytes the
//! school keeps (attachments and resource version files together), refuses one past the
//! quota with `413 quota_exceeded` and the figures, records nothing of it, and leaves other
//! schools alone.

use futures_util::future::join_all;
use openapi::events::Event;
use openapi::resources::ResourceVersion;
use openapi::{Page, Problem};
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::HostSchool;
use tests::{Reply, TestApp, days_from_today, spawn_app_with};

/// A small PDF: 8 bytes.
const PDF: &[u8] = b"%PDF-1.7";

/// Starts the application with a quota of `files` files and `bytes` bytes per school.
async fn app_with_quota(files: u64, bytes: u64) -> TestApp {
    spawn_app_with(move |settings| {
        settings.attachment_quota_files = files;
        settings.attachment_quota_bytes = bytes;
        settings.workers = Some(2);
        settings.db_pool_size = 8;
    })
    .await
}

/// A draft event of the school, to attach materials to.
async fn event_of(app: &TestApp, school: &HostSchool) -> Event {
    let body = json!({
        "role": "organiser",
        "kind": "seminar",
        "level": "school",
        "title": "Методический семинар учителей",
        "starts_on": days_from_today(10),
        "ends_on": days_from_today(10),
        "place": "Актовый зал"
    });
    app.post("/api/events", Some(&school.staff), &body)
        .await
        .json(StatusCode::CREATED)
}

async fn attach(app: &TestApp, school: &HostSchool, event: &Event, name: &str, content: &[u8]) -> Reply {
    let path = format!("/api/events/{}/attachments?file_name={name}", event.id);
    let kind = if name.ends_with(".txt") {
        "text/plain"
    } else {
        "application/pdf"
    };
    app.send_raw(Method::POST, &path, Some(&school.staff), kind, content.to_vec())
        .await
}

async fn version_file(app: &TestApp, school: &HostSchool, version: &ResourceVersion) -> Reply {
    let path = format!("/api/versions/{}/files?file_name=design.pdf", version.id);
    app.send_raw(
        Method::POST,
        &path,
        Some(&school.staff),
        "application/pdf",
        PDF.to_vec(),
    )
    .await
}

async fn materials(app: &TestApp, school: &HostSchool, event: &Event) -> usize {
    let read: Event = app
        .get(&format!("/api/events/{}", event.id), Some(&school.staff))
        .await
        .json(StatusCode::OK);
    read.attachments.len()
}

async fn version_files(app: &TestApp, school: &HostSchool) -> usize {
    let path = format!("/api/resources/{}/versions", school.resource.id);
    let versions: Page<ResourceVersion> = app.get(&path, Some(&school.staff)).await.json(StatusCode::OK);
    versions.items.iter().map(|version| version.files.len()).sum()
}

fn figures(problem: &Problem) -> [Option<i64>; 4] {
    [
        problem.used_files,
        problem.used_bytes,
        problem.quota_files,
        problem.quota_bytes,
    ]
}

#[tokio::test]
async fn a_school_at_its_file_quota_is_refused_with_the_figures_on_every_upload_path_and_nothing_is_kept() {
    let app = app_with_quota(3, 1000).await;
    let full = HostSchool::create(&app, "СОШ № 61").await;
    let other = HostSchool::create(&app, "СОШ № 12").await;
    let version = full.version_with_file(&app, "design").await;
    let event = event_of(&app, &full).await;
    for name in ["programme.pdf", "handout.pdf"] {
        assert_eq!(attach(&app, &full, &event, name, PDF).await.status, StatusCode::CREATED);
    }

    let refused = attach(&app, &full, &event, "slides.pdf", PDF).await;
    let problem = refused.problem(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    assert_eq!(figures(&problem), [Some(3), Some(24), Some(3), Some(1000)]);
    let refused = version_file(&app, &full, &version).await;
    let problem = refused.problem(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    assert_eq!(figures(&problem), [Some(3), Some(24), Some(3), Some(1000)]);
    assert_eq!(
        materials(&app, &full, &event).await,
        2,
        "the refused material is not listed"
    );
    assert_eq!(
        version_files(&app, &full).await,
        1,
        "the refused version file is not listed"
    );

    // Another school keeps its own quota.
    other.version_with_file(&app, "design").await;
    let theirs = event_of(&app, &other).await;
    assert_eq!(
        attach(&app, &other, &theirs, "programme.pdf", PDF).await.status,
        StatusCode::CREATED
    );

    // A removed file frees its place.
    let first: Event = app
        .get(&format!("/api/events/{}", event.id), Some(&full.staff))
        .await
        .json(StatusCode::OK);
    let removed = app
        .send(
            Method::DELETE,
            &format!("/api/attachments/{}", first.attachments[0].id),
            Some(&full.staff),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    assert_eq!(version_file(&app, &full, &version).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_file_past_the_byte_quota_is_refused_though_files_remain() {
    let app = app_with_quota(100, 30).await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    let event = event_of(&app, &school).await;
    let text = b"Programme of the seminar, 25".as_slice();
    assert_eq!(text.len(), 28);
    assert_eq!(
        attach(&app, &school, &event, "programme.txt", text).await.status,
        StatusCode::CREATED
    );
    let refused = attach(&app, &school, &event, "slides.pdf", PDF).await;
    let problem = refused.problem(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    assert_eq!(figures(&problem), [Some(1), Some(28), Some(100), Some(30)]);
    assert_eq!(materials(&app, &school, &event).await, 1);
}

#[tokio::test]
async fn uploads_at_once_fill_the_quota_exactly_and_the_rest_are_refused() {
    let app = app_with_quota(3, 1000).await;
    let school = HostSchool::create(&app, "СОШ № 61").await;
    // Six events, one material each: nothing but the school's quota ties the uploads.
    let mut events = Vec::new();
    for _ in 0..6 {
        events.push(event_of(&app, &school).await);
    }
    let replies = join_all(
        events
            .iter()
            .map(|event| attach(&app, &school, event, "material.pdf", PDF)),
    )
    .await;
    let created = replies
        .iter()
        .filter(|reply| reply.status == StatusCode::CREATED)
        .count();
    for reply in replies.iter().filter(|reply| reply.status != StatusCode::CREATED) {
        reply.problem(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    }
    assert_eq!(created, 3);
    let mut kept = 0;
    for event in &events {
        kept += materials(&app, &school, event).await;
    }
    assert_eq!(kept, 3);
}
