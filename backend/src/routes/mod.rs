//! The HTTP API: one handler per file under `routes/<area>/`, registered here so that
//! every handler lands in the OpenAPI document.

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod cohorts;
pub mod consultations;
pub mod deliveries;
pub mod dissemination;
pub mod enrolments;
pub mod events;
pub mod fairs;
pub mod feedback;
pub mod health;
pub mod lifecycle;
pub mod me;
pub mod metrics;
pub mod orders;
pub mod organisations;
pub mod package;
pub mod pilots;
pub mod plan;
pub mod projects;
pub mod ranking;
pub mod registry;
pub mod requests;
pub mod resources;
pub mod risks;
pub mod structures;
pub mod users;
pub mod versions;

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::service_config::ServiceConfig;

/// The document's fixed parts; the paths are collected from the registered handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Innovation Platform API",
        description = "The JSON API of the municipal innovation platform (Инновационная площадка): \
organisations, accounts and sign-in, and the innovation lifecycle of schools. \
Errors are RFC 9457 `application/problem+json` bodies with a stable `code`. \
Lists are paginated with `page` (from 1) and `per_page` (1–100, default 20). \
Times are UTC in ISO 8601 with a `Z`.",
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "This server")),
    components(schemas(openapi::requests::RequestBox, openapi::consultations::ConsultationRole)),
    modifiers(&BearerAuth),
    tags(
        (name = "health", description = "Liveness and readiness probes"),
        (name = "auth", description = "Sign-in with e-mail and password, token refresh, sign-out"),
        (name = "me", description = "The signed-in user's own profile"),
        (name = "organisations", description = "Schools and the education committee of the municipality"),
        (name = "users", description = "Accounts of an organisation, managed by its administrator"),
        (name = "projects", description = "Innovation projects: the scientific-methodological assignments of schools"),
        (name = "resources", description = "Educational resources: forms, authors, lifecycle stage"),
        (name = "requests", description = "Consumer requests: partner schools and the committee ask, host schools decide"),
        (name = "lifecycle", description = "The five-step lifecycle of a resource: transitions with their evidence, deliveries to consumer schools"),
        (name = "feedback", description = "Satisfaction feedback (in the app or by a signed single-use link) and the CSAT/NPS metrics"),
        (name = "catalogue", description = "The public catalogue (fair) of published resources with their metrics"),
        (name = "registry", description = "The committee's registry of every school's innovation work, with a CSV export"),
        (name = "ranking", description = "Problem-oriented analysis: the problems of a school year scored by the council and ranked by a documented method"),
        (name = "structures", description = "Managing structures of a project (council, creative group, laboratory, department) and the director's approval of their composition"),
        (name = "package", description = "The document package of a project (programme, innovation map, work plan, results tracking), versioned and reviewed by the council"),
        (name = "plan", description = "The work plan with its completion and on-time figures, reminders, and the results indicators"),
        (name = "orders", description = "Orders (приказы) on innovation activity: drafted, issued by the director, immutable, downloadable as DOCX"),
        (name = "pilots", description = "Pilots (апробация) of resource versions in the school and partner schools: period, participants, method, results, conclusion and evidence files"),
        (name = "risks", description = "Risk registers of projects and pilots: likelihood × impact, ways to overcome, owner, review dates and the history of changes"),
        (name = "audit", description = "The audit trail: who changed what and when"),
        (name = "cohorts", description = "Teacher training: cohorts of training programmes with sessions, enrolments with a waiting list, attendance, completion with a numbered certificate (DOCX, public check by number), teachers' and schools' hours"),
        (name = "events", description = "Events of schools and the committee (open lessons, master classes, seminars, fairs…): the municipality's calendar, registration of the city's teachers, attendance, materials and the attendees' feedback"),
        (name = "fairs", description = "Fairs of innovation products: schools' stands with their resources, visitors' ratings and the results ranked by a published formula"),
        (name = "consultations", description = "Consultations: methodological support a school asks of another school, scheduled, declined or held by the host, and rated by the recipient")
    )
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme: an access token from `/api/auth/login`.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `POST /api/auth/login`, valid for 15 minutes.",
                    ))
                    .build(),
            ),
        );
    }
}

