//! Logging, set up once: `tracing` with an env-filter (`--log` / `RUST_LOG`); human-readable lines
//! by default, one JSON object per event with `CONCORD_LOG_FORMAT=json` (for log collectors).
//! Every request runs in a span carrying its method, path and `x-request-id`.

use tracing_subscriber::EnvFilter;

pub fn init(default_level: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let _ = if std::env::var("CONCORD_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        builder.json().with_current_span(true).try_init()
    } else {
        builder.try_init()
    };
}
