//! The signed-in session (both tokens and the user) kept in `localStorage`, so that a
//! reload or a deep link stays signed in.
//!
//! The app registers one listener with [`on_change`]; every change of the stored session
//! (sign-in, refresh, profile update, sign-out, a rejected refresh) is reported to it, so
//! the reactive state follows the storage without a second source of truth.

use crate::storage;
use openapi::auth::TokenPair;
use openapi::users::Me;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

const KEY: &str = "innovation-platform.session";

/// What is remembered about the signed-in user between page loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The JWT sent as `Authorization: Bearer`.
    pub access_token: String,
    /// The single-use token that buys a new pair.
    pub refresh_token: String,
    /// The user as the server last described them.
    pub me: Me,
}

type Listener = Rc<dyn Fn(Option<Me>)>;

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
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

/// The stored session, if there is a readable one.
pub fn load() -> Option<Session> {
    serde_json::from_str(&storage::get(KEY)?).ok()
}

fn save(session: Session) {
    if let Ok(raw) = serde_json::to_string(&session) {
        storage::set(KEY, &raw);
    }
    notify(Some(session.me));
}

/// Stores the tokens and the user of a sign-in, a refresh or a password change.
pub fn store_pair(pair: &TokenPair) {
    save(Session {
        access_token: pair.access_token.clone(),
        refresh_token: pair.refresh_token.clone(),
        me: pair.user.clone(),
    });
}

/// Replaces the stored user (after `GET /api/me` or a profile change), keeping the tokens.
pub fn store_me(me: &Me) {
    if let Some(session) = load() {
        save(Session {
            me: me.clone(),
            ..session
        });
    }
}

/// Forgets the session: the user is signed out in this browser.
pub fn clear() {
    storage::remove(KEY);
    notify(None);
}
