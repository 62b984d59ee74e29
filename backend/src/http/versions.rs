//! The version of a record on the wire: a strong `ETag` (`"<version>"`) on single-record
//! reads and on write responses, and the `If-Match` a change must carry. The comparison
//! itself happens in the use case, inside its write transaction
//! (`services::concurrency`).

use super::etag::etag_of;
use crate::error::ApiError;
use crate::services::concurrency::Expected;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use serde::Serialize;
use std::future::{Ready, ready};
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::{ObjectBuilder, Required, Type};

/// A record representation that carries its version.
pub trait Versioned {
    /// The record's version.
    fn version(&self) -> i32;
}

/// Implements [`Versioned`] for representations with a `version` field.
macro_rules! versioned {
    ($($ty:ty),* $(,)?) => {
        $(impl Versioned for $ty {
            fn version(&self) -> i32 {
                self.version
            }
        })*
    };
}

versioned!(
    openapi::projects::Project,
    openapi::resources::Resource,
    openapi::structures::Structure,
    openapi::orders::Order,
    openapi::plan::PlanItem,
    openapi::plan::Indicator,
    openapi::ranking::RankingRound,
    openapi::ranking::SchoolProblem,
    openapi::users::User,
    openapi::users::Me,
    openapi::package::DocumentVersion,
    openapi::requests::ConsumerRequest,
    openapi::pilots::Pilot,
    openapi::risks::Risk,
    openapi::cohorts::Cohort,
    openapi::events::Event,
    openapi::consultations::Consultation,
);

/// A ranking is tagged with its round's version: the freeze and the criteria move it on.
impl Versioned for openapi::ranking::Ranking {
    fn version(&self) -> i32 {
        self.round.version
    }
}

/// `200` with the record as JSON and its `ETag`.
pub fn tagged<T: Serialize + Versioned>(record: T) -> HttpResponse {
    tagged_with(StatusCode::OK, record)
}

/// `201` with the new record as JSON and its `ETag`.
pub fn tagged_created<T: Serialize + Versioned>(record: T) -> HttpResponse {
    tagged_with(StatusCode::CREATED, record)
}

fn tagged_with<T: Serialize + Versioned>(status: StatusCode, record: T) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag_of(record.version())))
        .json(record)
}

/// The `If-Match` of a request: the version of the record the change was made on.
///
/// One strong tag (`"3"`) names a version. No header, or `*` (any version, which names
/// none), is answered `428 precondition_required` by the use case; a weak tag (`W/"3"`),
/// several tags or anything else can never match under the strong comparison a change
/// needs (`412`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub Expected);

impl IfMatch {
    /// The version the client named, for the use case.
    pub fn expected(self) -> Expected {
        self.0
    }

    /// Reads the header's value.
    pub fn parse(value: Option<&str>) -> Self {
        let Some(value) = value.map(str::trim) else {
            return Self(Expected::Missing);
        };
        if value == "*" {
            return Self(Expected::Missing);
        }
        let version = value
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .and_then(|inner| inner.parse::<i32>().ok());
        Self(version.map_or(Expected::Unmatchable, Expected::Version))
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let mut values = req.headers().get_all(header::IF_MATCH);
        let parsed = match (values.next(), values.next()) {
            (None, _) => Self(Expected::Missing),
            (Some(value), None) => match value.to_str() {
                Ok(text) => Self::parse(Some(text)),
                Err(_) => Self(Expected::Unmatchable),
            },
            (Some(_), Some(_)) => Self(Expected::Unmatchable),
        };
        ready(Ok(parsed))
    }
}

impl IntoParams for IfMatch {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![
            ParameterBuilder::new()
                .name("If-Match")
                .parameter_in(ParameterIn::Header)
                .required(Required::True)
                .description(Some(
                    "The `ETag` of the record as last read (`\"<version>\"`, the record's `version` in \
                     double quotes). Without it the change is refused with `428 precondition_required`; \
                     when the record has changed since, with `412 precondition_failed`.",
                ))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .pattern(Some("^\"[0-9]+\"$"))
                        .examples(["\"1\""]),
                ))
                .build(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_strong_numeric_tag_names_a_version() {
        assert_eq!(IfMatch::parse(Some("\"7\"")).expected(), Expected::Version(7));
        assert_eq!(IfMatch::parse(Some(" \"7\" ")).expected(), Expected::Version(7));
        assert_eq!(IfMatch::parse(None).expected(), Expected::Missing);
        assert_eq!(IfMatch::parse(Some("*")).expected(), Expected::Missing);
        for value in ["W/\"7\"", "7", "\"7\", \"8\"", "\"x\"", ""] {
            assert_eq!(IfMatch::parse(Some(value)).expected(), Expected::Unmatchable, "{value}");
        }
    }
}
