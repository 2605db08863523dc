//! Building the application: database, migrations, optional demo data, router and layers.
//! `build` binds the listener first and reports its address, so tests start it on port 0.

use crate::config::Config;
use crate::{health, middleware, rest, server_fns};
use anyhow::Context;
use app::auth::limiter::LoginLimiter;
use app::state::AppState;
use app::{db, shell, App};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    state: AppState,
}

impl Application {
    /// Connects and migrates the database, loads the demo when asked (into an empty database
    /// only), and binds the listener.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let (pool, db_kind) = db::connect(&config.database_url).await?;
        db::migrate(&pool).await?;
        if config.runtime.demo {
            let today = app::domain::dates::Date::from_unix_millis(db::now_ms());
            match app::demo::seed(&pool, db_kind, today).await {
                Ok(true) => tracing::info!("demo organisation loaded"),
                Ok(false) => tracing::info!("database not empty: demo organisation not loaded again"),
                Err(e) => anyhow::bail!("loading the demo organisation failed: {e}"),
            }
        }
        let state = AppState {
            db: pool,
            db_kind,
            config: Arc::new(config.runtime.clone()),
            login_limiter: Arc::new(LoginLimiter::default()),
            setup_done: Default::default(),
            leptos_options: config.leptos_options(),
        };
        let listener = TcpListener::bind(config.addr).await.with_context(|| format!("binding {}", config.addr))?;
        let address = listener.local_addr()?;
        Ok(Application { router: router(state.clone()), listener, address, state })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until SIGINT or SIGTERM, then lets in-flight requests finish (up to a deadline).
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        spawn_session_sweeper(self.state.clone());
        crate::serving::serve(self.listener, self.router, shutdown_signal()).await;
        self.state.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// The whole HTTP surface: REST API, health, server functions, pages and static files.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();
    // Page renders are CPU-bound and each holds a reactive graph while it runs; more of them at once
    // than a few per core only raises memory, not throughput, so the rest wait their turn.
    let renders_at_once = std::thread::available_parallelism().map_or(4, |n| n.get() * 4);
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, move || provide_context(context_state.clone()), move || shell(shell_options.clone()))
        .route_layer(GlobalConcurrencyLimitLayer::new(renders_at_once))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), middleware::page_redirects));
    Router::new()
        .merge(rest::router())
        .route("/healthz", get(health::healthz))
        .route("/_sfn/{*name}", post(server_fns::handle).get(server_fns::handle))
        .merge(pages)
        .fallback(static_or_not_found)
        .layer(axum::middleware::from_fn(middleware::same_origin_for_cookie_writes))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::authenticate))
        .layer(axum::middleware::from_fn(server_fns::guard))
        .layer(axum::middleware::from_fn(middleware::refuse_control_characters))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::security_headers))
        .layer(CompressionLayer::new())
        // A request (its body included) that takes longer than this is answered 408.
        .layer(RequestBodyTimeoutLayer::new(crate::serving::REQUEST_TIMEOUT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, crate::serving::REQUEST_TIMEOUT))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let request_id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default();
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %request_id)
        }))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Static files (precompressed `.br`/`.gz` when present; hashed bundle names cached for a year),
/// else the app's own 404 page.
async fn static_or_not_found(State(state): State<AppState>, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let root = state.leptos_options.site_root.to_string();
    let file_request = Request::from_parts(parts.clone(), body);
    let served = ServeDir::new(&root).precompressed_br().precompressed_gzip().oneshot(file_request).await;
    match served {
        Ok(response) if response.status() != StatusCode::NOT_FOUND => {
            let mut response = response.map(Body::new);
            let cache = if parts.uri.path().starts_with("/pkg/") && state.leptos_options.hash_files {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=300"
            };
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
            response
        }
        _ => {
            // The page reads whether set-up is still needed from the state; make sure it was asked.
            if let Err(e) = app::accounts::service::needs_setup(&state).await {
                return e.into_response();
            }
            let options = state.leptos_options.clone();
            let render =
                leptos_axum::render_app_to_stream_with_context(move || provide_context(state.clone()), move || shell(options.clone()));
            render(Request::from_parts(parts, Body::empty())).await.into_response()
        }
    }
}

/// Expired sessions are deleted hourly so the table does not grow without bound.
fn spawn_session_sweeper(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Ok(mut conn) = state.db.acquire().await {
                match db::sessions::delete_expired(&mut conn, db::now_ms()).await {
                    Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions removed"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "removing expired sessions"),
                }
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