/// States the bounds of the request fields in `openapi::limits::PUBLISHED` (`minLength`,
/// `maxLength` and `pattern`; `minimum` and `maximum`; `minItems` and `maxItems`), of
/// the query parameters in `openapi::limits::QUERY` and of the lists of
/// `openapi::limits::ON_INSERT` (a sentence of the adding operation's description), from
/// the constants the server checks; run on the document once every handler's schemas are
/// in it.
pub fn state_limits(spec: &mut utoipa::openapi::OpenApi) {
    use openapi::limits::{QUERY, Rule};
    use utoipa::openapi::{RefOr, Schema};
    let components = spec.components.get_or_insert_with(Default::default);
    for (schema, path, rule) in openapi::limits::PUBLISHED {
        let Some(field) = components.schemas.get_mut(*schema).and_then(|s| at_path(s, path)) else {
            panic!("openapi::limits names {schema}.{path}, which is not in the document");
        };
        match (rule, field) {
            (Rule::Text(limit), Schema::Object(field)) => {
                field.min_length = limit.min_length();
                field.max_length = Some(limit.max);
                field.pattern = Some(limit.pattern());
            }
            (Rule::Range(range), Schema::Object(field)) => state_range(field, *range),
            (Rule::Items(items), Schema::Array(field)) => {
                field.min_items = (items.min > 0).then_some(items.min);
                field.max_items = Some(items.max);
            }
            _ => panic!("openapi::limits gives {schema}.{path} a rule of another type"),
        }
    }
    for item in spec.paths.paths.values_mut() {
        for operation in crate::http::responses::operations(item) {
            let id = operation.operation_id.as_deref().unwrap_or_default();
            if let Some((_, what, items)) = openapi::limits::ON_INSERT.iter().find(|(named, ..)| *named == id) {
                let limit = format!(
                    "At most {} {what}: one more is refused with `409 conflict`, reason `item_limit`.",
                    items.max
                );
                operation.description = Some(match operation.description.take() {
                    Some(text) if !text.is_empty() => format!("{text}\n\n{limit}"),
                    _ => limit,
                });
            }
            for parameter in operation.parameters.iter_mut().flatten() {
                let range = QUERY.iter().find(|(name, _)| *name == parameter.name);
                if let (Some((_, range)), Some(RefOr::T(Schema::Object(schema)))) = (range, &mut parameter.schema) {
                    state_range(schema, *range);
                }
            }
        }
    }
}

fn state_range(field: &mut utoipa::openapi::schema::Object, range: openapi::limits::Range) {
    field.minimum = Some(range.min.into());
    field.maximum = Some(range.max.into());
}

/// The schema a path of `openapi::limits::PUBLISHED` names inside `schema`.
fn at_path<'a>(
    schema: &'a mut utoipa::openapi::RefOr<utoipa::openapi::Schema>,
    path: &str,
) -> Option<&'a mut utoipa::openapi::Schema> {
    use utoipa::openapi::schema::ArrayItems;
    use utoipa::openapi::{RefOr, Schema};
    let RefOr::T(schema) = schema else {
        return None;
    };
    let mut schema: &mut Schema = schema;
    for segment in path.split('.') {
        let next = match schema {
            Schema::Array(array) if segment == "[]" => match &mut array.items {
                ArrayItems::RefOrSchema(items) => items.as_mut(),
                ArrayItems::False => return None,
            },
            Schema::Object(object) => object.properties.get_mut(segment)?,
            Schema::OneOf(one_of) => one_of.items.iter_mut().find(|variant| {
                matches!(variant, RefOr::T(Schema::Object(object)) if object.properties.values().any(|tag| {
                    matches!(tag, RefOr::T(Schema::Object(tag)) if tag.enum_values.as_deref() == Some(&[segment.into()][..]))
                }))
            })?,
            _ => return None,
        };
        let RefOr::T(next) = next else {
            return None;
        };
        schema = next;
    }
    Some(schema)
}

