//! Building the application: state, middleware, the API, the docs and the web app.

use crate::auth::password::HashGate;
use crate::auth::{JwtKeys, jwt};
use crate::config::Settings;
use crate::db::{self, Engine};
use crate::error::ApiError;
use crate::http::limits::ClientLimits;
use crate::http::methods::Methods;
use crate::http::optional::Optional;
use crate::http::refresh_cookie::CookiePolicy;
use crate::http::security::{self, BodyDeadline};
use crate::metrics::Metrics;
use crate::routes::{self, ApiDoc, health};
use crate::state::AppState;
use crate::storage::LocalStorage;
use crate::telemetry;
use actix_files::{Files, NamedFile};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use actix_web_prom::PrometheusMetrics;
use anyhow::Context;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

/// The OpenAPI document of every registered handler.
pub fn api_spec() -> utoipa::openapi::OpenApi {
    let (_, mut spec) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(health::get_health)
        .service(health::get_readiness)
        .service(scope("/api").configure(routes::configure))
        .split_for_parts();
    crate::http::responses::complete(&mut spec);
    routes::state_limits(&mut spec);
    spec
}

/// The OpenAPI document as pretty JSON with a trailing newline, as committed.
pub fn api_spec_json() -> anyhow::Result<String> {
    let mut json = api_spec()
        .to_pretty_json()
        .context("cannot serialise the OpenAPI document")?;
    json.push('\n');
    Ok(json)
}

/// A server bound to its port, not yet running.
pub struct Application {
    server: Server,
    port: u16,
    metrics: Option<(Server, u16)>,
    state: AppState,
}

impl Application {
    /// Opens the database (migrating it), loads the keys and binds the port.
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("cannot create the data directory {}", settings.data_dir.display()))?;
        let url = settings.database_url();
        let engine = Engine::of_url(&url);
        let pool = db::connect_with(&url, settings.db_pool_size, settings.statement_timeout())?;
        let secret = jwt::load_secret(settings.jwt_secret.as_deref(), &settings.data_dir)?;
        let storage = Arc::new(LocalStorage::new(settings.data_dir.join("files"))?);
        let state = AppState {
            pool,
            keys: JwtKeys::from_secret(&secret),
            engine,
            storage,
            hashing: Arc::new(HashGate::per_core()),
            limits: Arc::new(ClientLimits::new()),
            quota: settings.storage_quota(),
        };
        crate::auth::password::prepare_dummy();
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))
            .with_context(|| format!("cannot listen on {}:{}", settings.host, settings.port))?;
        let port = listener.local_addr()?.port();
        // Without an address for them, no metrics are kept at all: neither the registry
        // nor the request middleware is built.
        let (requests, metrics_server) = match &settings.metrics_listen {
            Some(address) => {
                let metrics = Metrics::new(state.pool.clone())?;
                let listener = TcpListener::bind(address.as_str())
                    .with_context(|| format!("cannot listen for metrics on {address}"))?;
                let metrics_port = listener.local_addr()?.port();
                tracing::info!(port = metrics_port, "serving metrics");
                (
                    Some(metrics.middleware()),
                    Some((metrics.serve(listener)?, metrics_port)),
                )
            }
            None => (None, None),
        };
        let server = serve(listener, state.clone(), settings, requests)?;
        tracing::info!(port, database = engine.name(), "listening");
        Ok(Self {
            server,
            port,
            metrics: metrics_server,
            state,
        })
    }

    /// The port the server listens on (useful with port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port metrics are served on, when `METRICS_LISTEN` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(_, port)| *port)
    }

    /// The state the handlers share (for seeding and tests).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        match self.metrics {
            Some((metrics, _)) => futures_util::future::try_join(self.server, metrics).await.map(|_| ()),
            None => self.server.await,
        }
    }
}

