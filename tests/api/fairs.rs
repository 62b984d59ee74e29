//! Fairs: the stands of a fair rated by registered visitors and ranked by organisation
//! votes (decision 28), and the abuses a school could try, each read back: rating
//! without a registration, rating one's own school's stand, a second stand, and accounts
//! made to stuff the ranking.

use openapi::Page;
use openapi::RefusalReason::{AlreadyPresented, NotAFair, NotRegisteredForFair};
use openapi::fairs::{FairResults, Stand};
use openapi::users::{Role, User};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tests::fixtures::{TestOrg, TestUser};
use tests::{TestApp, days_from_today, spawn_app};

/// A fair of a new host school running this week, open to the city with 100 places, and
/// the host's teacher's token.
async fn fair(app: &TestApp) -> (i64, String) {
    let host = TestOrg::school("СОШ № 61").create(app);
    let teacher = TestUser::new(host, &[Role::Staff]).create(app).token(app).await;
    let body = json!({"role": "organiser", "kind": "fair", "level": "municipal",
        "title": "Ярмарка инновационных продуктов", "starts_on": days_from_today(-1),
        "ends_on": days_from_today(5), "place": "Дворец творчества", "open_to_city": true, "capacity": 100});
    (published(app, &teacher, &body).await, teacher)
}

/// An event of the teacher's school, published; its id.
async fn published(app: &TestApp, teacher: &str, body: &Value) -> i64 {
    let created: Value = app
        .post("/api/events", Some(teacher), body)
        .await
        .json(StatusCode::CREATED);
    let id = created["id"].as_i64().unwrap();
    app.post(&format!("/api/events/{id}/publish"), Some(teacher), &json!({}))
        .await
        .json::<Value>(StatusCode::OK);
    id
}

/// A school with a teacher who presents its stand at the fair; the stand and the token.
async fn stand(app: &TestApp, fair: i64, school: &str) -> (Stand, String) {
    let org = TestOrg::school(school).create(app);
    let teacher = TestUser::new(org, &[Role::Staff]).create(app).token(app).await;
    let stand = app
        .post(
            &format!("/api/events/{fair}/stands"),
            Some(&teacher),
            &json!({"title": format!("Стенд: {school}")}),
        )
        .await
        .json(StatusCode::CREATED);
    (stand, teacher)
}

/// The reason a stand the teacher presents at the event is refused with (a `409`).
async fn refused_stand(app: &TestApp, event: i64, teacher: &str) -> Option<openapi::RefusalReason> {
    app.post(
        &format!("/api/events/{event}/stands"),
        Some(teacher),
        &json!({"title": "Ещё один стенд"}),
    )
    .await
    .problem(StatusCode::CONFLICT, "conflict")
    .reason
}

/// A new school's teacher, registered for the fair.
async fn visitor(app: &TestApp, fair: i64, school: &str) -> String {
    let org = TestOrg::school(school).create(app);
    let token = TestUser::new(org, &[Role::Staff]).create(app).token(app).await;
    register(app, fair, &token).await;
    token
}

async fn register(app: &TestApp, fair: i64, token: &str) {
    app.post(&format!("/api/events/{fair}/registrations"), Some(token), &json!({}))
        .await
        .json::<Value>(StatusCode::CREATED);
}

async fn rate(app: &TestApp, stand: &Stand, token: &str, score: i32) {
    app.put(
        &format!("/api/stands/{}/rating", stand.id),
        Some(token),
        &json!({"score": score}),
    )
    .await
    .json::<Stand>(StatusCode::OK);
}

async fn results(app: &TestApp, fair: i64, token: &str, query: &str) -> FairResults {
    app.get(&format!("/api/events/{fair}/results{query}"), Some(token))
        .await
        .json(StatusCode::OK)
}

/// The ranking as (stand, place, score, organisations, ratings), one page.
fn ranking(results: &FairResults) -> Vec<(i64, i64, Option<f64>, i64, i64)> {
    results
        .stands
        .items
        .iter()
        .map(|r| (r.stand.id.0, r.rank, r.score, r.stand.organisations, r.stand.ratings))
        .collect()
}

