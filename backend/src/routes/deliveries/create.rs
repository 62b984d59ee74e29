//! `POST /api/resources/{id}/deliveries`.

use crate::auth::CurrentUser;
use crate::db::models::audit::{self, Change};
use crate::db::models::delivery::{self, NewDelivery};
use crate::db::models::{organisation, version};
use crate::domain::text::{self, Errors};
use crate::error::ApiError;
use crate::extract::Json;
use crate::routes::versions::visible_resource;
use crate::state::AppState;
use actix_web::{HttpResponse, post, web};
use diesel::{Connection, OptionalExtension};
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::Problem;
use openapi::lifecycle::{Delivery, DeliveryInput};
use openapi::organisations::OrganisationKind;
use openapi::resources::{Stage, VersionKind};

/// Records the delivery of a product version to a consumer school. The resource must
/// be at the delivery step (or later); the consumer confirms receipt and rates it.
#[utoipa::path(
    tag = "lifecycle",
    operation_id = "create_delivery",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The resource's id")),
    request_body = DeliveryInput,
    responses(
        (status = 201, description = "The recorded delivery", body = Delivery),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not staff, council or administration of the resource's school", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such resource, or not visible to this user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The resource is not at the delivery step yet", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a product version with a file, not another school, a future date …", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/resources/{id}/deliveries")]
pub async fn create_delivery(
    state: web::Data<AppState>,
    current: CurrentUser,
    id: web::Path<i64>,
    body: Json<DeliveryInput>,
) -> Result<HttpResponse, ApiError> {
    let resource_id = id.into_inner();
    let input = body.0;
    let today = crate::db::models::now().date();
    let created = crate::db::run(&state.pool, move |conn| {
        conn.transaction(|conn| {
            let row = visible_resource(conn, &current, resource_id, true)?;
            if row.stage() < Stage::Delivery {
                return Err(ApiError::Conflict {
                    detail: "deliveries are recorded once the resource has reached the delivery step".to_owned(),
                    errors: Vec::new(),
                });
            }
            let mut errors = Errors::default();
            let contact = errors.take(text::bounded("contact", &input.contact, 3, 300));
            let product = version::find(conn, input.version_id)
                .optional()?
                .filter(|v| v.resource_id == resource_id && v.kind == VersionKind::Product.as_str());
            let has_file = match &product {
                Some(v) => !version::load(conn, v.id)?.files.is_empty(),
                None => false,
            };
            if !has_file {
                errors.add(
                    "version_id",
                    NotAllowed,
                    "deliver a product version of this resource that holds a file",
                );
            }
            let recipient_ok = organisation::find(conn, input.recipient_org_id.0)
                .optional()?
                .is_some_and(|org| org.kind() == OrganisationKind::School && org.id != row.org_id);
            if !recipient_ok {
                errors.add("recipient_org_id", NotAllowed, "deliver to another school");
            }
            if input.delivered_on > today {
                errors.add("delivered_on", OutOfRange, "the date is in the future");
            }
            errors.finish()?;
            let new = NewDelivery {
                resource_id,
                version_id: input.version_id,
                org_id: row.org_id,
                recipient_org_id: input.recipient_org_id.0,
                delivered_on: input.delivered_on,
                form: input.form,
                contact: contact.as_deref().unwrap_or_default(),
                created_by: current.actor.user_id.0,
            };
            let id = delivery::insert(conn, &new)?;
            let created = delivery::load(conn, id, current.actor.user_id.0)?;
            audit::record(
                conn,
                Change {
                    actor_id: Some(current.actor.user_id.0),
                    org_id: Some(row.org_id),
                    entity: "delivery",
                    entity_id: id,
                    action: "create",
                    before: None,
                    after: Some(&created),
                },
            )?;
            Ok::<Delivery, ApiError>(created)
        })
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}
