//! Rules for organisations: the fields of a new one.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::organisations::{CreateOrganisation, OrganisationKind};

/// A new organisation, parsed: trimmed names of bounded length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    /// The full official name, 3 to 300 characters.
    pub name: String,
    /// The short name, 2 to 100 characters.
    pub short_name: String,
    /// School or committee.
    pub kind: OrganisationKind,
    /// The municipality, 2 to 200 characters.
    pub municipality: String,
}

impl NewOrganisation {
    /// Parses a registration, reporting every invalid field at once.
    pub fn parse(request: &CreateOrganisation) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let name = errors.take(text::bounded("name", &request.name, openapi::limits::ORGANISATION_NAME));
        let short_name = errors.take(text::bounded(
            "short_name",
            &request.short_name,
            openapi::limits::ORGANISATION_SHORT_NAME,
        ));
        let municipality = errors.take(text::bounded(
            "municipality",
            &request.municipality,
            openapi::limits::MUNICIPALITY,
        ));
        errors.finish()?;
        match (name, short_name, municipality) {
            (Some(name), Some(short_name), Some(municipality)) => Ok(Self {
                name,
                short_name,
                kind: request.kind,
                municipality,
            }),
            _ => Err(DomainError::Invalid(Vec::new())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_invalid_name_is_reported_at_once_and_valid_ones_are_trimmed() {
        let request = |name: &str, short: &str| CreateOrganisation {
            name: name.into(),
            short_name: short.into(),
            kind: OrganisationKind::School,
            municipality: " Новокузнецк ".into(),
        };
        let err = NewOrganisation::parse(&request("ab", "")).err();
        let fields = err.as_ref().map(DomainError::fields).unwrap_or_default();
        assert_eq!(
            fields.iter().map(|(field, _)| *field).collect::<Vec<_>>(),
            ["name", "short_name"]
        );
        let parsed = NewOrganisation::parse(&request("  Школа № 5 ", "СОШ 5")).ok();
        assert_eq!(
            parsed.map(|p| (p.name, p.municipality)),
            Some(("Школа № 5".into(), "Новокузнецк".into()))
        );
    }
}
