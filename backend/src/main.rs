//! The server binary: `backend [serve|migrate|create-admin|openapi]`.

use anyhow::Context;
use backend::config::{Cli, Command};
use backend::startup::Application;
use backend::{admin, db, demo, telemetry};
use clap::Parser;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    let settings = cli.settings;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", backend::startup::api_spec_json()?);
            Ok(())
        }
        Command::Migrate => {
            telemetry::init(&settings.log_format);
            std::fs::create_dir_all(&settings.data_dir)?;
            db::connect(&settings.database_url(), 1)?;
            println!("Migrations applied to {}", db::redact(&settings.database_url()));
            Ok(())
        }
        Command::CreateAdmin(args) => {
            telemetry::init(&settings.log_format);
            std::fs::create_dir_all(&settings.data_dir)?;
            let pool = db::connect(&settings.database_url(), 1)?;
            let mut conn = pool.get().context("cannot connect to the database")?;
            let created = admin::create_admin(&mut conn, &args)?;
            println!(
                "Platform administrator {} created (user id {}, organisation id {}).",
                args.email, created.user_id, created.org_id
            );
            if let Some(password) = created.generated_password {
                println!("Generated password (shown once): {password}");
            }
            Ok(())
        }
        Command::Seed(args) => {
            telemetry::init(&settings.log_format);
            std::fs::create_dir_all(&settings.data_dir)?;
            let pool = db::connect(&settings.database_url(), 1)?;
            let mut conn = pool.get().context("cannot connect to the database")?;
            let seeded = backend::seed::run(&mut conn, args)?;
            println!(
                "Seeded {} rows in {:.1} s into {}",
                seeded.rows,
                seeded.seconds,
                db::redact(&settings.database_url())
            );
            Ok(())
        }
        Command::Serve => {
            telemetry::init(&settings.log_format);
            actix_web::rt::System::new().block_on(serve(settings))
        }
    }
}

async fn serve(settings: backend::config::Settings) -> anyhow::Result<()> {
    let app = Application::build(&settings)?;
    if settings.demo_data {
        let storage = app.state().storage.clone();
        let loaded = db::run(&app.state().pool, move |conn| {
            demo::load_if_empty(conn, storage.as_ref())
        })
        .await
        .map_err(|err| anyhow::anyhow!("cannot load the demo data: {err}"))?;
        if loaded {
            tracing::info!("demo municipality loaded");
        }
        println!("\nDemo sign-ins (password «{}»):", demo::DEMO_PASSWORD);
        for (email, description) in demo::logins() {
            println!("  {email:<24} {description}");
        }
    }
    println!(
        "\nИнновационная площадка: http://{}:{}/  (API docs: /api/docs/)\n",
        settings.host,
        app.port()
    );
    app.run_until_stopped()
        .await
        .context("the server stopped with an error")
}
