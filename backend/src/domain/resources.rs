//! Rules of a resource card: what each form requires, and authorship shares that add up
//! to 100 % (Regulation 2.1, 3).

use crate::domain::error::DomainError;
use crate::domain::text::{self, Errors};
use openapi::FieldErrorCode::{InvalidFormat, NotAllowed, OutOfRange, Required, TooLong};
use openapi::UserId;
use openapi::limits;
use openapi::resources::{
    Author, DevelopmentElement, KitItem, ProgrammeFormat, ResourceForm, ResourceInput, Visibility,
};
use std::collections::HashMap;

/// A resource card that passed every rule that needs no database. Authors with an
/// account keep an empty name here; [`ResourceCard::with_account_names`] fills it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceCard {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Form.
    pub form: ResourceForm,
    /// Element (methodological development only).
    pub element: Option<DevelopmentElement>,
    /// Hours (training programme only).
    pub hours: Option<i32>,
    /// Format (training programme only).
    pub programme_format: Option<ProgrammeFormat>,
    /// Products (material kit only).
    pub kit_items: Vec<KitItem>,
    /// Authors in order.
    pub authors: Vec<Author>,
    /// Licence.
    pub licence: String,
    /// Visibility.
    pub visibility: Visibility,
}

impl ResourceCard {
    /// The author accounts named, to check that they belong to the school.
    pub fn author_accounts(&self) -> Vec<UserId> {
        self.authors.iter().filter_map(|author| author.user_id).collect()
    }

    /// Names the authors with an account after it: `accounts` holds the names of those
    /// named accounts that belong to the school; any other account is refused.
    pub fn with_account_names(mut self, accounts: &HashMap<UserId, String>) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        for (i, author) in self.authors.iter_mut().enumerate() {
            if let Some(user) = author.user_id {
                match accounts.get(&user) {
                    Some(name) => name.clone_into(&mut author.name),
                    None => errors.add(
                        &format!("authors[{i}].user_id"),
                        NotAllowed,
                        "an author account must belong to the school",
                    ),
                }
            }
        }
        errors.finish()?;
        Ok(self)
    }

    /// Parses a resource input, reporting every invalid field at once.
    pub fn parse(input: &ResourceInput) -> Result<Self, DomainError> {
        let mut errors = Errors::default();
        let title = errors.take(text::bounded("title", &input.title, limits::RESOURCE_TITLE));
        let description = errors
            .take(text::optional("description", &input.description, limits::LONG_NOTE))
            .map(Option::unwrap_or_default);
        let licence = errors.take(text::bounded("licence", &input.licence, limits::LICENCE));
        let is = |form| input.form == form;
        if is(ResourceForm::MethodologicalDevelopment) != input.element.is_some() {
            let (code, message) = if input.element.is_none() {
                (
                    Required,
                    "a methodological development names its element of the educational process",
                )
            } else {
                (NotAllowed, "only a methodological development has an element")
            };
            errors.add("element", code, message);
        }
        if is(ResourceForm::TrainingProgramme) {
            match input.hours {
                None => errors.add("hours", Required, "a training programme states its hours"),
                Some(hours) => {
                    errors.take(text::in_range("hours", hours, limits::HOURS));
                }
            }
            if input.programme_format.is_none() {
                errors.add("programme_format", Required, "a training programme states its format");
            }
        } else {
            if input.hours.is_some() {
                errors.add("hours", NotAllowed, "only a training programme has hours");
            }
            if input.programme_format.is_some() {
                errors.add("programme_format", NotAllowed, "only a training programme has a format");
            }
        }
        let mut kit_items = Vec::new();
        if is(ResourceForm::MaterialKit) {
            if input.kit_items.is_empty() {
                errors.add("kit_items", Required, "a kit lists at least one product");
            }
            if input.kit_items.len() > limits::KIT_ITEMS.max {
                errors.add(
                    "kit_items",
                    TooLong,
                    format!("at most {} products", limits::KIT_ITEMS.max),
                );
            }
            for (i, item) in input.kit_items.iter().enumerate() {
                if let Some(title) = errors.take(text::bounded(
                    &format!("kit_items[{i}].title"),
                    &item.title,
                    limits::KIT_ITEM_TITLE,
                )) {
                    kit_items.push(KitItem {
                        item_type: item.item_type,
                        title,
                    });
                }
            }
        } else if !input.kit_items.is_empty() {
            errors.add("kit_items", NotAllowed, "only a material kit lists products");
        }
        let authors = parse_authors(&mut errors, &input.authors);
        errors.finish()?;
        let (Some(title), Some(description), Some(licence)) = (title, description, licence) else {
            return Err(DomainError::Invalid(Vec::new()));
        };
        Ok(Self {
            title,
            description,
            form: input.form,
            element: input.element,
            hours: input.hours,
            programme_format: input.programme_format,
            kit_items,
            authors,
            licence,
            visibility: input.visibility.unwrap_or(Visibility::Internal),
        })
    }
}

