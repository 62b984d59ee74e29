//! The signed-in session: the access token and the user, held in memory only.
//!
//! No token is ever written to `localStorage`: the refresh token lives in an HttpOnly
//! cookie the page cannot read, scoped to `/api/auth`. After a reload the app buys a new
//! access token with it ([`super::client::refresh_after`]). `localStorage` keeps only a hint
//! that this browser signed in (no secret), so that a visitor who never did is not sent
//! through a refresh that must fail, and so that signing out in one tab signs out the
//! others.
//!
//! The app registers one listener with [`on_change`]; every change of the session
//! (sign-in, refresh, profile update, sign-out, a rejected refresh) is reported to it, so
//! the reactive state follows this module without a second source of truth.

use crate::storage;
use openapi::auth::TokenPair;
use openapi::users::Me;
use std::cell::RefCell;
use std::rc::Rc;

/// Where sessions were kept before they moved to memory; removed at start.
const LEGACY_KEY: &str = "innovation-platform.session";
/// The hint that this browser holds a refresh cookie: `1` or absent.
pub const HINT_KEY: &str = "innovation-platform.signed-in";

/// The signed-in user's session in this page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The JWT sent as `Authorization: Bearer`.
    pub access_token: String,
    /// The user as the server last described them.
    pub me: Me,
}

type Listener = Rc<dyn Fn(Option<Me>)>;

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
    static CURRENT: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Registers the function told about every change of the session (`None` once signed out).
pub fn on_change(listener: impl Fn(Option<Me>) + 'static) {
    LISTENER.with(|slot| *slot.borrow_mut() = Some(Rc::new(listener)));
}

fn notify(me: Option<Me>) {
    let listener = LISTENER.with(|slot| slot.borrow().clone());
    if let Some(listener) = listener {
        listener(me);
    }
}

/// Forgets tokens an older version of the app kept in `localStorage`.
pub fn drop_legacy_storage() {
    storage::remove(LEGACY_KEY);
}

/// Whether this browser signed in and has not signed out since (a refresh may work).
pub fn may_have_cookie() -> bool {
    storage::get(HINT_KEY).is_some()
}

/// The session of this page, if signed in.
pub fn load() -> Option<Session> {
    CURRENT.with(|current| current.borrow().clone())
}

fn save(session: Session) {
    let me = session.me.clone();
    CURRENT.with(|current| *current.borrow_mut() = Some(session));
    storage::set(HINT_KEY, "1");
    notify(Some(me));
}

/// Keeps the access token and the user of a sign-in, a refresh or a password change.
pub fn store_pair(pair: &TokenPair) {
    save(Session {
        access_token: pair.access_token.clone(),
        me: pair.user.clone(),
    });
}

/// Replaces the user (after `GET /api/me` or a profile change), keeping the token.
pub fn store_me(me: &Me) {
    if let Some(session) = load() {
        save(Session {
            me: me.clone(),
            ..session
        });
    }
}

/// Forgets the session: the user is signed out in this page, and the hint is removed,
/// which the other tabs hear as a sign-out (see [`forget_in_this_tab`]).
pub fn clear() {
    storage::remove(HINT_KEY);
    forget_in_this_tab();
}

/// Forgets the session in this page only (another tab signed out).
pub fn forget_in_this_tab() {
    CURRENT.with(|current| *current.borrow_mut() = None);
    notify(None);
}
