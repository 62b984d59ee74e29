//! Who may use which page. The navigation and the page guards ask the same functions, so
//! a link is shown exactly when its page opens. The server enforces the same rules.

use openapi::users::{Me, Role};

/// User management of the user's own organisation: its administrators.
pub fn may_manage_users(me: &Me) -> bool {
    me.has_role(Role::Admin)
}

/// The list of organisations: the education committee and platform administrators.
pub fn may_browse_organisations(me: &Me) -> bool {
    me.has_role(Role::Committee) || me.is_platform_admin
}

/// Registering organisations: platform administrators.
pub fn may_create_organisations(me: &Me) -> bool {
    me.is_platform_admin
}
