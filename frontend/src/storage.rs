//! The browser's `localStorage`, which keeps the session and the language across reloads.
//!
//! Storage can be unavailable (private mode, disabled by policy); then reads find nothing
//! and writes are dropped, and the app still works for the lifetime of the page.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a stored value.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Stores a value, replacing any previous one.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        // A full or blocked storage only costs the persistence, not the action.
        let _ = storage.set_item(key, value);
    }
}

/// Removes a stored value.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
