use openapi::resources::{ResourceFile, ResourceVersion, VersionKind};
use openapi::users::Role;
use openapi::{FieldErrorCode, Page};
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::fixtures::{HostSchool, TestOrg, TestUser};
use tests::{TestApp, spawn_app};

async fn new_version(app: &TestApp, setup: &HostSchool, kind: &str) -> ResourceVersion {
    app.post(
        &format!("/api/resources/{}/versions", setup.resource.id),
        Some(&setup.staff),
        &json!({"kind": kind, "notes": "Первая редакция"}),
    )
    .await
    .json(StatusCode::CREATED)
}

fn stored_blobs(app: &TestApp) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| if e.path().is_dir() { count(&e.path()) } else { 1 })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.data_dir.join("files"))
}

fn file_rows(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    app.with_db(|conn| {
        backend::db::schema::resource_files::table
            .count()
            .get_result::<i64>(conn)
    })
    .unwrap()
}

#[tokio::test]
async fn a_version_keeps_the_authorship_and_its_uploaded_file_downloads_byte_for_byte() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let version = new_version(&app, &s, "design").await;
    assert_eq!((version.number, version.kind), (1, VersionKind::Design));
    assert_eq!(version.authors, s.resource.authors);
    let content = b"%PDF-1.7\n% \xd0\xa1\xd1\x86\xd0\xb5\xd0\xbd\xd0\xb0\xd1\x80\xd0\xb8\xd0\xb9\n".to_vec();
    let reply = app
        .send_raw(
            Method::POST,
            &format!(
                "/api/versions/{}/files?file_name=%D0%A1%D1%86%D0%B5%D0%BD%D0%B0%D1%80%D0%B8%D0%B9.pdf",
                version.id
            ),
            Some(&s.staff),
            "application/octet-stream",
            content.clone(),
        )
        .await;
    let file: ResourceFile = reply.json(StatusCode::CREATED);
    assert_eq!(
        (file.file_name.as_str(), file.content_type.as_str(), file.size),
        ("Сценарий.pdf", "application/pdf", content.len() as i64)
    );
    assert_eq!(file.sha256.len(), 64);

    let download = app
        .client
        .get(format!("{}/api/files/{}", app.address, file.id))
        .bearer_auth(&s.staff)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    let disposition = download.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.contains("filename*=UTF-8''%D0%A1"), "{disposition}");
    assert_eq!(download.bytes().await.unwrap().to_vec(), content);

    let second = new_version(&app, &s, "product").await;
    assert_eq!(second.number, 2);
    let versions: Page<ResourceVersion> = app
        .get(&format!("/api/resources/{}/versions", s.resource.id), Some(&s.staff))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        versions
            .items
            .iter()
            .map(|v| (v.number, v.files.len()))
            .collect::<Vec<_>>(),
        [(2, 0), (1, 1)]
    );
}

#[tokio::test]
async fn a_wrong_type_or_a_disguised_file_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let version = new_version(&app, &s, "design").await;
    let path = |name: &str| format!("/api/versions/{}/files?file_name={name}", version.id);
    let exe = app
        .send_raw(
            Method::POST,
            &path("setup.exe"),
            Some(&s.staff),
            "application/octet-stream",
            b"MZ\x90\x00".to_vec(),
        )
        .await;
    let problem = exe.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        (problem.errors[0].field.as_str(), problem.errors[0].code),
        ("file_name", FieldErrorCode::NotAllowed)
    );
    let disguised = app
        .send_raw(
            Method::POST,
            &path("report.pdf"),
            Some(&s.staff),
            "application/pdf",
            b"MZ\x90\x00".to_vec(),
        )
        .await;
    assert_eq!(
        disguised
            .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
            .errors[0]
            .field,
        "file"
    );
    assert_eq!((file_rows(&app), stored_blobs(&app)), (0, 0));
}

#[tokio::test]
async fn a_file_over_20_mib_is_413_and_nothing_is_stored() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let version = new_version(&app, &s, "design").await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(20 * 1024 * 1024 + 1, b'a');
    let reply = app
        .send_raw(
            Method::POST,
            &format!("/api/versions/{}/files?file_name=big.pdf", version.id),
            Some(&s.staff),
            "application/pdf",
            big,
        )
        .await;
    reply.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!((file_rows(&app), stored_blobs(&app)), (0, 0));
}

#[tokio::test]
async fn other_schools_and_partners_cannot_add_versions_or_read_internal_files() {
    let app = spawn_app().await;
    let s = HostSchool::create(&app, "СОШ № 61").await;
    let version = new_version(&app, &s, "design").await;
    let file: ResourceFile = app
        .send_raw(
            Method::POST,
            &format!("/api/versions/{}/files?file_name=a.txt", version.id),
            Some(&s.staff),
            "text/plain",
            "Текст".as_bytes().to_vec(),
        )
        .await
        .json(StatusCode::CREATED);
    let other = TestOrg::school("СОШ № 12").create(&app);
    let stranger = TestUser::new(other, &[Role::Admin]).create(&app).token(&app).await;
    let partner = TestUser::new(s.org, &[Role::Partner]).create(&app).token(&app).await;
    for token in [&stranger, &partner] {
        app.post(
            &format!("/api/resources/{}/versions", s.resource.id),
            Some(token),
            &json!({"kind": "design"}),
        )
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
        app.send_raw(
            Method::POST,
            &format!("/api/versions/{}/files?file_name=b.txt", version.id),
            Some(token),
            "text/plain",
            b"x".to_vec(),
        )
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
        app.get(&format!("/api/files/{}", file.id), Some(token))
            .await
            .problem(StatusCode::NOT_FOUND, "not_found");
    }
    let supervisor = TestUser::new(s.org, &[Role::Supervisor]).create(&app).token(&app).await;
    app.post(
        &format!("/api/resources/{}/versions", s.resource.id),
        Some(&supervisor),
        &json!({"kind": "design"}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(file_rows(&app), 1);
}
