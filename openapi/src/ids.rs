//! Newtype identifiers, so that a user id cannot be passed where an organisation id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                Self(value)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> Self {
                id.0
            }
        }
    };
}

id_type!(
    /// Identifier of an organisation (a school or the education committee).
    OrganisationId
);
id_type!(
    /// Identifier of a user account.
    UserId
);
id_type!(
    /// Identifier of an innovation project.
    ProjectId
);
id_type!(
    /// Identifier of an educational resource.
    ResourceId
);
id_type!(
    /// Identifier of a consumer request.
    RequestId
);
id_type!(
    /// Identifier of a delivery of a resource to a consumer school.
    DeliveryId
);
id_type!(
    /// Identifier of a version of a resource.
    VersionId
);
id_type!(
    /// Identifier of a file of a resource version.
    FileId
);
id_type!(
    /// Identifier of a ranking round.
    RoundId
);
id_type!(
    /// Identifier of a problem of a ranking round.
    ProblemId
);
id_type!(
    /// Identifier of a managing structure.
    StructureId
);
id_type!(
    /// Identifier of a version of a package document.
    DocumentVersionId
);
id_type!(
    /// Identifier of an item of a project's work plan.
    PlanItemId
);
id_type!(
    /// Identifier of a results indicator.
    IndicatorId
);
id_type!(
    /// Identifier of an order (приказ).
    OrderId
);
id_type!(
    /// Identifier of an attached file.
    AttachmentId
);
id_type!(
    /// Identifier of a satisfaction answer.
    FeedbackId
);
id_type!(
    /// Identifier of a pilot (апробация) of a resource version.
    PilotId
);
id_type!(
    /// Identifier of a risk of a project or a pilot.
    RiskId
);
id_type!(
    /// Identifier of a cohort (поток) of a training programme.
    CohortId
);
id_type!(
    /// Identifier of a session (занятие) of a cohort.
    CohortSessionId
);
id_type!(
    /// Identifier of a teacher's enrolment in a cohort.
    EnrolmentId
);
id_type!(
    /// Identifier of an event (an open lesson, a seminar, a fair…).
    EventId
);
id_type!(
    /// Identifier of a registration for an event.
    RegistrationId
);
id_type!(
    /// Identifier of a school's stand at a fair.
    StandId
);
id_type!(
    /// Identifier of a consultation (methodological support of one school by another).
    ConsultationId
);