/// The demo fair as a demo account reads it: its stands and its results.
async fn demo_fair(app: &TestApp, token: &str) -> (i64, Page<Stand>, FairResults) {
    let events: Page<openapi::events::EventItem> =
        app.get("/api/events?kind=fair", Some(token)).await.json(StatusCode::OK);
    let fair = events.items[0].id.0;
    let stands = app
        .get(&format!("/api/events/{fair}/stands"), Some(token))
        .await
        .json(StatusCode::OK);
    (fair, stands, results(app, fair, token, "").await)
}

#[tokio::test]
async fn demo_accounts_cannot_rate_unregistered_nor_their_own_school_nor_present_twice() {
    let app = spawn_app().await;
    app.load_demo();
    let council = app.demo_token("council@sch61.demo").await;
    let director = app.demo_token("director@sch61.demo").await;
    let teacher = app.demo_token("teacher@sch61.demo").await;
    let (fair, stands, before) = demo_fair(&app, &council).await;
    let ours = stands.items.iter().find(|s| s.title.contains("Банк заданий")).unwrap();
    let theirs = stands.items.iter().find(|s| s.id != ours.id).unwrap();
    // The demo's results: votes of three organisations each; m = 27 / 6 = 4.5;
    // the bank (5·4.5 + 14) / 8 = 4.56, the laboratory (5·4.5 + 13) / 8 = 4.44.
    assert_eq!((before.ratings, before.votes, before.fair_mean), (6, 6, Some(4.5)));
    assert_eq!(
        ranking(&before),
        [(ours.id.0, 1, Some(4.56), 3, 3), (theirs.id.0, 2, Some(4.44), 3, 3)]
    );

    // СОШ № 61's council member is not registered for the fair.
    let refused = app
        .put(
            &format!("/api/stands/{}/rating", theirs.id),
            Some(&council),
            &json!({"score": 5}),
        )
        .await
        .problem(StatusCode::CONFLICT, "conflict");
    assert_eq!(refused.reason, Some(NotRegisteredForFair));
    // Its director is registered, but the bank is her own school's stand.
    app.put(
        &format!("/api/stands/{}/rating", ours.id),
        Some(&director),
        &json!({"score": 5}),
    )
    .await
    .problem(StatusCode::FORBIDDEN, "forbidden");
    // A second stand of СОШ № 61 at the same fair.
    assert_eq!(refused_stand(&app, fair, &teacher).await, Some(AlreadyPresented));

    let (_, stands_after, after) = demo_fair(&app, &council).await;
    assert_eq!(stands_after, stands, "no stand and no rating written");
    assert_eq!(after, before, "the results did not move");
}

