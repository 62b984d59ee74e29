//! Deliveries of a resource's product versions to consumer schools: recorded by the host
//! school once the resource is at the delivery step, confirmed by the consumer.

use super::access::{self, Access};
use super::{Caller, Outcome, write};
use crate::db::DbConnection;
use crate::db::models::audit::Event;
use crate::db::models::delivery::{self, NewDelivery, Scope};
use crate::db::models::{PageRequest, organisation, version};
use crate::domain::policy;
use crate::domain::text::{self, Errors};
use crate::error::ApiError;
use diesel::OptionalExtension;
use openapi::FieldErrorCode::{NotAllowed, OutOfRange};
use openapi::audit::{AuditAction, AuditEntity};
use openapi::lifecycle::{Delivery, DeliveryFilter, DeliveryInput};
use openapi::limits;
use openapi::organisations::OrganisationKind;
use openapi::resources::{Stage, VersionKind};
use openapi::users::Role;
use openapi::{DeliveryId, OrganisationId, Page, PageQuery, ResourceId, VersionId};

/// Deliveries, newest first: the committee sees all; a school sees what it delivered and
/// received; a partner-only account sees what its school received.
pub fn list(
    conn: &mut DbConnection,
    caller: &Caller,
    page: &PageQuery,
    filter: &DeliveryFilter,
) -> Outcome<Page<Delivery>> {
    let page = PageRequest::parse(page)?;
    let org = caller.actor.org_id;
    let scope = if caller.actor.has(Role::Committee) {
        Scope::All
    } else if policy::can_read_school_work(&caller.actor, org) {
        Scope::School(org.0)
    } else {
        Scope::Received(org.0)
    };
    let (items, total) = delivery::list(conn, scope, filter, page, caller.actor.user_id)?;
    Ok(page.wrap(items, total))
}

/// Records the delivery of a product version to a consumer school (the host school's
/// administration, council and teachers). The resource must be at the delivery step or
/// later (`409`); the version must be a product of this resource with a file, the
/// consumer another school, the date not in the future, the people reached within
/// `limits::DELIVERY_RECIPIENTS` (1 when not given) (`422`).
pub fn create(
    conn: &mut DbConnection,
    caller: &Caller,
    resource: ResourceId,
    input: &DeliveryInput,
) -> Outcome<Delivery> {
    let today = crate::db::models::now().date();
    write(conn, |conn| {
        let row = access::resource(conn, &caller.actor, resource, Access::Edit)?;
        if row.stage() < Stage::Delivery {
            return Err(ApiError::Conflict {
                detail: "deliveries are recorded once the resource has reached the delivery step".to_owned(),
                errors: Vec::new(),
            });
        }
        let mut errors = Errors::default();
        let contact = errors.take(text::bounded("contact", &input.contact, limits::DELIVERY_CONTACT));
        let recipients = errors.take(text::in_range(
            "recipients",
            input.recipients.unwrap_or(1),
            limits::DELIVERY_RECIPIENTS,
        ));
        let product = VersionId(input.version_id);
        let is_product = version::find(conn, product)
            .optional()?
            .is_some_and(|v| v.resource_id == row.id && v.kind == VersionKind::Product.as_str());
        if !(is_product && version::has_files(conn, product)?) {
            errors.add(
                "version_id",
                NotAllowed,
                "deliver a product version of this resource that holds a file",
            );
        }
        let recipient_ok = organisation::find(conn, input.recipient_org_id)
            .optional()?
            .is_some_and(|org| org.kind() == OrganisationKind::School && org.id != row.org_id);
        if !recipient_ok {
            errors.add("recipient_org_id", NotAllowed, "deliver to another school");
        }
        if input.delivered_on > today {
            errors.add("delivered_on", OutOfRange, "the date is in the future");
        }
        errors.finish()?;
        let user = caller.actor.user_id;
        let new = NewDelivery {
            resource_id: row.id,
            version_id: product.0,
            org_id: row.org_id,
            recipient_org_id: input.recipient_org_id.0,
            delivered_on: input.delivered_on,
            form: input.form,
            contact: contact.as_deref().unwrap_or_default(),
            recipients: recipients.unwrap_or(1),
            created_by: user.0,
        };
        let id = DeliveryId(delivery::insert(conn, &new)?);
        let created = delivery::load(conn, id, user)?;
        Event::new(AuditAction::Create, AuditEntity::Delivery, id)
            .by(user)
            .of(OrganisationId(row.org_id))
            .after(&created)
            .record(conn)?;
        Ok(created)
    })
}

