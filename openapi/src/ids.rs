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