/// Registers every handler under `/api`.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(auth::login::create_session)
        .service(auth::refresh::refresh_session)
        .service(auth::logout::delete_session)
        .service(me::get::get_me)
        .service(me::update::update_me)
        .service(me::change_password::update_password)
        .service(organisations::list::list_organisations)
        .service(organisations::create::create_organisation)
        .service(organisations::get::get_organisation)
        .service(users::list::list_users)
        .service(users::create::create_user)
        .service(users::get::get_user)
        .service(users::update::update_user)
        .service(users::reset_password::reset_user_password)
        .service(projects::list::list_projects)
        .service(projects::create::create_project)
        .service(projects::get::get_project)
        .service(projects::update::update_project)
        .service(resources::list::list_resources)
        .service(resources::create::create_resource)
        .service(resources::get::get_resource)
        .service(resources::update::update_resource)
        .service(requests::list::list_requests)
        .service(requests::create::create_request)
        .service(requests::get::get_request)
        .service(requests::decide::decide_request)
        .service(lifecycle::transition::create_transition)
        .service(lifecycle::history::list_transitions)
        .service(deliveries::create::create_delivery)
        .service(deliveries::list::list_deliveries)
        .service(deliveries::confirm::confirm_delivery)
        .service(feedback::submit::create_feedback)
        .service(feedback::link::create_feedback_link)
        .service(feedback::link::list_feedback_links)
        .service(feedback::public::get_feedback_invitation)
        .service(feedback::public::create_feedback_by_link)
        .service(feedback::list::list_feedback)
        .service(catalogue::list_catalogue)
        .service(registry::list_registry)
        .service(registry::export_registry)
        .service(metrics::get_resource_metrics)
        .service(metrics::get_resource_monthly_metrics)
        .service(metrics::get_project_metrics)
        .service(metrics::get_organisation_metrics)
        .service(dissemination::get_resource_dissemination)
        .service(dissemination::get_project_dissemination)
        .service(dissemination::get_organisation_dissemination)
        .service(versions::list::list_resource_versions)
        .service(versions::create::create_resource_version)
        .service(versions::upload::upload_version_file)
        .service(versions::download::download_file)
        .service(ranking::rounds::list_ranking_rounds)
        .service(ranking::rounds::create_ranking_round)
        .service(ranking::rounds::get_ranking)
        .service(ranking::rounds::update_ranking_criteria)
        .service(ranking::rounds::freeze_ranking)
        .service(ranking::problems::create_problem)
        .service(ranking::problems::update_problem)
        .service(ranking::problems::delete_problem)
        .service(ranking::problems::score_problem)
        .service(structures::list_structures)
        .service(structures::create_structure)
        .service(structures::update_structure)
        .service(structures::approve_structure)
        .service(projects::confirm::confirm_platform_status)
        .service(me::approvals::list_my_approvals)
        .service(package::get_package)
        .service(package::list_document_versions)
        .service(package::create_document_version)
        .service(package::review_document_version)
        .service(package::comment_document_version)
        .service(plan::get_plan_summary)
        .service(plan::list_my_reminders)
        .service(plan::items::list_plan_items)
        .service(plan::items::create_plan_item)
        .service(plan::items::update_plan_item)
        .service(plan::items::delete_plan_item)
        .service(plan::indicators::list_indicators)
        .service(plan::indicators::create_indicator)
        .service(plan::indicators::update_indicator)
        .service(orders::list_orders)
        .service(orders::create_order)
        .service(orders::get_order)
        .service(orders::update_order)
        .service(orders::issue_order)
        .service(orders::download_order_docx)
        .service(attachments::attach_to_document_version)
        .service(attachments::attach_to_plan_item)
        .service(attachments::attach_to_pilot)
        .service(attachments::download_attachment)
        .service(attachments::delete_attachment)
        .service(pilots::list_pilots)
        .service(pilots::create_pilot)
        .service(pilots::get_pilot)
        .service(pilots::update_pilot)
        .service(pilots::conclude_pilot)
        .service(risks::list_project_risks)
        .service(risks::create_project_risk)
        .service(risks::list_pilot_risks)
        .service(risks::create_pilot_risk)
        .service(risks::get_risk)
        .service(risks::update_risk)
        .service(risks::list_risk_changes)
        .service(audit::list::list_audit_entries)
        .service(cohorts::list_cohorts)
        .service(cohorts::create_cohort)
        .service(cohorts::get_cohort)
        .service(cohorts::update_cohort)
        .service(cohorts::mark_attendance)
        .service(enrolments::list_enrolments)
        .service(enrolments::create_enrolment)
        .service(enrolments::get_enrolment)
        .service(enrolments::withdraw_enrolment)
        .service(enrolments::complete_enrolment)
        .service(enrolments::get_certificate)
        .service(enrolments::download_certificate_docx)
        .service(enrolments::revoke_certificate)
        .service(enrolments::check_certificate)
        .service(enrolments::get_my_training)
        .service(enrolments::list_school_training)
        .service(events::list_events)
        .service(events::create_event)
        .service(events::get_event)
        .service(events::update_event)
        .service(events::publish_event)
        .service(events::cancel_event)
        .service(events::list_event_registrations)
        .service(events::create_event_registration)
        .service(events::delete_my_event_registration)
        .service(events::update_event_attendance)
        .service(events::request_event_feedback)
        .service(events::create_event_feedback)
        .service(attachments::attach_to_event)
        .service(fairs::list_stands)
        .service(fairs::create_stand)
        .service(fairs::rate_stand)
        .service(fairs::get_fair_results)
        .service(consultations::list_consultations)
        .service(consultations::request_consultation)
        .service(consultations::record_consultation)
        .service(consultations::get_consultation)
        .service(consultations::schedule_consultation)
        .service(consultations::decline_consultation)
        .service(consultations::cancel_consultation)
        .service(consultations::hold_consultation)
        .service(consultations::rate_consultation);
}