/// The consumer school confirms it received a delivery (its partner staff or
/// administration). Confirming twice keeps the first confirmation and records nothing.
pub fn confirm(conn: &mut DbConnection, caller: &Caller, id: DeliveryId) -> Outcome<Delivery> {
    write(conn, |conn| {
        let row = access::delivery(conn, &caller.actor, id, Access::Edit)?;
        let user = caller.actor.user_id;
        let confirmed = row.confirmed_at.is_some();
        let before = delivery::complete(conn, vec![row], user)?
            .pop()
            .ok_or(ApiError::NotFound)?;
        if confirmed {
            return Ok(before);
        }
        delivery::confirm(conn, id, user)?;
        let after = delivery::load(conn, id, user)?;
        Event::new(AuditAction::Confirm, AuditEntity::Delivery, id)
            .by(user)
            .of(after.org_id)
            .before(&before)
            .after(&after)
            .record(conn)?;
        Ok(after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::models::delivery::NewDelivery;
    use crate::services::resource_fixtures::School;
    use openapi::lifecycle::DeliveryForm;

    /// A delivery of the fixture's resource to a new school, written directly; the
    /// consumer school's id with it.
    fn delivered(s: &mut School) -> (DeliveryId, OrganisationId) {
        let consumer = s.school("СОШ № 12");
        let version = version::insert(
            &mut s.conn,
            s.resource,
            VersionKind::Product,
            "",
            &[],
            s.staff.actor.user_id,
        )
        .expect("version");
        let new = NewDelivery {
            resource_id: s.resource.0,
            version_id: version,
            org_id: s.org.0,
            recipient_org_id: consumer.0,
            delivered_on: crate::db::models::now().date(),
            form: DeliveryForm::Handover,
            contact: "Иванова И. И.",
            recipients: 1,
            created_by: s.staff.actor.user_id.0,
        };
        (
            DeliveryId(delivery::insert(&mut s.conn, &new).expect("delivery")),
            consumer,
        )
    }

    #[test]
    fn the_consumer_confirms_once_and_the_host_school_may_not_confirm_for_it() {
        let mut s = School::new();
        let (id, consumer) = delivered(&mut s);
        let staff = s.staff.clone();
        let host = confirm(&mut s.conn, &staff, id);
        assert!(matches!(host, Err(ApiError::Forbidden)), "{host:?}");
        let partner = s.user(consumer, &[Role::Partner]);
        let first = confirm(&mut s.conn, &partner, id).expect("confirmed");
        assert!(first.confirmed_at.is_some());
        let again = confirm(&mut s.conn, &partner, id).expect("confirmed again");
        assert_eq!(again.confirmed_at, first.confirmed_at);
        assert_eq!(s.audit("delivery", id.0), vec!["confirm".to_owned()]);
        let other = s.school("СОШ № 3");
        let stranger = s.user(other, &[Role::Partner]);
        let hidden = confirm(&mut s.conn, &stranger, id);
        assert!(matches!(hidden, Err(ApiError::NotFound)), "{hidden:?}");
    }

    #[test]
    fn a_delivery_before_the_delivery_step_is_a_conflict() {
        let mut s = School::new();
        let consumer = s.school("СОШ № 12");
        let input = DeliveryInput {
            version_id: 1,
            recipient_org_id: consumer,
            delivered_on: crate::db::models::now().date(),
            form: DeliveryForm::Handover,
            contact: "Иванова И. И.".into(),
            recipients: None,
        };
        let staff = s.staff.clone();
        let refused = create(&mut s.conn, &staff, s.resource, &input);
        assert!(
            matches!(&refused, Err(ApiError::Conflict { detail, .. }) if detail.contains("delivery step")),
            "{refused:?}"
        );
    }
}
