//! The results tracking system (Regulation 4.3): an indicator has a title, a unit and at
//! most one target per school year of its project; targets and actual values are 0 or more.

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::{OutOfRange, Taken};
use openapi::limits;
use openapi::plan::IndicatorInput;

/// An indicator's title and unit, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorFields {
    /// Title.
    pub title: String,
    /// Unit.
    pub unit: String,
}

/// Checks an indicator against its project's school years `years` (first and last):
/// title, unit, one value per year, targets and actual values 0 or more.
pub fn parse(input: &IndicatorInput, years: (i32, i32)) -> Result<IndicatorFields, DomainError> {
    let mut errors = Errors::default();
    let title = errors.take(text::bounded("title", &input.title, limits::INDICATOR_TITLE));
    let unit = errors.take(text::bounded("unit", &input.unit, limits::INDICATOR_UNIT));
    errors.take(text::at_most("values", input.values.len(), limits::INDICATOR_VALUES));
    for (index, value) in input.values.iter().enumerate() {
        if value.school_year < years.0 || value.school_year > years.1 {
            errors.add(
                &format!("values[{index}].school_year"),
                OutOfRange,
                format!("must be one of the project's school years, {} to {}", years.0, years.1),
            );
        }
        if input.values[..index].iter().any(|v| v.school_year == value.school_year) {
            errors.add(
                &format!("values[{index}].school_year"),
                Taken,
                "one value per school year",
            );
        }
        if !(value.target.is_finite() && value.target >= 0.0) {
            errors.add(&format!("values[{index}].target"), OutOfRange, "must be 0 or more");
        }
        if value
            .actual
            .is_some_and(|actual| !(actual.is_finite() && actual >= 0.0))
        {
            errors.add(&format!("values[{index}].actual"), OutOfRange, "must be 0 or more");
        }
    }
    errors.finish()?;
    Ok(IndicatorFields {
        title: title.unwrap_or_default(),
        unit: unit.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::FieldErrorCode;
    use openapi::plan::IndicatorValueInput;

    fn value(school_year: i32, target: f64, actual: Option<f64>) -> IndicatorValueInput {
        IndicatorValueInput {
            school_year,
            target,
            actual,
        }
    }

    #[test]
    fn each_school_year_of_the_project_takes_one_value_of_zero_or_more() {
        let input = IndicatorInput {
            title: "Доля учащихся с высокой мотивацией".to_owned(),
            unit: "%".to_owned(),
            values: vec![
                value(2025, 30.0, Some(28.5)),
                value(2024, 10.0, None),
                value(2025, -1.0, Some(f64::NAN)),
            ],
        };
        let Err(error) = parse(&input, (2025, 2027)) else {
            panic!("the values must be refused");
        };
        assert_eq!(
            error.fields(),
            [
                ("values[1].school_year", FieldErrorCode::OutOfRange),
                ("values[2].school_year", FieldErrorCode::Taken),
                ("values[2].target", FieldErrorCode::OutOfRange),
                ("values[2].actual", FieldErrorCode::OutOfRange),
            ]
        );
        let valid = IndicatorInput {
            values: vec![value(2025, 30.0, Some(28.5)), value(2026, 40.0, None)],
            ..input
        };
        assert_eq!(
            parse(&valid, (2025, 2027)).map(|fields| fields.unit).ok(),
            Some("%".to_owned())
        );
    }
}
