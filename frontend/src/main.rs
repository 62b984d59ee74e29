//! The browser interface of the innovation platform, a Leptos client-side application
//! compiled to WebAssembly and mounted into the page's `<body>`.

mod access;
mod api;
mod app;
mod components;
mod files;
mod i18n;
mod pages;
mod storage;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
