//! HTTP integration tests: each test starts a real Concord (demo organisation unless noted) on a
//! random port, on SQLite and on PostgreSQL, and drives it over HTTP.
//!
//! Run: `cargo test -p server --test api -- --test-threads=1` (scripts/test.sh says why serially;
//! PostgreSQL from `CONCORD_TEST_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`).

// `both_engines!` expands to a module per test whose glob import some tests do not use; an
// `#[expect]` there would fail for the tests that do, so that one attribute stays an `#[allow]`.
#![expect(clippy::allow_attributes, reason = "both_engines! allows an unused glob import in the modules it generates")]

#[macro_use]
mod helpers;

mod audit;
mod calendar;
mod calendar_years;
mod client_errors;
mod concurrency;
mod demo_story;
mod departments;
mod invariants;
mod meetings;
mod notifications;
mod ops;
mod projects;
mod requirements;
mod schedule_settings;
mod session;
mod signoffs;
mod solutions;
mod stored_values;
mod tokens;
mod users;
mod versions;
