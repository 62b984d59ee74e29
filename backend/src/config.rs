//! Configuration from the command line, the environment and `.env`.

use crate::domain::quota::StorageQuota;
use crate::http::forwarded::TrustedProxies;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The innovation platform's API server.
#[derive(Debug, Parser)]
#[command(name = "backend", version, about)]
pub struct Cli {
    /// Settings shared by every command.
    #[command(flatten)]
    pub settings: Settings,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands of the server binary.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the web app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a platform administrator (and, on an empty database, the committee organisation).
    CreateAdmin(CreateAdminArgs),
    /// Print the OpenAPI specification as JSON.
    Openapi,
    /// Fill the database with region-scale generated data, for measurement.
    Seed(crate::seed::SeedArgs),
}

/// Arguments of `create-admin`.
#[derive(Debug, Args)]
pub struct CreateAdminArgs {
    /// The administrator's sign-in e-mail.
    #[arg(long)]
    pub email: String,
    /// The administrator's full name.
    #[arg(long)]
    pub full_name: String,
    /// The password; read from ADMIN_PASSWORD, or generated and printed when absent.
    #[arg(long, env = "ADMIN_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Id of an existing organisation to put the administrator in.
    #[arg(long)]
    pub organisation_id: Option<i64>,
    /// Name of the committee organisation created when no organisation id is given.
    #[arg(long, default_value = "Комитет образования и науки")]
    pub organisation_name: String,
    /// Municipality of that organisation.
    #[arg(long, default_value = "Новокузнецкий городской округ")]
    pub municipality: String,
}

/// Settings of the server, each from a flag or an environment variable.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address to listen on.
    #[arg(long, env = "HOST", default_value = "127.0.0.1", global = true)]
    pub host: String,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "PORT", default_value_t = 8080, global = true)]
    pub port: u16,
    /// Directory for the SQLite file, the generated JWT key and uploaded files.
    #[arg(long, env = "DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// `postgres://user@host/db` for PostgreSQL; unset means SQLite in DATA_DIR.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,
    /// Key that signs access tokens, at least 32 characters; unset means one generated
    /// once into DATA_DIR/jwt_secret (mode 0600). Set it when several instances run.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true, global = true)]
    pub jwt_secret: Option<String>,
    /// Directory of the built web app (index.html, wasm) served at `/`.
    #[arg(long, env = "STATIC_DIR", default_value = "./dist", global = true)]
    pub static_dir: PathBuf,
    /// Load the demo municipality into an empty database.
    #[arg(long, env = "DEMO_DATA", default_value_t = false, global = true)]
    pub demo_data: bool,
    /// Database connections in the pool.
    #[arg(long, env = "DB_POOL_SIZE", default_value_t = 10, global = true)]
    pub db_pool_size: u32,
    /// HTTP worker threads (default: one per CPU core).
    #[arg(long, env = "WORKERS", global = true)]
    pub workers: Option<usize>,
    /// Log format: `json` (one object a line) or `text`.
    #[arg(long, env = "LOG_FORMAT", default_value = "json", global = true)]
    pub log_format: String,
    /// Serve the interactive API documentation (Swagger UI) at `/api/docs/`. The
    /// specification itself stays at `/api/openapi.json` either way.
    #[arg(
        long,
        env = "API_DOCS",
        default_value_t = true,
        action = clap::ArgAction::Set,
        value_parser = clap::builder::BoolishValueParser::new(),
        global = true
    )]
    pub api_docs: bool,
    /// When the refresh-token cookie is marked `Secure`: `auto` (when the request came
    /// over HTTPS, as a proxy's `X-Forwarded-Proto` or `Forwarded` header says),
    /// `always` or `never`.
    #[arg(long, env = "COOKIE_SECURE", value_enum, default_value_t = CookieSecure::Auto, global = true)]
    pub cookie_secure: CookieSecure,
    /// Seconds a PostgreSQL statement may run before the server cancels it (0: no limit).
    #[arg(long, env = "DB_STATEMENT_TIMEOUT", default_value_t = 30, global = true)]
    pub db_statement_timeout: u64,
    /// Seconds a client has to send a whole request body before it is answered with
    /// `408 request_timeout` (the headers have 5 seconds).
    #[arg(long, env = "BODY_READ_TIMEOUT", default_value_t = 60, global = true)]
    pub body_read_timeout: u64,
    /// Where Prometheus metrics are served (`GET /metrics`), e.g. `127.0.0.1:9464`; unset,
    /// no metrics are kept or served. Never the public address.
    #[arg(long, env = "METRICS_LISTEN", global = true)]
    pub metrics_listen: Option<String>,
    /// The reverse proxies in front of the server: comma-separated addresses and CIDR
    /// networks (`10.0.0.5,2001:db8::/64`; a bare address is one host), none by default.
    /// On a connection from one of them the client is read from `X-Forwarded-For` or
    /// `Forwarded`, for the per-client limits and the sign-in lock-out; from anyone else
    /// those headers are ignored. List only the proxies' addresses: whoever connects from
    /// a listed address can pass for any client.
    #[arg(
        long,
        env = "TRUSTED_PROXIES",
        default_value = "",
        hide_default_value = true,
        global = true
    )]
    pub trusted_proxies: TrustedProxies,
    /// The most files an organisation keeps (attachments and resource version files
    /// together); an upload past it is refused with `413 quota_exceeded`.
    #[arg(long, env = "ATTACHMENT_QUOTA_FILES", default_value_t = StorageQuota::DEFAULT_FILES, global = true)]
    pub attachment_quota_files: u64,
    /// The most bytes an organisation's files take together (default 2 GiB).
    #[arg(long, env = "ATTACHMENT_QUOTA_BYTES", default_value_t = StorageQuota::DEFAULT_BYTES, global = true)]
    pub attachment_quota_bytes: u64,
}

