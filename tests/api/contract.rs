use reqwest::StatusCode;
use tests::spawn_app;

fn committed_spec() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

#[test]
fn the_committed_openapi_json_matches_the_code() {
    let generated = backend::startup::api_spec_json().unwrap();
    assert!(
        committed_spec() == generated,
        "openapi/openapi.json is out of date with the handlers: run `cargo xtask openapi` and commit the result"
    );
}

#[tokio::test]
async fn the_served_spec_equals_the_committed_one() {
    let app = spawn_app().await;
    let served: serde_json::Value = app.get("/api/openapi.json", None).await.json(StatusCode::OK);
    let committed: serde_json::Value = serde_json::from_str(&committed_spec()).unwrap();
    assert_eq!(served, committed);
}

#[tokio::test]
async fn every_operation_has_an_id_a_tag_and_documented_errors() {
    let spec = backend::startup::api_spec();
    let mut operations = 0;
    for (path, item) in &spec.paths.paths {
        let ops = [&item.get, &item.post, &item.patch, &item.put, &item.delete];
        for op in ops.into_iter().flatten() {
            operations += 1;
            assert!(op.operation_id.is_some(), "{path} has no operation id");
            assert!(
                op.tags.as_ref().is_some_and(|tags| !tags.is_empty()),
                "{path} has no tag"
            );
            let statuses: Vec<&String> = op.responses.responses.keys().collect();
            assert!(
                statuses.iter().any(|s| s.starts_with('2')),
                "{path} documents no success"
            );
            if path.starts_with("/api/") && !path.starts_with("/api/auth/") {
                assert!(op.security.is_some(), "{path} declares no security");
                assert!(statuses.iter().any(|s| *s == "401"), "{path} does not document 401");
            }
        }
    }
    assert!(operations >= 16, "only {operations} operations documented");
}

#[test]
fn every_schema_reference_in_the_spec_resolves() {
    fn refs(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(target)) = map.get("$ref") {
                    out.push(target.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let spec: serde_json::Value = serde_json::from_str(&backend::startup::api_spec_json().unwrap()).unwrap();
    let mut found = Vec::new();
    refs(&spec, &mut found);
    assert!(!found.is_empty());
    let missing: Vec<&String> = found
        .iter()
        .filter(|target| {
            let name = target.trim_start_matches("#/components/schemas/");
            spec["components"]["schemas"].get(name).is_none()
        })
        .collect();
    assert!(missing.is_empty(), "unresolved references: {missing:?}");
}
