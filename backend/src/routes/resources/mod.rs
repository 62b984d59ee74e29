//! Educational resources of a school's projects.

pub mod create;
pub mod get;
pub mod list;
pub mod update;

use crate::db::DbConnection;
use crate::db::schema::users;
use crate::domain::resources::ResourceCard;
use crate::domain::text::field_error;
use crate::error::ApiError;
use diesel::prelude::*;
use openapi::FieldErrorCode::NotAllowed;
use std::collections::HashMap;

/// Checks that author accounts belong to the school and takes their names from them.
pub fn resolve_authors(conn: &mut DbConnection, org_id: i64, mut card: ResourceCard) -> Result<ResourceCard, ApiError> {
    let ids: Vec<i64> = card.author_accounts().into_iter().map(|id| id.0).collect();
    let names: HashMap<i64, String> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::org_id.eq(org_id))
        .select((users::id, users::full_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut errors = Vec::new();
    for (i, author) in card.authors.iter_mut().enumerate() {
        if let Some(user) = author.user_id {
            match names.get(&user.0) {
                Some(name) => name.clone_into(&mut author.name),
                None => errors.push(field_error(
                    &format!("authors[{i}].user_id"),
                    NotAllowed,
                    "an author account must belong to the school",
                )),
            }
        }
    }
    if errors.is_empty() {
        Ok(card)
    } else {
        Err(ApiError::Validation(errors))
    }
}