#[cfg(test)]
mod tests {
    use openapi::limits::{PUBLISHED, QUERY, Rule};
    use serde_json::{Value, json};

    /// The committed document, as integrators read it.
    fn committed() -> Value {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json"))
            .expect("openapi/openapi.json is committed");
        serde_json::from_str(&text).expect("the document is JSON")
    }

    /// The schema a path of `PUBLISHED` names, read from the JSON text.
    fn at<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
        path.split('.').try_fold(schema, |schema, segment| {
            if segment == "[]" {
                return schema.get("items");
            }
            if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
                return variants.iter().find(|variant| {
                    variant["properties"]
                        .as_object()
                        .is_some_and(|p| p.values().any(|tag| tag["enum"] == json!([segment])))
                });
            }
            schema.get("properties")?.get(segment)
        })
    }

    #[test]
    fn the_committed_document_bounds_every_field_as_the_server_does() {
        let spec = committed();
        for (schema, path, rule) in PUBLISHED {
            let field = at(&spec["components"]["schemas"][*schema], path)
                .unwrap_or_else(|| panic!("{schema}.{path} is not in openapi/openapi.json"));
            let stated = |key: &str| field.get(key).cloned().unwrap_or(Value::Null);
            let (keys, expected) = match rule {
                Rule::Text(text) => (
                    ["minLength", "maxLength", "pattern"],
                    [json!(text.min_length()), json!(text.max), json!(text.pattern())],
                ),
                Rule::Range(range) => (
                    ["minimum", "maximum", "type"],
                    [json!(range.min), json!(range.max), stated("type")],
                ),
                Rule::Items(items) => (
                    ["minItems", "maxItems", "type"],
                    [
                        json!((items.min > 0).then_some(items.min)),
                        json!(items.max),
                        stated("type"),
                    ],
                ),
            };
            for (key, expected) in keys.iter().zip(expected) {
                assert_eq!(
                    stated(key),
                    expected,
                    "{schema}.{path}: {key} (run `cargo xtask openapi`)"
                );
            }
        }
    }

    #[test]
    fn the_committed_document_bounds_every_paging_parameter() {
        let spec = committed();
        let mut seen = 0;
        for (path, item) in spec["paths"].as_object().expect("paths") {
            for (method, operation) in item.as_object().expect("operations") {
                for parameter in operation["parameters"].as_array().into_iter().flatten() {
                    let Some((name, range)) = QUERY.iter().find(|(name, _)| parameter["name"] == *name) else {
                        continue;
                    };
                    seen += 1;
                    let schema = &parameter["schema"];
                    assert_eq!(
                        (&schema["minimum"], &schema["maximum"]),
                        (&json!(range.min), &json!(range.max)),
                        "{method} {path} ?{name}"
                    );
                }
            }
        }
        assert!(seen > 0, "some operation pages its list");
    }

    #[test]
    fn the_committed_document_states_how_many_stands_a_fair_takes() {
        use openapi::limits::{PRESENTED, STANDS};
        let create = &committed()["paths"]["/api/events/{id}/stands"]["post"];
        let description = create["summary"].as_str().unwrap_or_default();
        assert!(
            description.contains(&format!("at most {} stands per fair", STANDS.max)),
            "{description}"
        );
        assert!(
            description.contains(&format!("up to {} of the school's resources", PRESENTED.max)),
            "{description}"
        );
        let conflict = create["responses"]["409"]["description"].as_str().unwrap_or_default();
        assert!(
            conflict.contains(&format!("its {} stands (`stand_limit`)", STANDS.max)),
            "{conflict}"
        );
    }
}
