//! The command line: `serve`, `migrate`, `seed-demo`, `plan`, `calendar check`, `create-user`,
//! `audit verify`, `openapi`.

use crate::config::{Config, DEFAULT_DATABASE_URL};
use anyhow::Context;
use app::db;
use app::state::RuntimeConfig;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::net::SocketAddr;

#[derive(Parser, Debug)]
#[command(name = "concord", version, about = "Concord: cross-department requirements, solutions and schedules")]
pub struct Cli {
    /// Database URL: sqlite://path/to/file.db or postgres://user@host/db
    #[arg(long, global = true, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,
    /// Log filter, e.g. info, debug, concord_server=debug (RUST_LOG overrides it)
    #[arg(long, global = true, env = "CONCORD_LOG", default_value = "info")]
    pub log: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web app and the REST API (migrates the database first)
    Serve {
        /// Address to listen on
        #[arg(long, env = "CONCORD_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Load the demo organisation into an empty database and list its accounts on the login page
        #[arg(long, env = "CONCORD_DEMO")]
        demo: bool,
        /// Mark cookies Secure (set this when Concord is served over https)
        #[arg(long, env = "CONCORD_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Sign a browser out after this many minutes without a request
        #[arg(long, env = "CONCORD_SESSION_IDLE_MINUTES", default_value_t = RuntimeConfig::DEFAULT_SESSION_IDLE_MINUTES,
              value_parser = clap::value_parser!(u32).range(1..=20_160))]
        session_idle_minutes: u32,
        /// Behind a reverse proxy: the header in which it names the client's address (e.g.
        /// x-forwarded-for); failed sign-ins are then counted per that address
        #[arg(long, env = "CONCORD_CLIENT_ADDRESS_HEADER")]
        client_address_header: Option<String>,
        /// Folder with the built site (pkg/ and public assets)
        #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
        site_root: String,
    },
    /// Apply database migrations and exit
    Migrate,
    /// Load the demo organisation into an empty database and exit
    SeedDemo,
    /// Schedule plan files and compare them (no database needed)
    #[command(subcommand)]
    Plan(crate::plan_cli::PlanCommand),
    /// Check the audit log's hash chain and the sign-off fingerprints
    #[command(subcommand)]
    Audit(crate::audit_cli::AuditCommand),
    /// Which years of holidays the calendars know
    #[command(subcommand)]
    Calendar(crate::calendar_cli::CalendarCommand),
    /// Print the REST API's OpenAPI document (what `docs/openapi.json` holds; no database needed)
    Openapi,
    /// Create a person; the password is read from standard input
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// Department code, e.g. A
        #[arg(long)]
        department: String,
        /// Chinese name, to create the department when the code is new
        #[arg(long, requires = "department_name_en")]
        department_name_zh: Option<String>,
        /// English name, to create the department when the code is new
        #[arg(long, requires = "department_name_zh")]
        department_name_en: Option<String>,
        /// pm, architect, engineer, tech-manager or leader
        #[arg(long)]
        role: String,
        #[arg(long)]
        admin: bool,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Plan(plan) => match crate::plan_cli::run(plan) {
            Ok(out) => {
                println!("{out}");
                Ok(())
            }
            Err(failure) => {
                eprintln!("{}", failure.message);
                std::process::exit(failure.status);
            }
        },
        Command::Serve { addr, demo, secure_cookies, session_idle_minutes, client_address_header, site_root } => {
            // LEPTOS_SITE_ADDR is what cargo-leptos sets; CONCORD_ADDR/--addr win when given.
            let addr = match (std::env::var("CONCORD_ADDR").is_err(), std::env::var("LEPTOS_SITE_ADDR").ok()) {
                (true, Some(site_addr)) => site_addr.parse().context("LEPTOS_SITE_ADDR is not an address")?,
                _ => addr,
            };
            let config = Config {
                database_url: cli.database_url,
                addr,
                runtime: RuntimeConfig {
                    demo,
                    secure_cookies,
                    session_idle_minutes,
                    client_address_header: client_address_header.map(|h| h.trim().to_ascii_lowercase()),
                },
                site_root,
            };
            let application = crate::startup::Application::build(config).await?;
            tracing::info!(address = %application.address(), "Concord is listening on http://{}", application.address());
            application.run_until_stopped().await
        }
        Command::Audit(audit) => {
            let status = crate::audit_cli::run(&cli.database_url, audit).await?;
            if status != 0 {
                std::process::exit(status);
            }
            Ok(())
        }
        Command::Calendar(calendar) => {
            let status = crate::calendar_cli::run(&cli.database_url, calendar).await?;
            if status != 0 {
                std::process::exit(status);
            }
            Ok(())
        }
        Command::Openapi => {
            println!("{}", crate::rest::openapi_json());
            Ok(())
        }
        Command::Migrate => {
            let (pool, kind) = db::connect(&cli.database_url).await?;
            db::migrate(&pool).await?;
            println!("migrations applied ({})", kind.as_str());
            Ok(())
        }
        Command::SeedDemo => {
            let (pool, kind) = db::connect(&cli.database_url).await?;
            db::migrate(&pool).await?;
            let today = app::domain::dates::Date::from_unix_millis(db::now_ms());
            match app::demo::seed(&pool, kind, today).await {
                Ok(true) => {
                    println!("demo organisation loaded; every demo account's password is {}", app::demo::DEMO_PASSWORD);
                    Ok(())
                }
                Ok(false) => anyhow::bail!("the database already has departments; the demo loads only into an empty database"),
                Err(e) => anyhow::bail!("loading the demo failed: {e}"),
            }
        }
        Command::CreateUser { username, display_name, department, role, admin, department_name_zh, department_name_en } => {
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password).context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            let (pool, _) = db::connect(&cli.database_url).await?;
            db::migrate(&pool).await?;
            let mut tx = pool.begin().await?;
            let existing = db::departments::find_by_code(&mut tx, &department.trim().to_ascii_uppercase()).await?;
            let department_id = match (existing, department_name_zh, department_name_en) {
                (Some(found), _, _) => found.department_id,
                (None, Some(name_zh), Some(name_en)) => {
                    let input = app::organisation::dto::DepartmentInput { code: department.clone(), name_zh, name_en };
                    app::organisation::service::insert_department(&mut tx, &input).await.map_err(|e| anyhow::anyhow!("{e}"))?.department_id
                }
                _ => {
                    anyhow::bail!("no department with code {department:?}; add --department-name-zh and --department-name-en to create it")
                }
            };
            let person = app::organisation::dto::NewPerson { username, display_name, department_id, role, is_admin: admin, password };
            let row = app::organisation::service::insert_person(&mut tx, &person).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            tx.commit().await?;
            println!("created {} ({})", row.username, row.user_id);
            Ok(())
        }
    }
}
