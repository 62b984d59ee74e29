//! The browser interface of the innovation platform, a Leptos client-side application
//! compiled to WebAssembly and mounted into the page's `<body>`.
//!
//! The crate is a library (`cdylib`) so that the wasm can be split: every page behind
//! the signed-in layout but the home page is a lazily loaded route ([`routes`]), whose
//! code the build moves into a chunk of its own that the browser fetches on first visit.

mod access;
mod api;
mod app;
mod auth;
mod features;
mod files;
mod i18n;
mod pages;
mod routes;
mod shell;
mod storage;
mod ui;

/// Mounts the application; wasm-bindgen runs it once the module is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
