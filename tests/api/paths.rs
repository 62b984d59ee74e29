//! Paths that had only their refusals tested, or nothing: an indicator and a ranking
//! problem edited, a refresh token past its lifetime, and a list whose sort key ties
//! across pages.

use diesel::prelude::*;
use openapi::Page;
use openapi::UserId;
use openapi::plan::Indicator;
use openapi::projects::Project;
use openapi::ranking::{Ranking, RankingRound, SchoolProblem};
use openapi::requests::ConsumerRequest;
use openapi::users::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::collections::BTreeSet;
use tests::fixtures::{HostSchool, PASSWORD, TestOrg, TestUser, project_body};
use tests::spawn_app;

#[tokio::test]
async fn an_indicator_is_edited_and_the_edit_is_read_back_and_audited() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let teacher = TestUser::new(org, &[Role::Admin, Role::Staff])
        .create(&app)
        .token(&app)
        .await;
    let project: Project = app
        .post("/api/projects", Some(&teacher), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    let created: Indicator = app
        .post(
            &format!("/api/projects/{}/indicators", project.id),
            Some(&teacher),
            &json!({"title": "Доля учащихся с высоким уровнем чтения", "unit": "%", "values": [{"school_year": 2025, "target": 40.0}]}),
        )
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/indicators/{}", created.id);
    let edited: Indicator = app
        .put(
            &path,
            Some(&teacher),
            &json!({"title": "Доля учащихся, читающих с пониманием", "unit": "%", "values": [{"school_year": 2025, "target": 40.0, "actual": 30.0}, {"school_year": 2026, "target": 50.0}]}),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(edited.id, created.id);
    assert_eq!(edited.title, "Доля учащихся, читающих с пониманием");
    assert_eq!(
        edited
            .values
            .iter()
            .map(|v| (v.school_year, v.achieved_percent))
            .collect::<Vec<_>>(),
        [(2025, Some(75.0)), (2026, None)]
    );
    let listed: Vec<Indicator> = app
        .get(&format!("/api/projects/{}/indicators", project.id), Some(&teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(listed, std::slice::from_ref(&edited));

    let refused = app
        .put(
            &path,
            Some(&teacher),
            &json!({"title": "Другое", "unit": "%", "values": [{"school_year": 2031, "target": 1.0}]}),
        )
        .await
        .problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(refused.errors[0].field, "values[0].school_year");
    let other = TestOrg::school("Гимназия № 17").create(&app);
    let stranger = TestUser::new(other, &[Role::Admin]).create(&app).token(&app).await;
    app.put(
        &path,
        Some(&stranger),
        &json!({"title": "Чужая правка показателя", "unit": "%", "values": []}),
    )
    .await
    .problem(StatusCode::NOT_FOUND, "not_found");
    let after: Vec<Indicator> = app
        .get(&format!("/api/projects/{}/indicators", project.id), Some(&teacher))
        .await
        .json(StatusCode::OK);
    assert_eq!(after, [edited], "a refused PUT wrote");
    let audited: i64 = app
        .with_db(|conn| {
            use backend::db::schema::audit_log;
            audit_log::table
                .filter(audit_log::entity.eq("indicator"))
                .filter(audit_log::entity_id.eq(created.id))
                .filter(audit_log::action.eq("update"))
                .count()
                .get_result(conn)
        })
        .unwrap();
    assert_eq!(audited, 1, "the edit, and only the edit, is audited");
}

#[tokio::test]
async fn a_ranking_problem_is_edited_before_the_freeze_and_read_back() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let council = TestUser::new(org, &[Role::Council, Role::Staff])
        .create(&app)
        .token(&app)
        .await;
    let director = TestUser::new(org, &[Role::Admin]).create(&app).token(&app).await;
    let round: RankingRound = app
        .post(
            "/api/ranking-rounds",
            Some(&council),
            &json!({"school_year": 2026, "criteria": [{"title": "Значимость", "weight": 1}]}),
        )
        .await
        .json(StatusCode::CREATED);
    let problem: SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&council),
            &json!({"title": "Низкий уровень чтения", "description": "Описание проблемы педагогической системы", "evidence": "Результаты ВПР"}),
        )
        .await
        .json(StatusCode::CREATED);
    let path = format!("/api/problems/{}", problem.id);
    let body = json!({"title": "Низкий уровень смыслового чтения", "description": "Результаты ВПР по чтению ниже районных", "evidence": "ВПР 2025, мониторинг"});
    let edited: SchoolProblem = app.put(&path, Some(&council), &body).await.json(StatusCode::OK);
    assert_eq!(
        (edited.id, edited.title.as_str(), edited.evidence.as_str()),
        (problem.id, "Низкий уровень смыслового чтения", "ВПР 2025, мониторинг")
    );
    let ranking: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", round.id), Some(&council))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        ranking.problems[0].problem.description,
        "Результаты ВПР по чтению ниже районных"
    );

    app.post(
        &format!("/api/ranking-rounds/{}/freeze", round.id),
        Some(&director),
        &json!({}),
    )
    .await
    .json::<serde_json::Value>(StatusCode::OK);
    let mut late = body.clone();
    late["title"] = json!("Правка после заморозки");
    app.put(&path, Some(&council), &late)
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    let frozen: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", round.id), Some(&council))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        frozen.problems[0].problem.title, "Низкий уровень смыслового чтения",
        "the refused PUT wrote"
    );
}