fn parse_authors(errors: &mut Errors, authors: &[Author]) -> Vec<Author> {
    if authors.is_empty() {
        errors.add("authors", Required, "a resource has at least one author");
        return Vec::new();
    }
    if authors.len() > limits::AUTHORS.max {
        errors.add("authors", TooLong, format!("at most {} authors", limits::AUTHORS.max));
        return Vec::new();
    }
    let mut parsed = Vec::with_capacity(authors.len());
    let mut seen = Vec::new();
    for (i, author) in authors.iter().enumerate() {
        errors.take(text::in_range(
            &format!("authors[{i}].share"),
            author.share,
            limits::AUTHOR_SHARE,
        ));
        let name = errors.take(text::optional(
            &format!("authors[{i}].name"),
            &author.name,
            limits::AUTHOR_NAME,
        ));
        let name = match author.user_id {
            Some(id) if seen.contains(&id) => {
                errors.add(
                    &format!("authors[{i}].user_id"),
                    InvalidFormat,
                    "an author is listed once",
                );
                continue;
            }
            Some(id) => {
                seen.push(id);
                String::new()
            }
            None => match name {
                Some(Some(name)) => name,
                Some(None) => {
                    errors.add(&format!("authors[{i}].name"), Required, "must not be empty");
                    continue;
                }
                None => continue,
            },
        };
        parsed.push(Author {
            user_id: author.user_id,
            name,
            share: author.share,
        });
    }
    let total: u32 = authors.iter().map(|a| u32::from(a.share)).sum();
    if total != 100 {
        errors.add("authors", OutOfRange, format!("the shares add up to {total}, not 100"));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::resources::KitItemType;

    fn author(name: &str, share: u8) -> Author {
        Author {
            user_id: None,
            name: name.into(),
            share,
        }
    }

    fn input(form: ResourceForm) -> ResourceInput {
        ResourceInput {
            title: "Кейс-технология на уроках истории".into(),
            description: String::new(),
            form,
            element: None,
            hours: None,
            programme_format: None,
            kit_items: vec![],
            authors: vec![author("Кузнецова О. С.", 60), author("Смирнов А. И.", 40)],
            licence: "CC BY 4.0".into(),
            visibility: None,
        }
    }

    fn fields(result: Result<ResourceCard, DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Invalid(errors)) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected validation errors, got {other:?}"),
        }
    }

    #[test]
    fn each_form_requires_its_own_fields() {
        assert_eq!(
            fields(ResourceCard::parse(&input(ResourceForm::MethodologicalDevelopment))),
            ["element"]
        );
        assert_eq!(
            fields(ResourceCard::parse(&input(ResourceForm::TrainingProgramme))),
            ["hours", "programme_format"]
        );
        assert_eq!(
            fields(ResourceCard::parse(&input(ResourceForm::MaterialKit))),
            ["kit_items"]
        );
        let development = ResourceInput {
            element: Some(DevelopmentElement::Technology),
            ..input(ResourceForm::MethodologicalDevelopment)
        };
        assert_eq!(
            ResourceCard::parse(&development).unwrap().visibility,
            Visibility::Internal
        );
        let programme = ResourceInput {
            hours: Some(36),
            programme_format: Some(ProgrammeFormat::Blended),
            ..input(ResourceForm::TrainingProgramme)
        };
        assert!(ResourceCard::parse(&programme).is_ok());
        let kit = ResourceInput {
            kit_items: vec![KitItem {
                item_type: KitItemType::TeachingKit,
                title: "УМК 5 класс".into(),
            }],
            ..input(ResourceForm::MaterialKit)
        };
        assert_eq!(ResourceCard::parse(&kit).unwrap().kit_items.len(), 1);
    }

    #[test]
    fn fields_of_another_form_are_refused() {
        let wrong = ResourceInput {
            element: Some(DevelopmentElement::Content),
            hours: Some(10),
            ..input(ResourceForm::MaterialKit)
        };
        assert_eq!(fields(ResourceCard::parse(&wrong)), ["element", "hours", "kit_items"]);
    }

    #[test]
    fn shares_must_add_up_to_exactly_100() {
        let base = ResourceInput {
            element: Some(DevelopmentElement::Content),
            ..input(ResourceForm::MethodologicalDevelopment)
        };
        let short = ResourceInput {
            authors: vec![author("Кузнецова О. С.", 60), author("Смирнов А. И.", 39)],
            ..base.clone()
        };
        assert_eq!(fields(ResourceCard::parse(&short)), ["authors"]);
        let over = ResourceInput {
            authors: vec![author("Кузнецова О. С.", 100), author("Смирнов А. И.", 1)],
            ..base.clone()
        };
        assert_eq!(fields(ResourceCard::parse(&over)), ["authors"]);
        let zero = ResourceInput {
            authors: vec![author("Кузнецова О. С.", 100), author("Смирнов А. И.", 0)],
            ..base.clone()
        };
        assert_eq!(fields(ResourceCard::parse(&zero)), ["authors[1].share"]);
        let none = ResourceInput {
            authors: vec![],
            ..base
        };
        assert_eq!(fields(ResourceCard::parse(&none)), ["authors"]);
    }

    #[test]
    fn an_account_is_listed_once_and_a_nameless_author_needs_a_name() {
        let base = ResourceInput {
            element: Some(DevelopmentElement::Content),
            ..input(ResourceForm::MethodologicalDevelopment)
        };
        let twice = Author {
            user_id: Some(UserId(3)),
            name: String::new(),
            share: 50,
        };
        let dup = ResourceInput {
            authors: vec![twice.clone(), twice],
            ..base.clone()
        };
        assert_eq!(fields(ResourceCard::parse(&dup)), ["authors[1].user_id"]);
        let nameless = ResourceInput {
            authors: vec![author("", 100)],
            ..base
        };
        assert_eq!(fields(ResourceCard::parse(&nameless)), ["authors[0].name"]);
    }
}