/// When the refresh-token cookie carries the `Secure` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CookieSecure {
    /// When the request came over HTTPS (told by a proxy's `X-Forwarded-Proto` or
    /// `Forwarded: proto=https`); such a header can only add the attribute, never remove it.
    Auto,
    /// Always (a deployment served over HTTPS only).
    Always,
    /// Never (plain HTTP on a trusted network).
    Never,
}

impl Settings {
    /// The database URL in effect: the configured one or the SQLite file in DATA_DIR.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.clone(),
            _ => self.data_dir.join("innovation.db").to_string_lossy().into_owned(),
        }
    }

    /// How much each organisation may store.
    pub fn storage_quota(&self) -> StorageQuota {
        StorageQuota::new(self.attachment_quota_files, self.attachment_quota_bytes)
    }

    /// The PostgreSQL statement timeout, `None` when disabled.
    pub fn statement_timeout(&self) -> Option<std::time::Duration> {
        (self.db_statement_timeout > 0).then(|| std::time::Duration::from_secs(self.db_statement_timeout))
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::Parser;

    #[test]
    fn no_proxy_is_trusted_unless_configured() {
        let cli = Cli::try_parse_from(["backend"]).unwrap();
        assert!(cli.settings.trusted_proxies.is_empty());
    }

    #[test]
    fn trusted_proxies_are_a_comma_separated_list_of_networks() {
        let cli = Cli::try_parse_from(["backend", "--trusted-proxies", "10.0.0.0/8, 2001:db8::1"]).unwrap();
        assert_eq!(cli.settings.trusted_proxies.to_string(), "10.0.0.0/8,2001:db8::1/128");
        assert!(cli.settings.trusted_proxies.trusts("10.9.8.7".parse().unwrap()));
    }

    #[test]
    fn an_invalid_trusted_proxy_stops_the_server_naming_the_entry() {
        let err = Cli::try_parse_from(["backend", "serve", "--trusted-proxies", "10.0.0.0/8,10.0.0.0/40"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
        let message = err.to_string();
        assert!(
            message.contains("`10.0.0.0/40` is not an IP address or CIDR network"),
            "{message}"
        );
        assert!(message.contains("TRUSTED_PROXIES"), "{message}");
    }
}