#[tokio::test]
async fn a_refresh_token_past_its_lifetime_is_refused_and_spends_nothing() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let user = TestUser::new(org, &[Role::Staff]).create(&app);
    let pair = app.login(&user.email, PASSWORD).await;
    let yesterday = backend::db::models::now() - chrono::TimeDelta::days(1);
    app.with_db(|conn| {
        use backend::db::schema::refresh_tokens;
        diesel::update(refresh_tokens::table.filter(refresh_tokens::user_id.eq(user.id.0)))
            .set(refresh_tokens::expires_at.eq(yesterday))
            .execute(conn)
    })
    .unwrap();
    app.post("/api/auth/refresh", None, &json!({"refresh_token": pair.refresh_token}))
        .await
        .problem(StatusCode::UNAUTHORIZED, "invalid_refresh_token");
    let issued: i64 = app
        .with_db(|conn| {
            use backend::db::schema::refresh_tokens;
            refresh_tokens::table
                .filter(refresh_tokens::user_id.eq(user.id.0))
                .count()
                .get_result(conn)
        })
        .unwrap();
    assert_eq!(issued, 1, "no successor was issued for an expired token");
    // A fresh sign-in still works: expiry ends the session, not the account.
    app.login(&user.email, PASSWORD).await;
}

/// Invariant: paging through rows that tie on the sort key (requests filed within the
/// same instant sort by time, then id) shows every row exactly once.
#[tokio::test]
async fn pages_over_tied_sort_keys_show_every_row_exactly_once() {
    let app = spawn_app().await;
    let host = HostSchool::create(&app, "СОШ № 61").await;
    let partner_school = TestOrg::school("СОШ № 12").create(&app);
    let partner = TestUser::new(partner_school, &[Role::Partner])
        .create(&app)
        .token(&app)
        .await;
    let deadline = tests::days_from_today(30);
    let mut filed = BTreeSet::new();
    for n in 0..7 {
        let request: ConsumerRequest = app
            .post(
                "/api/requests",
                Some(&partner),
                &json!({"need": format!("Методика формирующего оценивания № {n}"), "audience": "Учителя", "deadline": deadline, "target_org_id": host.org}),
            )
            .await
            .json(StatusCode::CREATED);
        filed.insert(request.id);
    }
    // Every request at the same instant: only the tie-breaker orders them.
    let instant = backend::db::models::now();
    app.with_db(|conn| {
        use backend::db::schema::requests;
        diesel::update(requests::table)
            .set((requests::created_at.eq(instant), requests::updated_at.eq(instant)))
            .execute(conn)
    })
    .unwrap();
    let mut seen = Vec::new();
    for page in 1..=4 {
        let listed: Page<ConsumerRequest> = app
            .send(
                Method::GET,
                &format!("/api/requests?box=outbox&page={page}&per_page=2"),
                Some(&partner),
                None,
            )
            .await
            .json(StatusCode::OK);
        assert_eq!(listed.total, 7);
        seen.extend(listed.items.iter().map(|r| r.id));
    }
    assert_eq!(seen.len(), 7, "{seen:?}");
    assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), filed, "{seen:?}");
}

