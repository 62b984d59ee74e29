//! The `users` and `user_roles` tables.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{user_roles, users};
use crate::domain::text::{like_pattern, search_key};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use openapi::users::{Locale, Role, User, UserFilter};
use openapi::{OrganisationId, UserId};
use std::collections::HashMap;

/// A row of `users`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    /// Id.
    pub id: i64,
    /// Organisation.
    pub org_id: i64,
    /// Lower-cased e-mail.
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Whether the account may sign in.
    pub is_active: bool,
    /// Operator of the whole platform.
    pub is_platform_admin: bool,
    /// `ru` or `en`.
    pub locale: String,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl UserRow {
    /// The preferred locale.
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.locale).unwrap_or_default()
    }

    /// The API representation, with the user's roles.
    pub fn into_dto(self, roles: Vec<Role>) -> User {
        User {
            id: UserId(self.id),
            org_id: OrganisationId(self.org_id),
            email: self.email,
            full_name: self.full_name,
            roles,
            is_active: self.is_active,
            is_platform_admin: self.is_platform_admin,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
            version: self.version,
        }
    }
}

/// A new account, validated and with its password already hashed.
#[derive(Debug, Clone)]
pub struct NewUserRow<'a> {
    /// Organisation.
    pub org_id: i64,
    /// Lower-cased e-mail.
    pub email: &'a str,
    /// Full name.
    pub full_name: &'a str,
    /// Argon2id hash.
    pub password_hash: &'a str,
    /// Roles.
    pub roles: &'a [Role],
    /// Operator of the whole platform.
    pub is_platform_admin: bool,
}

/// One user by id.
pub fn find(conn: &mut DbConnection, id: UserId) -> QueryResult<UserRow> {
    let id = id.0;
    users::table.find(id).select(UserRow::as_select()).first(conn)
}

/// One user by (lower-cased) e-mail.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()
}

/// Whether an e-mail is in use.
pub fn email_taken(conn: &mut DbConnection, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(users::table.filter(users::email.eq(email)))).get_result(conn)
}

/// The roles of one user, sorted.
pub fn roles_of(conn: &mut DbConnection, user_id: UserId) -> QueryResult<Vec<Role>> {
    let user_id = user_id.0;
    Ok(roles_of_many(conn, &[UserId(user_id)])?
        .remove(&user_id)
        .unwrap_or_default())
}

/// The roles of many users in one query, sorted per user.
pub fn roles_of_many(conn: &mut DbConnection, user_ids: &[UserId]) -> QueryResult<HashMap<i64, Vec<Role>>> {
    let user_ids: Vec<i64> = user_ids.iter().map(|id| id.0).collect();
    let user_ids = &user_ids[..];
    let rows: Vec<(i64, String)> = user_roles::table
        .filter(user_roles::user_id.eq_any(user_ids))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?;
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    for (user_id, role) in rows {
        if let Some(role) = Role::parse(&role) {
            roles.entry(user_id).or_default().push(role);
        }
    }
    roles.values_mut().for_each(|roles| roles.sort());
    Ok(roles)
}

/// Which of `ids` are active accounts of the organisation `org`, in one query.
pub fn active_of(conn: &mut DbConnection, org: OrganisationId, ids: &[UserId]) -> QueryResult<Vec<UserId>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let found: Vec<i64> = users::table
        .filter(users::id.eq_any(&ids))
        .filter(users::org_id.eq(org.0))
        .filter(users::is_active.eq(true))
        .select(users::id)
        .load(conn)?;
    Ok(found.into_iter().map(UserId).collect())
}

/// Inserts an account with its roles and returns its id.
pub fn insert(conn: &mut DbConnection, new: &NewUserRow<'_>) -> QueryResult<i64> {
    let now = super::now();
    let id = diesel::insert_into(users::table)
        .values((
            users::org_id.eq(new.org_id),
            users::email.eq(new.email),
            users::full_name.eq(new.full_name),
            users::password_hash.eq(new.password_hash),
            users::is_active.eq(true),
            users::is_platform_admin.eq(new.is_platform_admin),
            users::locale.eq(Locale::Ru.as_str()),
            users::search.eq(search_key(&[new.full_name, new.email])),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)?;
    set_roles(conn, UserId(id), new.roles)?;
    Ok(id)
}

/// Replaces a user's roles.
pub fn set_roles(conn: &mut DbConnection, user_id: UserId, roles: &[Role]) -> QueryResult<()> {
    let user_id = user_id.0;
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id))).execute(conn)?;
    // One statement per role: diesel's multi-backend connection has no batch insert,
    // and a user holds at most six roles.
    for role in roles {
        diesel::insert_into(user_roles::table)
            .values((user_roles::user_id.eq(user_id), user_roles::role.eq(role.as_str())))
            .execute(conn)?;
    }
    Ok(())
}