/// Whether a path names a static asset (a missing one is a 404, not the web app).
fn is_asset(path: &str) -> bool {
    const ASSETS: [&str; 10] = ["js", "wasm", "css", "png", "svg", "ico", "map", "json", "gz", "txt"];
    let last = path.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.')
        .is_some_and(|(_, ext)| ASSETS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Unknown routes: `405` for a known path asked with another method, the web app's
/// `index.html` for page paths (deep links), a problem body for everything else.
async fn fallback(
    req: ServiceRequest,
    index: Option<PathBuf>,
    methods: Arc<Methods>,
) -> Result<ServiceResponse, actix_web::Error> {
    let (req, _) = req.into_parts();
    let is_page = req.method() == actix_web::http::Method::GET
        && !req.path().starts_with("/api/")
        && req.path() != "/api"
        && !is_asset(req.path());
    let allowed = methods.allowed(req.path());
    let response = match index {
        _ if !allowed.is_empty() && !allowed.contains(&req.method().as_str()) => {
            actix_web::ResponseError::error_response(&ApiError::MethodNotAllowed {
                allow: allowed.join(", "),
            })
        }
        Some(index) if is_page => NamedFile::open(index)?.into_response(&req),
        _ => actix_web::ResponseError::error_response(&ApiError::NotFound),
    };
    Ok(ServiceResponse::new(req, response))
}

/// The published specification, served whether or not the docs page is on: serialised
/// once at start and shared by the workers.
async fn openapi_json(spec: web::Data<web::Bytes>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(spec.get_ref().clone())
}

fn serve(
    listener: TcpListener,
    state: AppState,
    settings: &Settings,
    requests: Option<PrometheusMetrics>,
) -> anyhow::Result<Server> {
    let static_dir = settings.static_dir.clone();
    let api_docs = settings.api_docs;
    let cookie_policy = CookiePolicy(settings.cookie_secure);
    let body_deadline = BodyDeadline(Duration::from_secs(settings.body_read_timeout.max(1)));
    let proxies = settings.trusted_proxies.clone();
    if !proxies.is_empty() {
        tracing::info!(trusted_proxies = %proxies, "reading the client from these proxies' forwarded headers");
    }
    let spec = api_spec();
    let methods = Arc::new(Methods::of(&spec));
    let spec_json = web::Data::new(web::Bytes::from(
        serde_json::to_vec(&spec).context("cannot serialise the OpenAPI document")?,
    ));
    drop(spec);
    let index = static_dir.join("index.html");
    let index = index.is_file().then_some(index);
    if index.is_none() {
        tracing::warn!(dir = %static_dir.display(), "no web app found; serving the API only (run `cargo xtask run`)");
    }
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        let index = index.clone();
        let methods = methods.clone();
        let app = App::new()
            .app_data(state.clone())
            .app_data(crate::extract::query_config())
            .app_data(crate::extract::path_config(methods.clone()))
            .app_data(web::PayloadConfig::new(crate::extract::JSON_LIMIT))
            .app_data(cookie_policy)
            .app_data(body_deadline)
            .app_data(proxies.clone())
            .wrap(from_fn(security::body_deadline_middleware))
            .wrap(Compress::default())
            .wrap(from_fn(security::headers_middleware))
            .wrap(from_fn(telemetry::request_id_middleware))
            .wrap(Optional(requests.clone()))
            .app_data(spec_json.clone())
            .service(
                web::resource("/api/openapi.json")
                    .route(web::get().to(openapi_json))
                    .route(web::head().to(openapi_json)),
            );
        let app = if api_docs {
            // No validator badge: it would send the spec's address to a third party, and
            // the docs page's policy blocks foreign images anyway. The page reads the
            // shared serialised spec above, not a copy of its own per worker.
            let config = utoipa_swagger_ui::Config::new(["/api/openapi.json"]).validator_url("none");
            app.service(SwaggerUi::new("/api/docs/{_:.*}").config(config))
                .service(web::redirect("/api/docs", "/api/docs/"))
        } else {
            app
        };
        // Each worker registers the routes through utoipa's app, which collects their
        // documentation as it goes; it starts from an empty document, since the published
        // one is built once above.
        let app = app
            .into_utoipa_app()
            .openapi(utoipa::openapi::OpenApiBuilder::new().build())
            .service(health::get_health)
            .service(health::get_readiness)
            .service(scope("/api").configure(routes::configure))
            .into_app();
        let fallback_index = index.clone();
        let fallback_methods = methods.clone();
        let default =
            fn_service(move |req: ServiceRequest| fallback(req, fallback_index.clone(), fallback_methods.clone()));
        match &index {
            Some(_) => app.service(
                Files::new("/", static_dir.clone())
                    .index_file("index.html")
                    .prefer_utf8(true)
                    .try_compressed()
                    .default_handler(fn_service({
                        let index = index.clone();
                        let methods = methods.clone();
                        move |req: ServiceRequest| fallback(req, index.clone(), methods.clone())
                    })),
            ),
            None => app,
        }
        .default_service(default)
    })
    .client_request_timeout(Duration::from_secs(5))
    .shutdown_timeout(10);
    let server = match settings.workers {
        Some(workers) => server.workers(workers.max(1)),
        None => server,
    };
    Ok(server.listen(listener)?.run())
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_paths_with_dots_are_pages_and_asset_paths_are_assets() {
        assert!(!super::is_asset("/feedback/eyJ0eXAi.eyJzdWIi.abc"));
        assert!(!super::is_asset("/users/5"));
        assert!(super::is_asset("/frontend_bg.wasm"));
        assert!(super::is_asset("/missing.JS"));
    }

    #[test]
    fn a_known_path_lists_its_methods_and_an_unknown_one_none() {
        let methods = crate::http::methods::Methods::of(&super::api_spec());
        assert_eq!(methods.allowed("/api/projects/17"), vec!["GET", "PUT"]);
        assert_eq!(methods.allowed("/api/projects"), vec!["GET", "POST"]);
        assert!(methods.allowed("/api/projects/17/nothing").is_empty());
        assert!(methods.allowed("/api/projects/").is_empty());
        assert_eq!(methods.allowed("/healthz"), vec!["GET"]);
        // A literal segment is that path's own, not a value of another's parameter.
        assert_eq!(methods.allowed("/api/consultations/given"), vec!["POST"]);
        assert_eq!(methods.allowed("/api/consultations/5"), vec!["GET"]);
        // Pages of the web app are not walked through the documented paths.
        assert!(methods.allowed("/projects/17").is_empty());
        assert!(methods.allowed("/").is_empty());
    }
}