/// Sends `chunks` as a chunked body (no `Content-Length`) on a plain connection, calling
/// `between` after the first chunk; returns the response's status code, or 0 if the
/// server closed the connection without an answer.
fn chunked_upload(address: &str, path: &str, token: &str, chunks: &[Vec<u8>], between: impl FnOnce()) -> u16 {
    use std::io::{Read, Write};
    let host = address.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    let mut sent = stream.write_all(head.as_bytes()).is_ok();
    let mut between = Some(between);
    for chunk in chunks {
        if !sent {
            break;
        }
        sent = stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .and_then(|()| stream.write_all(chunk))
            .and_then(|()| stream.write_all(b"\r\n"))
            .is_ok();
        if let Some(between) = between.take() {
            between();
        }
    }
    if sent {
        let _ = stream.write_all(b"0\r\n\r\n");
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

fn blobs_under(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| if e.path().is_dir() { blobs_under(&e.path()) } else { 1 })
                .sum()
        })
        .unwrap_or(0)
}

/// Invariant: a chunked upload (no `Content-Length`) over 20 MiB is cut off with `413`
/// and leaves no file; a chunked upload whose record is refused after the bytes were
/// stored (the account deactivated meanwhile) leaves no file either; a deleted
/// attachment's file is removed from the storage.
#[tokio::test]
async fn streamed_uploads_keep_the_limit_and_no_file_outlives_its_record() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let account = TestUser::new(org, &[Role::Council, Role::Staff]).create(&app);
    let teacher = account.token(&app).await;
    let project: Project = app
        .post("/api/projects", Some(&teacher), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    let version: openapi::package::DocumentVersion = app
        .post(
            &format!("/api/projects/{}/package/programme", project.id),
            Some(&teacher),
            &json!({"text": "Программа инновационной деятельности школы"}),
        )
        .await
        .json(StatusCode::CREATED);
    let files = app.data_dir.join("files");
    let path = format!("/api/document-versions/{}/attachments?file_name=big.pdf", version.id);

    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(1024 * 1024, b'x');
    let too_big: Vec<Vec<u8>> = std::iter::repeat_n(pdf.clone(), 21).collect();
    let (address, token, upload) = (app.address.clone(), teacher.clone(), path.clone());
    let status = tokio::task::spawn_blocking(move || chunked_upload(&address, &upload, &token, &too_big, || {}))
        .await
        .unwrap();
    assert_eq!(status, 413, "a 21 MiB chunked body");
    assert_eq!(blobs_under(&files), 0, "the refused upload left a file");

    let small = vec![pdf.clone(), b"%%EOF".to_vec()];
    let (address, token, upload) = (app.address.clone(), teacher.clone(), path.clone());
    let pool = app.state.pool.clone();
    let user = account.id.0;
    let status = tokio::task::spawn_blocking(move || {
        chunked_upload(&address, &upload, &token, &small, move || {
            // Let the server pass its first check and wait for the rest of the body.
            std::thread::sleep(std::time::Duration::from_millis(300));
            let mut conn = pool.get().unwrap();
            backend::db::models::user::set_active(&mut conn, UserId(user), false).unwrap();
        })
    })
    .await
    .unwrap();
    assert_eq!(status, 403, "the account was deactivated while the body was sent");
    assert_eq!(blobs_under(&files), 0, "the stored bytes outlived the refused record");
    app.with_db(|conn| backend::db::models::user::set_active(conn, UserId(user), true))
        .unwrap();

    let kept: openapi::plan::Attachment = app
        .send_raw(
            Method::POST,
            &path,
            Some(&teacher),
            "application/octet-stream",
            pdf.clone(),
        )
        .await
        .json(StatusCode::CREATED);
    assert_eq!(blobs_under(&files), 1);
    let removed = app
        .send(
            Method::DELETE,
            &format!("/api/attachments/{}", kept.id),
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    assert_eq!(blobs_under(&files), 0, "the deleted attachment's file is still stored");
}

/// Invariant: the registry export is not cut at one page of 100 rows — 150 schools give
/// 150 lines, each school exactly once.
#[tokio::test]
async fn the_registry_export_holds_every_school_beyond_one_page() {
    let app = spawn_app().await;
    let mut names = BTreeSet::new();
    for n in 0..150 {
        let name = format!("Школа № {n:03}");
        TestOrg::school(&name).create(&app);
        names.insert(format!("МБОУ «{name}»"));
    }
    let committee = TestOrg::committee("Комитет").create(&app);
    let reader = TestUser::new(committee, &[Role::Committee])
        .create(&app)
        .token(&app)
        .await;
    let export = app
        .client
        .get(format!("{}/api/registry/export", app.address))
        .bearer_auth(&reader)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    let bytes = export.bytes().await.unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|line| line.split(';').next().unwrap_or_default().trim_matches('"').to_owned())
        .collect();
    assert_eq!(rows.len(), 150);
    assert_eq!(
        rows.into_iter().collect::<BTreeSet<_>>(),
        names,
        "a school missing or twice"
    );
}