/// Changes the full name (and the search text, made of the name and the e-mail).
pub fn set_full_name(conn: &mut DbConnection, id: UserId, email: &str, full_name: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id.0))
        .set((
            users::full_name.eq(full_name),
            users::search.eq(search_key(&[full_name, email])),
            users::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Activates or deactivates an account.
pub fn set_active(conn: &mut DbConnection, user_id: UserId, active: bool) -> QueryResult<()> {
    let user_id = user_id.0;
    diesel::update(users::table.find(user_id))
        .set((users::is_active.eq(active), users::updated_at.eq(super::now())))
        .execute(conn)
        .map(|_| ())
}

/// Changes the interface language.
pub fn set_locale(conn: &mut DbConnection, user_id: UserId, locale: Locale) -> QueryResult<()> {
    diesel::update(users::table.find(user_id.0))
        .set((users::locale.eq(locale.as_str()), users::updated_at.eq(super::now())))
        .execute(conn)
        .map(|_| ())
}

/// The stored password hash of a user.
pub fn password_hash(conn: &mut DbConnection, user_id: UserId) -> QueryResult<String> {
    users::table.find(user_id.0).select(users::password_hash).first(conn)
}

/// Stores a new password hash.
pub fn set_password_hash(conn: &mut DbConnection, user_id: UserId, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(user_id.0))
        .set((users::password_hash.eq(hash), users::updated_at.eq(super::now())))
        .execute(conn)
        .map(|_| ())
}

fn filtered<'a>(org_id: i64, filter: &UserFilter) -> users::BoxedQuery<'a, Backend> {
    let mut query = users::table.filter(users::org_id.eq(org_id)).into_boxed();
    if let Some(pattern) = filter.q.as_deref().and_then(like_pattern) {
        query = query.filter(users::search.like(super::planned_with(pattern)).escape('\\'));
    }
    if let Some(role) = filter.role {
        let holders = user_roles::table
            .filter(user_roles::role.eq(role.as_str()))
            .select(user_roles::user_id);
        query = query.filter(users::id.eq_any(holders));
    }
    if let Some(active) = filter.active {
        query = query.filter(users::is_active.eq(active));
    }
    query
}

/// One page of an organisation's users, ordered by name, and the total.
pub fn list(
    conn: &mut DbConnection,
    org_id: OrganisationId,
    filter: &UserFilter,
    page: PageRequest,
) -> QueryResult<(Vec<UserRow>, i64)> {
    let org_id = org_id.0;
    let total = filtered(org_id, filter).count().get_result(conn)?;
    let rows = filtered(org_id, filter)
        .order((users::full_name.asc(), users::id.asc()))
        .limit(page.limit())
        .offset(page.offset())
        .select(UserRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The full names of users, by id, in one query.
pub fn full_names(conn: &mut DbConnection, ids: impl IntoIterator<Item = i64>) -> QueryResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::full_name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// A user with their organisation and roles, read in one query (one row per role).
pub fn with_org_and_roles(
    conn: &mut DbConnection,
    id: UserId,
) -> QueryResult<Option<(UserRow, super::organisation::OrganisationRow, Vec<Role>)>> {
    Ok(read(conn, id, None)?.map(|(user, org, roles, _)| (user, org, roles)))
}

/// A user, their organisation and roles, and whether the session named is live.
pub type InSession = (UserRow, super::organisation::OrganisationRow, Vec<Role>, bool);

/// A user with their organisation and roles and whether the session named (the `sid` of
/// an access token) is theirs and live — not ended by a sign-out, a password change or
/// reset, or a deactivation — read in the same one query, by primary keys.
pub fn in_session(conn: &mut DbConnection, id: UserId, session: &str) -> QueryResult<Option<InSession>> {
    read(conn, id, Some(session))
}

fn read(conn: &mut DbConnection, id: UserId, session: Option<&str>) -> QueryResult<Option<InSession>> {
    let id = id.0;
    use crate::db::models::organisation::OrganisationRow;
    use crate::db::schema::{organisations, sessions};
    type Row = (
        UserRow,
        OrganisationRow,
        Option<String>,
        Option<String>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Row> = users::table
        .inner_join(organisations::table)
        .left_join(user_roles::table)
        .left_join(sessions::table.on(sessions::user_id.eq(users::id).and(sessions::id.nullable().eq(session))))
        .filter(users::id.eq(id))
        .select((
            UserRow::as_select(),
            OrganisationRow::as_select(),
            user_roles::role.nullable(),
            sessions::id.nullable(),
            sessions::revoked_at.nullable(),
        ))
        .load(conn)?;
    let mut roles: Vec<Role> = rows
        .iter()
        .filter_map(|(_, _, role, _, _)| role.as_deref().and_then(Role::parse))
        .collect();
    roles.sort();
    Ok(rows.into_iter().next().map(|(user, org, _, session, revoked_at)| {
        let live = session.is_some() && revoked_at.is_none();
        (user, org, roles, live)
    }))
}

versioned!(users);
