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

/// The operations anyone may call: they declare an empty list of security requirements,
/// `security: []` (an empty requirement, `security: [{}]`, makes generated clients demand
/// a token).
const PUBLIC: [&str; 8] = [
    "get_health",
    "get_readiness",
    "create_session",
    "refresh_session",
    "delete_session",
    "get_feedback_invitation",
    "create_feedback_by_link",
    "check_certificate",
];

fn req_is_empty(requirement: &impl serde::Serialize) -> bool {
    serde_json::to_value(requirement).is_ok_and(|value| value.as_object().is_some_and(serde_json::Map::is_empty))
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
            let id = op.operation_id.as_deref().unwrap_or_default();
            if PUBLIC.contains(&id) {
                assert!(
                    op.security.as_ref().is_some_and(Vec::is_empty),
                    "{path} is public but does not declare `security: []`"
                );
            } else {
                let bearer = op
                    .security
                    .as_ref()
                    .is_some_and(|reqs| !reqs.is_empty() && reqs.iter().all(|req| !req_is_empty(req)));
                assert!(bearer, "{path} ({id}) declares no bearer security");
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

/// The spellings serde writes for the given values.
fn spellings<'a, T: serde::Serialize + 'a>(values: impl IntoIterator<Item = &'a T>) -> Vec<String> {
    values
        .into_iter()
        .map(|value| match serde_json::to_value(value).unwrap() {
            serde_json::Value::String(text) => text,
            other => panic!("an enum value serialised as {other}"),
        })
        .collect()
}

/// Each enum with `ALL` (every `wire_enum!` has it): its schema name and the spellings of
/// every value.
macro_rules! enums_with_all {
    ($($module:ident :: $name:ident),+ $(,)?) => {
        vec![$((stringify!($name), spellings(openapi::$module::$name::ALL.iter()))),+]
    };
}

#[test]
fn every_enum_schema_lists_exactly_the_spellings_serde_writes() {
    let spec: serde_json::Value = serde_json::from_str(&committed_spec()).unwrap();
    let with_all: Vec<(&str, Vec<String>)> = enums_with_all![
        audit::AuditEntity,
        audit::AuditAction,
        error::RefusalReason,
        lifecycle::DeliveryForm,
        orders::OrderStatus,
        organisations::OrganisationKind,
        package::DocumentKind,
        package::VersionStatus,
        pilots::PilotStatus,
        pilots::PilotConclusion,
        plan::PlanStatus,
        plan::ReminderKind,
        plan::WaitingKind,
        projects::ProjectOrigin,
        projects::ProjectLevel,
        projects::PlatformStatus,
        projects::ProjectStatus,
        requests::RequestStatus,
        requests::RequestBox,
        resources::ResourceForm,
        resources::DevelopmentElement,
        resources::ProgrammeFormat,
        resources::KitItemType,
        resources::Visibility,
        resources::Stage,
        resources::VersionKind,
        risks::RiskCategory,
        risks::RiskStatus,
        risks::RiskField,
        structures::StructureKind,
        structures::MemberFunction,
        cohorts::CohortStatus,
        cohorts::EnrolmentStatus,
        cohorts::CertificateKind,
        structures::StructureStatus,
        users::Role,
        events::EventKind,
        events::EventLevel,
        events::EventRole,
        events::EventStatus,
        events::RegistrationStatus,
        consultations::ConsultationStatus,
        consultations::ConsultationForm,
        consultations::ConsultationRole,
    ];
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut checked = Vec::new();
    for (name, expected) in &with_all {
        // An enum that no operation uses has no schema; one that has must list exactly
        // what serde writes, in the declared order.
        let Some(schema) = schemas.get(*name) else { continue };
        let listed: Vec<String> = enum_values(schema, name);
        assert_eq!(
            &listed, expected,
            "the schema of {name} does not list the wire spellings"
        );
        checked.push(*name);
    }
    assert!(
        checked.len() >= 20,
        "only {} wire enums found in the spec: {checked:?}",
        checked.len()
    );

    // The enums without `ALL` (derived with `rename_all`): every listed spelling reads
    // back as a value and is written the same way, and none is the fallback `unknown`.
    fn round_trips<T: serde::Serialize + serde::de::DeserializeOwned>(listed: &[String]) -> bool {
        listed.iter().all(|text| {
            serde_json::from_value::<T>(serde_json::Value::String(text.clone()))
                .is_ok_and(|value| serde_json::to_value(value).is_ok_and(|back| back == *text.as_str()))
        })
    }
    type Check = fn(&[String]) -> bool;
    let without_all: [(&str, Check); 3] = [
        ("ProblemCode", round_trips::<openapi::ProblemCode>),
        ("FieldErrorCode", round_trips::<openapi::FieldErrorCode>),
        ("Locale", round_trips::<openapi::users::Locale>),
    ];
    for (name, check) in without_all {
        let listed = enum_values(&schemas[name], name);
        assert!(
            check(&listed),
            "{name} lists a spelling serde does not read back: {listed:?}"
        );
        checked.push(name);
    }

    // Every enum anywhere in the spec is one of the above (an inline one, in a parameter,
    // must list the spellings of one of them), or the one-value tag of a variant of an
    // internally tagged enum (`{"decision": "approve", …}`), written in snake_case.
    let mut found = Vec::new();
    enum_arrays(&spec, "", &mut found);
    assert!(!found.is_empty());
    for (at, listed) in found {
        let named = at
            .strip_prefix("/components/schemas/")
            .filter(|rest| !rest.contains('/'));
        match named {
            Some(name) => assert!(checked.contains(&name), "the enum {name} is not checked by this test"),
            None if at.contains("/oneOf/") && listed.len() == 1 => assert!(
                listed[0].chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "the tag at {at} is {listed:?}, not a snake_case spelling"
            ),
            None => assert!(
                with_all.iter().any(|(_, expected)| *expected == listed),
                "the inline enum at {at} lists {listed:?}, the spellings of no known enum"
            ),
        }
    }
}

/// The `enum` values of a string schema.
fn enum_values(schema: &serde_json::Value, name: &str) -> Vec<String> {
    assert_eq!(schema["type"], "string", "{name} is not a string schema");
    schema["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{name} has no enum"))
        .iter()
        .map(|value| value.as_str().unwrap().to_owned())
        .collect()
}

/// Every `enum` array in a JSON value, with the JSON pointer of its schema.
fn enum_arrays(value: &serde_json::Value, at: &str, out: &mut Vec<(String, Vec<String>)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Array(values)) = map.get("enum") {
                out.push((
                    at.to_owned(),
                    values.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                ));
            }
            for (key, inner) in map {
                enum_arrays(inner, &format!("{at}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                enum_arrays(inner, &format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}