/// Invariant: user text with XML's special characters (`&`, `<`, `>`, quotes) comes out of
/// the order's DOCX as well-formed XML that reads back as the very same text.
#[tokio::test]
async fn an_orders_docx_with_ampersands_and_angle_brackets_is_well_formed_xml() {
    use std::io::Read;
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let director = TestUser::new(org, &[Role::Admin]).create(&app).token(&app).await;
    let title = "Чтение & письмо <5–9 классы> \"STEM\"";
    let project: Project = app
        .post("/api/projects", Some(&director), &project_body(title))
        .await
        .json(StatusCode::CREATED);
    let signatory = "Соколова & Ко <врио>";
    let point = "Назначить ответственных за «R&D» и <цифровую> среду";
    let order: openapi::orders::Order = app
        .post(
            &format!("/api/projects/{}/orders", project.id),
            Some(&director),
            &json!({"number": "45-о", "issued_on": "2025-09-01", "school_year": 2025, "signatory_name": signatory, "signatory_position": "Директор", "points": [point]}),
        )
        .await
        .json(StatusCode::CREATED);
    let reply = app
        .client
        .get(format!("{}/api/orders/{}/docx", app.address, order.id))
        .bearer_auth(&director)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let bytes = reply.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    for part in ["[Content_Types].xml", "word/document.xml"] {
        let mut xml = String::new();
        archive.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
        let document = roxmltree::Document::parse(&xml).unwrap_or_else(|err| panic!("{part} is not XML: {err}"));
        if part == "word/document.xml" {
            let text: String = document
                .descendants()
                .filter(|node| node.has_tag_name("t"))
                .filter_map(|node| node.text())
                .collect::<Vec<_>>()
                .join("");
            for expected in [signatory, point, title] {
                assert!(
                    text.contains(expected),
                    "the document's text lacks {expected:?}: {text}"
                );
            }
        }
    }
}

/// A file of the web app as served: status, media type, coding, caching and bytes.
struct StaticFile {
    status: StatusCode,
    kind: String,
    coding: String,
    cache: String,
    body: Vec<u8>,
}

async fn static_file(app: &tests::TestApp, path: &str, encoding: &str) -> StaticFile {
    let reply = app
        .client
        .get(format!("{}{path}", app.address))
        .header("accept-encoding", encoding)
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        reply
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (kind, coding, cache) = (
        header("content-type"),
        header("content-encoding"),
        header("cache-control"),
    );
    StaticFile {
        status: reply.status(),
        kind,
        coding,
        cache,
        body: reply.bytes().await.unwrap().to_vec(),
    }
}

