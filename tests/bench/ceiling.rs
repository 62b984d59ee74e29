//! The web tier's ceiling for `cargo xtask bench --load`: a bare actix-web server whose
//! every `GET` answers a fixed page of 20 items as JSON (serialised per request, as a real
//! handler does), with no database, authentication or middleware. It listens on a free
//! loopback port, prints `http://127.0.0.1:<port>` on stdout and serves until killed,
//! with one worker per core like the application.

use actix_web::{App, HttpServer, web};
use serde::Serialize;

/// One item of the page, shaped like a short catalogue entry.
#[derive(Debug, Clone, Serialize)]
struct Item {
    id: i64,
    title: String,
    org_short_name: String,
    form: &'static str,
    visibility: &'static str,
    answers: i64,
    csat: f64,
}

/// A page as the API pages lists.
#[derive(Debug, Clone, Serialize)]
struct Page {
    items: Vec<Item>,
    page: u32,
    per_page: u32,
    total: i64,
}

async fn page(fixed: web::Data<Page>) -> web::Json<Page> {
    web::Json(fixed.get_ref().clone())
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let fixed = web::Data::new(Page {
        items: (1..=20)
            .map(|id| Item {
                id,
                title: format!("Методический ресурс № {id} по физике"),
                org_short_name: format!("СОШ № {id}"),
                form: "material_kit",
                visibility: "published",
                answers: 25,
                csat: 3.0,
            })
            .collect(),
        page: 1,
        per_page: 20,
        total: 10_000,
    });
    let server = HttpServer::new(move || App::new().app_data(fixed.clone()).default_service(web::get().to(page)))
        .bind(("127.0.0.1", 0))?;
    let port = server.addrs().first().map_or(0, std::net::SocketAddr::port);
    println!("http://127.0.0.1:{port}");
    server.run().await
}