#[tokio::test]
async fn ten_accounts_a_director_makes_do_not_outrank_a_stand_rated_by_three_schools() {
    let app = spawn_app().await;
    let (fair, host) = fair(&app).await;
    let (stuffed, _) = stand(&app, fair, "Лицей № 1").await;
    let (broad, _) = stand(&app, fair, "Гимназия № 17").await;
    let (weak, _) = stand(&app, fair, "СОШ № 3").await;
    let mut schools = Vec::new();
    for name in ["СОШ № 12", "СОШ № 44", "СОШ № 90"] {
        let token = visitor(&app, fair, name).await;
        rate(&app, &broad, &token, 5).await;
        schools.push(token);
    }
    rate(&app, &weak, &schools[0], 3).await;
    let before = results(&app, fair, &host, "").await;

    // A director makes ten accounts, each registers for the fair and gives the stand 5.
    let friends = TestOrg::school("СОШ № 7").create(&app);
    let director = TestUser::new(friends, &[Role::Admin]).create(&app).token(&app).await;
    for n in 0..10 {
        let email = format!("rater{n}@sch7.example");
        let body = json!({"email": email, "full_name": format!("Оценщик {n}"), "roles": ["staff"], "password": "rate-it-high"});
        app.post(&format!("/api/organisations/{friends}/users"), Some(&director), &body)
            .await
            .json::<User>(StatusCode::CREATED);
        let token = app.login(&email, "rate-it-high").await.access_token;
        register(&app, fair, &token).await;
        rate(&app, &stuffed, &token, 5).await;
    }

    // Votes: stuffed [5], broad [5, 5, 5], weak [3]; m = 23 / 5 = 4.6;
    // broad (5·4.6 + 15) / 8 = 4.75, stuffed (5·4.6 + 5) / 6 = 4.67, weak 26 / 6 = 4.33.
    // Counted by accounts (m = 68 / 14), the ten would have put the stuffed stand first:
    // (5·4.86 + 50) / 15 = 4.95 against (5·4.86 + 15) / 8 = 4.91.
    let after = results(&app, fair, &host, "").await;
    assert_eq!((after.ratings, after.votes, after.fair_mean), (14, 5, Some(4.6)));
    assert_eq!(
        ranking(&after),
        [
            (broad.id.0, 1, Some(4.75), 3, 3),
            (stuffed.id.0, 2, Some(4.67), 1, 10),
            (weak.id.0, 3, Some(4.33), 1, 1),
        ]
    );
    assert_eq!(after.stands.items[0].sum, 15.0);
    assert_eq!(before.stands.items[0].stand.id, broad.id);
    assert!(after.formula.contains("one vote"), "{}", after.formula);
}

#[tokio::test]
async fn results_come_a_page_at_a_time_with_places_counted_over_the_whole_fair() {
    let app = spawn_app().await;
    let (fair, host) = fair(&app).await;
    let mut stands = Vec::new();
    for n in 0..5 {
        stands.push(stand(&app, fair, &format!("Школа № {}", 100 + n)).await.0);
    }
    let rater = visitor(&app, fair, "СОШ № 12").await;
    // Stands 0 and 1 tie at 5 with one vote each, stand 2 has a 4, stands 3 and 4 none:
    // m = 14 / 3; 0 and 1 score (5m + 5) / 6 = 4.72, 3 and 4 score m = 4.67, and 2
    // (5m + 4) / 6 = 4.56.
    for (stand, score) in [(&stands[0], 5), (&stands[1], 5), (&stands[2], 4)] {
        rate(&app, stand, &rater, score).await;
    }
    let mut seen = Vec::new();
    for page in 1..=3 {
        let results = results(&app, fair, &host, &format!("?page={page}&per_page=2")).await;
        assert_eq!((results.stands.total, results.stands.page), (5, page));
        seen.extend(ranking(&results).into_iter().map(|(id, place, ..)| (id, place)));
    }
    let id = |n: usize| stands[n].id.0;
    // The ties share a place on whichever page they fall.
    assert_eq!(seen, [(id(0), 1), (id(1), 1), (id(3), 3), (id(4), 3), (id(2), 5)]);
    let listed: Page<Stand> = app
        .get(&format!("/api/events/{fair}/stands?page=2&per_page=2"), Some(&host))
        .await
        .json(StatusCode::OK);
    assert_eq!(listed.total, 5);
    assert_eq!(
        listed.items.iter().map(|s| s.id.0).collect::<Vec<_>>(),
        [id(2), id(3)],
        "in the order they were presented"
    );
    let beyond = results(&app, fair, &host, "?page=9&per_page=2").await;
    assert!(beyond.stands.items.is_empty());
}

#[tokio::test]
async fn a_stand_is_presented_at_a_fair_only() {
    let app = spawn_app().await;
    let host = TestOrg::school("СОШ № 61").create(&app);
    let teacher = TestUser::new(host, &[Role::Staff]).create(&app).token(&app).await;
    let body = json!({"role": "organiser", "kind": "seminar", "level": "municipal", "title": "Семинар по оцениванию",
        "starts_on": days_from_today(1), "ends_on": days_from_today(1), "place": "Актовый зал"});
    let id = published(&app, &teacher, &body).await;
    assert_eq!(refused_stand(&app, id, &teacher).await, Some(NotAFair));
}