/// Invariant: a web-app file with precompressed copies is served as the copy the client
/// accepts, labelled with its `Content-Encoding` and the original's media type, and as the
/// original to a client that accepts neither; a deep link is answered by `index.html`.
#[tokio::test]
async fn the_web_apps_precompressed_files_are_served_with_their_content_encoding() {
    let app = tests::spawn_app_serving(&[
        ("index.html", b"<!doctype html><title>app</title>"),
        ("app.js", b"console.log('original');"),
        ("app.js.gz", b"GZIP-COPY"),
        ("app.js.br", b"BROTLI-COPY"),
    ])
    .await;
    let app = &app;
    let fetch = |encoding: &'static str| async move {
        let file = static_file(app, "/app.js", encoding).await;
        assert_eq!(file.status, StatusCode::OK, "{encoding}");
        (file.kind, file.coding, file.body)
    };
    let (kind, coding, body) = fetch("gzip").await;
    assert!(
        kind.starts_with("text/javascript") || kind.starts_with("application/javascript"),
        "{kind}"
    );
    assert_eq!((coding.as_str(), body.as_slice()), ("gzip", b"GZIP-COPY".as_slice()));
    let (_, coding, body) = fetch("br").await;
    assert_eq!((coding.as_str(), body.as_slice()), ("br", b"BROTLI-COPY".as_slice()));
    let (_, coding, body) = fetch("identity").await;
    assert_eq!(
        (coding.as_str(), body.as_slice()),
        ("", b"console.log('original');".as_slice())
    );
    let deep = app.get("/projects/17", None).await;
    assert_eq!(deep.status, StatusCode::OK);
    assert!(deep.body.contains("<title>app</title>"), "{}", deep.body);
}

/// Invariant: the web app's files named with their content hash are cached for a year as
/// immutable, a wasm chunk is `application/wasm`, `index.html` (and a deep link) is
/// revalidated on every visit, and a chunk that is not there is a `404` problem, never
/// the page.
#[tokio::test]
async fn hashed_web_app_files_are_immutable_and_a_missing_chunk_is_not_found() {
    let app = tests::spawn_app_serving(&[
        ("index.html", b"<!doctype html><title>app</title>"),
        ("split_project_route-0123456789abcdef.wasm", b"\0asm\x01\0\0\0"),
        ("frontend-fedcba9876543210.js", b"export default 1;"),
    ])
    .await;
    let app = &app;
    let get = |path: &'static str| async move {
        let file = static_file(app, path, "identity").await;
        (file.status, file.kind, file.cache)
    };
    let immutable = "public, max-age=31536000, immutable";
    let (status, kind, cache) = get("/split_project_route-0123456789abcdef.wasm").await;
    assert_eq!(
        (status, kind.as_str(), cache.as_str()),
        (StatusCode::OK, "application/wasm", immutable)
    );
    let (status, _, cache) = get("/frontend-fedcba9876543210.js").await;
    assert_eq!((status, cache.as_str()), (StatusCode::OK, immutable));
    for page in ["/", "/index.html", "/projects/17"] {
        let (status, kind, cache) = get(page).await;
        assert_eq!((status, cache.as_str()), (StatusCode::OK, "no-cache"), "{page}");
        assert!(kind.starts_with("text/html"), "{page}: {kind}");
    }
    for missing in [
        "/split_project_route-1111111111111111.wasm",
        "/chunk_3_board.wasm",
        "/frontend-0000000000000000.js",
    ] {
        let (status, kind, cache) = get(missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(kind, "application/problem+json", "{missing}");
        assert_ne!(cache, immutable, "{missing}");
    }
}

/// Success paths that had only their refusals tested: a round's criteria changed before
/// anyone scored, a problem removed before the freeze, a draft order rewritten, and a
/// plan item removed together with its attached file.
#[tokio::test]
async fn criteria_problems_draft_orders_and_plan_items_are_changed_and_removed_while_allowed() {
    let app = spawn_app().await;
    let org = TestOrg::school("СОШ № 61").create(&app);
    let account = TestUser::new(org, &[Role::Admin, Role::Council, Role::Staff]).create(&app);
    let director = account.token(&app).await;

    let round: RankingRound = app
        .post(
            "/api/ranking-rounds",
            Some(&director),
            &json!({"school_year": 2026, "criteria": [{"title": "Значимость", "weight": 2}]}),
        )
        .await
        .json(StatusCode::CREATED);
    let changed: RankingRound = app
        .put(
            &format!("/api/ranking-rounds/{}/criteria", round.id),
            Some(&director),
            &json!({"criteria": [{"title": "Значимость", "weight": 1}, {"title": "Реализуемость", "weight": 3}]}),
        )
        .await
        .json(StatusCode::OK);
    let weights = |round: &RankingRound| {
        round
            .criteria
            .iter()
            .map(|c| (c.title.clone(), c.weight))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        weights(&changed),
        [("Значимость".to_owned(), 1), ("Реализуемость".to_owned(), 3)]
    );
    let reread: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", round.id), Some(&director))
        .await
        .json(StatusCode::OK);
    assert_eq!(weights(&reread.round), weights(&changed));

    let problem: SchoolProblem = app
        .post(
            &format!("/api/ranking-rounds/{}/problems", round.id),
            Some(&director),
            &json!({"title": "Низкий уровень чтения", "description": "Описание проблемы педагогической системы", "evidence": "ВПР"}),
        )
        .await
        .json(StatusCode::CREATED);
    let removed = app
        .send(
            Method::DELETE,
            &format!("/api/problems/{}", problem.id),
            Some(&director),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    let emptied: Ranking = app
        .get(&format!("/api/ranking-rounds/{}", round.id), Some(&director))
        .await
        .json(StatusCode::OK);
    assert!(emptied.problems.is_empty());
    assert_eq!(emptied.round.problems, 0);

    let project: Project = app
        .post("/api/projects", Some(&director), &project_body("Проект"))
        .await
        .json(StatusCode::CREATED);
    let body = |number: &str, signatory: &str| json!({"number": number, "issued_on": "2025-09-01", "school_year": 2025, "signatory_name": signatory, "signatory_position": "Директор"});
    let draft: openapi::orders::Order = app
        .post(
            &format!("/api/projects/{}/orders", project.id),
            Some(&director),
            &body("45-о", "Соколова Е. В."),
        )
        .await
        .json(StatusCode::CREATED);
    let rewritten: openapi::orders::Order = app
        .put(
            &format!("/api/orders/{}", draft.id),
            Some(&director),
            &body("46-о", "Иванова М. П."),
        )
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (
            rewritten.id,
            rewritten.number.as_str(),
            rewritten.signatory_name.as_str()
        ),
        (draft.id, "46-о", "Иванова М. П.")
    );
    let reread: openapi::orders::Order = app
        .get(&format!("/api/orders/{}", draft.id), Some(&director))
        .await
        .json(StatusCode::OK);
    assert_eq!(reread, rewritten);

    let item: openapi::plan::PlanItem = app
        .post(
            &format!("/api/projects/{}/plan-items", project.id),
            Some(&director),
            &json!({"school_year": 2025, "action": "Провести педагогический совет", "responsible_id": account.id.0, "deadline": "2026-05-30", "expected_result": "Решение педсовета"}),
        )
        .await
        .json(StatusCode::CREATED);
    app.send_raw(
        Method::POST,
        &format!("/api/plan-items/{}/attachments?file_name=protocol.pdf", item.id),
        Some(&director),
        "application/octet-stream",
        b"%PDF-1.7\n%protocol".to_vec(),
    )
    .await
    .json::<openapi::plan::Attachment>(StatusCode::CREATED);
    let files = app.data_dir.join("files");
    assert_eq!(blobs_under(&files), 1);
    let removed = app
        .send(
            Method::DELETE,
            &format!("/api/plan-items/{}", item.id),
            Some(&director),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.body);
    let plan: Page<openapi::plan::PlanItem> = app
        .get(&format!("/api/projects/{}/plan-items", project.id), Some(&director))
        .await
        .json(StatusCode::OK);
    assert_eq!(plan.total, 0);
    assert_eq!(blobs_under(&files), 0, "the removed item's file is still stored");
}
