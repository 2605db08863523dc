//! The harness: start a real Concord on a fresh database (SQLite or PostgreSQL) on a random port,
//! talk to it over HTTP like any client would, and clean up afterwards.
//!
//! `both_engines!(name, |app| async move { ... })` turns one test body into a module `name` with
//! two tests, `on_sqlite` and `on_postgres`. PostgreSQL is reached through
//! `CONCORD_TEST_POSTGRES_URL` (default [`DEFAULT_POSTGRES_URL`]); when it cannot be reached the
//! PostgreSQL test fails, it is never skipped.

use app::state::{AppState, RuntimeConfig};
use concord_server::config::Config;
use concord_server::startup::Application;
use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{Method, RequestBuilder};
use serde_json::{json, Value};
use sqlx::Connection;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use app::demo::DEMO_PASSWORD;

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
pub const SESSION_COOKIE: &str = "concord_session";
/// The demo project's name (the demo seeds exactly one project).
pub const DEMO_PROJECT: &str = "付款前须审批 Payment requires approval";

/// Runs a test body twice, as `<name>::on_sqlite` and `<name>::on_postgres`, each against its own
/// freshly started app with the demo organisation (or, with `without_demo`, an empty database).
///
/// Attributes written before the name (e.g. `#[ignore = "..."]`) apply to both tests;
/// `on_sqlite: #[...]` or `on_postgres: #[...]` after the name adds one to that engine's test only
/// (for a bug that shows on one engine).
macro_rules! both_engines {
    ($(#[$meta:meta])* $name:ident, without_demo, $body:expr $(,)?) => {
        both_engines!(@expand false; [$(#[$meta])*] [$(#[$meta])*] $name, $body);
    };
    ($(#[$meta:meta])* $name:ident, on_sqlite: #[$only:meta], $body:expr $(,)?) => {
        both_engines!(@expand true; [$(#[$meta])* #[$only]] [$(#[$meta])*] $name, $body);
    };
    ($(#[$meta:meta])* $name:ident, on_postgres: #[$only:meta], $body:expr $(,)?) => {
        both_engines!(@expand true; [$(#[$meta])*] [$(#[$meta])* #[$only]] $name, $body);
    };
    (@expand $demo:expr; [$(#[$sqlite:meta])*] [$(#[$postgres:meta])*] $name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports, reason = "a test that names nothing of its file leaves the glob unused")]
            use super::*;

            $(#[$sqlite])*
            #[tokio::test]
            async fn on_sqlite() {
                $crate::helpers::run($crate::helpers::Engine::Sqlite, $demo, $body).await
            }

            $(#[$postgres])*
            #[tokio::test]
            async fn on_postgres() {
                $crate::helpers::run($crate::helpers::Engine::Postgres, $demo, $body).await
            }
        }
    };
    ($(#[$meta:meta])* $name:ident, $body:expr $(,)?) => {
        both_engines!(@expand true; [$(#[$meta])*] [$(#[$meta])*] $name, $body);
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// What `/healthz` reports for this engine.
    pub fn health_name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// Where a test's database lives, so it can be removed afterwards.
enum Scratch {
    SqliteDir(PathBuf),
    Postgres { admin_url: String, name: String },
}

/// Starts an app on `engine` (with the demo organisation when `demo`), runs `test` against it,
/// stops the app and removes the database, then re-raises the test's panic if it had one.
pub async fn run<F, Fut>(engine: Engine, demo: bool, test: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with(engine, RuntimeConfig { demo, ..RuntimeConfig::default() }, test).await
}

/// [`run`] with a runtime configuration of the test's own (e.g. secure cookies).
pub async fn run_with<F, Fut>(engine: Engine, runtime: RuntimeConfig, test: F)
where
    F: FnOnce(TestApp) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if std::env::var_os("CONCORD_TEST_LOG").is_some() {
        concord_server::telemetry::init("info");
    }
    let (database_url, scratch) = match engine {
        Engine::Sqlite => sqlite_database(),
        Engine::Postgres => postgres_database().await,
    };
    let config = Config { database_url, addr: "127.0.0.1:0".parse().expect("a socket address"), runtime, site_root: "target/site".into() };
    let application = Application::build(config).await.unwrap_or_else(|e| panic!("starting Concord on {engine:?} failed: {e:#}"));
    let app = TestApp { address: application.address(), engine, state: application.state().clone() };
    let state = app.state.clone();
    let server = tokio::spawn(application.run_until_stopped());

    let outcome = tokio::spawn(test(app)).await;

    server.abort();
    let _ = server.await;
    state.db.close().await;
    remove(scratch).await;
    match outcome {
        Ok(()) => {}
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("the test body did not finish: {e}"),
    }
}

fn sqlite_database() -> (String, Scratch) {
    let dir = std::env::temp_dir().join(format!("concord-test-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    (format!("sqlite://{}/concord.db", dir.display()), Scratch::SqliteDir(dir))
}

async fn postgres_database() -> (String, Scratch) {
    let admin_url = std::env::var("CONCORD_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_string());
    let mut admin = sqlx::PgConnection::connect(&admin_url).await.unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is not reachable at {admin_url}: {e}\n\
             These tests need it (they never skip). Start it, e.g. \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, \
             or point CONCORD_TEST_POSTGRES_URL at a server where this user may create databases."
        )
    });
    let name = format!("concord_test_{}", uuid::Uuid::now_v7().simple());
    // Concurrent CREATE DATABASE can trip over each other copying template1: retry a little.
    let mut attempt = 0;
    loop {
        match sqlx::query(&format!("create database {name}")).execute(&mut admin).await {
            Ok(_) => break,
            Err(e) if attempt < 10 => {
                attempt += 1;
                eprintln!("create database {name} failed ({e}); retrying");
                tokio::time::sleep(Duration::from_millis(200 * attempt)).await;
            }
            Err(e) => panic!("creating the test database {name} on {admin_url}: {e}"),
        }
    }
    let _ = admin.close().await;
    (with_database(&admin_url, &name), Scratch::Postgres { admin_url, name })
}

/// `postgres://user@host:port/db?x=y` with `db` replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[authority_start..].find('/').map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

async fn remove(scratch: Scratch) {
    match scratch {
        Scratch::SqliteDir(dir) => {
            let _ = std::fs::remove_dir_all(dir);
        }
        Scratch::Postgres { admin_url, name } => {
            if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                let _ = sqlx::query(&format!("drop database if exists {name} with (force)")).execute(&mut admin).await;
                let _ = admin.close().await;
            }
        }
    }
}

/// A running Concord.
#[derive(Clone)]
pub struct TestApp {
    pub address: SocketAddr,
    pub engine: Engine,
    pub state: AppState,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// What a browser on one of our own pages sends as `Origin`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// A browser-like client: keeps cookies, sends our own `Origin`, does not follow redirects.
    pub fn client(&self) -> Client {
        let jar = Arc::new(Jar::default());
        let mut headers = HeaderMap::new();
        headers.insert(ORIGIN, HeaderValue::from_str(&self.origin()).expect("an origin header"));
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .expect("a reqwest client");
        Client { http, base: self.url(""), jar: Some(jar), bearer: None }
    }

    /// A script-like client: no cookie store, no `Origin`, no redirects. Headers (a `Cookie`, an
    /// `Authorization`) are added per request.
    pub fn bare_client(&self) -> Client {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .expect("a reqwest client");
        Client { http, base: self.url(""), jar: None, bearer: None }
    }

    /// A client that authenticates every request with `Authorization: Bearer <token>` only.
    pub fn token_client(&self, token: &str) -> Client {
        Client { bearer: Some(token.to_string()), ..self.bare_client() }
    }

    /// A fresh browser-like client signed in as `username` (demo password).
    pub async fn login(&self, username: &str) -> Client {
        self.login_with(username, DEMO_PASSWORD).await
    }

    pub async fn login_with(&self, username: &str, password: &str) -> Client {
        let client = self.client();
        let reply = client.sign_in(username, password).await;
        assert_eq!(reply.status, 200, "signing in as {username} failed: {reply}");
        client
    }
}

/// An HTTP client bound to one app (and, for browser-like clients, one cookie jar).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    jar: Option<Arc<Jar>>,
    bearer: Option<String>,
}

impl Client {
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let builder = self.http.request(method, format!("{}{path}", self.base));
        match &self.bearer {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    pub async fn send(&self, builder: RequestBuilder) -> Reply {
        let response = builder.send().await.unwrap_or_else(|e| panic!("sending a request: {e:?}"));
        Reply::read(response).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(self.request(Method::POST, path).json(&body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.send(self.request(Method::PUT, path).json(&body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.send(self.request(Method::PATCH, path).json(&body)).await
    }

    /// PATCHes `path` from the version it is at now (read with a GET of the same path: its
    /// `version`, or a meeting's `meeting.version`), for tests whose subject is not the version.
    pub async fn edit(&self, path: &str, body: Value) -> Reply {
        let current = self.read(path).await;
        let version = current.get("version").or_else(|| current.pointer("/meeting/version")).cloned();
        let version = version.unwrap_or_else(|| panic!("no version at {path}: {current}"));
        self.patch(path, with(&body, "version", version)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(self.request(Method::DELETE, path)).await
    }

    pub async fn delete_with(&self, path: &str, body: Value) -> Reply {
        self.send(self.request(Method::DELETE, path).json(&body)).await
    }

    /// `GET` asking for a page, as a browser does.
    pub async fn page(&self, path: &str) -> Reply {
        self.send(self.request(Method::GET, path).header(ACCEPT, "text/html").header("accept-language", "en")).await
    }

    /// `POST /api/v1/session`.
    pub async fn sign_in(&self, username: &str, password: &str) -> Reply {
        self.post("/api/v1/session", json!({ "username": username, "password": password })).await
    }

    /// The value of the session cookie this client holds, if any.
    pub fn session_cookie(&self) -> Option<String> {
        let jar = self.jar.as_ref()?;
        let url = self.base.parse().ok()?;
        let header = jar.cookies(&url)?;
        cookie_value(header.to_str().ok()?, SESSION_COOKIE)
    }

    /// The JSON body of a `GET` that must succeed with 200.
    pub async fn read(&self, path: &str) -> Value {
        let reply = self.get(path).await;
        assert_eq!(reply.status, 200, "GET {path}: {reply}");
        reply.json
    }

    // Look-ups by the names a human knows.

    pub async fn department_id(&self, code: &str) -> String {
        let departments = self.read("/api/v1/departments").await;
        find_by(&departments, "code", code)["id"].as_str().expect("a department id").to_string()
    }

    pub async fn user_id(&self, username: &str) -> String {
        let people = self.read("/api/v1/users").await;
        find_by(&people, "username", username)["id"].as_str().expect("a user id").to_string()
    }

    /// The id of the seeded project "付款前须审批 Payment requires approval".
    pub async fn demo_project_id(&self) -> String {
        let projects = self.read("/api/v1/projects").await;
        find_by(&projects, "name", DEMO_PROJECT)["id"].as_str().expect("a project id").to_string()
    }

    /// Creates a project as this client (who must be allowed to) and returns its JSON.
    pub async fn create_project(&self, body: Value) -> Value {
        let reply = self.post("/api/v1/projects", body).await;
        assert_eq!(reply.status, 201, "creating a project: {reply}");
        reply.json
    }

    /// Creates a requirement in `project_id` as this client (who must be allowed to); its JSON.
    pub async fn create_requirement(&self, project_id: &str, body: Value) -> Value {
        let reply = self.post(&requirements_path(project_id), body).await;
        reply.expect(201, "creating a requirement").clone()
    }
}

// Paths of the REST API, by what they name.

pub fn requirements_path(project_id: &str) -> String {
    format!("/api/v1/projects/{project_id}/requirements")
}

pub fn option_path(option_id: &str) -> String {
    format!("/api/v1/options/{option_id}")
}

/// A project's sign-off matrix.
pub fn matrix_path(project_id: &str) -> String {
    format!("/api/v1/projects/{project_id}/signoffs")
}

/// The id of a record's JSON.
pub fn id_of(value: &Value) -> String {
    value["id"].as_str().unwrap_or_else(|| panic!("an id in {value}")).to_string()
}

/// Owned strings, to compare with what a reply listed.
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// One HTTP response, read completely.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    /// The body as JSON, or `Null` when it is not JSON.
    pub json: Value,
}

impl Reply {
    async fn read(response: reqwest::Response) -> Reply {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_else(|e| panic!("reading a response body: {e}"));
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply { status, headers, text, json }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The value the response's `Set-Cookie` gives `name`.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers.get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
            let first = v.split(';').next()?;
            let (k, value) = first.split_once('=')?;
            (k.trim() == name).then(|| value.trim().to_string())
        })
    }

    pub fn error_code(&self) -> Option<&str> {
        self.json["error"]["code"].as_str()
    }

    pub fn error_field(&self) -> Option<&str> {
        self.json["error"]["field"].as_str()
    }

    /// Asserts the status, returning the JSON body.
    #[track_caller]
    pub fn expect(&self, status: u16, what: &str) -> &Value {
        assert_eq!(self.status, status, "{what}: unexpected status; {self}");
        &self.json
    }

    /// Asserts an error answer: status, `code`, and `field` (`None`: no field at all).
    #[track_caller]
    pub fn expect_error(&self, status: u16, code: &str, field: Option<&str>, what: &str) {
        assert_eq!(self.status, status, "{what}: unexpected status; {self}");
        assert_eq!(self.error_code(), Some(code), "{what}: unexpected error code; {self}");
        assert_eq!(self.error_field(), field, "{what}: unexpected error field; {self}");
        assert!(self.json["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{what}: the error has no message; {self}");
    }

    /// A 409 `conflict` whose stable `reason` names the rule that was in the way.
    pub fn expect_conflict(&self, reason: &str, what: &str) {
        self.expect_error(409, "conflict", None, what);
        assert_eq!(self.json["error"]["reason"].as_str(), Some(reason), "{what}: unexpected conflict reason; {self}");
    }
}

impl std::fmt::Display for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut body: String = self.text.chars().take(600).collect();
        if body.len() < self.text.len() {
            body.push('…');
        }
        write!(f, "HTTP {} {body}", self.status)
    }
}

/// Reads `name`'s value from a `Cookie` header value (`a=1; b=2`).
pub fn cookie_value(header: &str, name: &str) -> Option<String> {
    header.split(';').filter_map(|pair| pair.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
}

/// A `Cookie` header carrying only this session token.
pub fn session_header(token: &str) -> (reqwest::header::HeaderName, String) {
    (COOKIE, format!("{SESSION_COOKIE}={token}"))
}

/// The element of a JSON array whose `key` is `value`; fails the test when there is none.
#[track_caller]
pub fn find_by<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {list}"))
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no element with {key} = {value:?} in {list}"))
}

/// Whether a JSON array has an element whose `key` is `value`.
pub fn has(list: &Value, key: &str, value: &str) -> bool {
    list.as_array().is_some_and(|items| items.iter().any(|item| item[key] == value))
}

pub fn len(list: &Value) -> usize {
    list.as_array().unwrap_or_else(|| panic!("expected a JSON array, got {list}")).len()
}

/// A copy of a JSON object with `key` set to `value`.
pub fn with(base: &Value, key: &str, value: Value) -> Value {
    let mut out = base.clone();
    out[key] = value;
    out
}

/// A copy of a JSON object without `key`.
pub fn without(base: &Value, key: &str) -> Value {
    let mut out = base.clone();
    out.as_object_mut().expect("a JSON object").remove(key);
    out
}

/// A valid new project led by `lead_department_id`.
pub fn new_project(name: &str, lead_department_id: &str, visibility: &str) -> Value {
    json!({
        "name": name,
        "goal": "Charge orders only after approval.",
        "lead_department_id": lead_department_id,
        "kickoff_on": "2026-03-02",
        "target_launch_on": "2026-06-30",
        "visibility": visibility,
    })
}

/// Sorted `(upstream, downstream)` pairs of a links array.
pub fn link_pairs(links: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = links
        .as_array()
        .unwrap_or_else(|| panic!("expected a JSON array of links, got {links}"))
        .iter()
        .map(|l| {
            (
                l["upstream_department_id"].as_str().unwrap_or_default().to_string(),
                l["downstream_department_id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

/// Sorted `(department code, role)` pairs of a stakeholders array.
pub fn stakeholder_roles(stakeholders: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = stakeholders
        .as_array()
        .unwrap_or_else(|| panic!("expected a JSON array of stakeholders, got {stakeholders}"))
        .iter()
        .map(|s| (s["code"].as_str().unwrap_or_default().to_string(), s["role"].as_str().unwrap_or_default().to_string()))
        .collect();
    pairs.sort();
    pairs
}

pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    out.sort();
    out
}

/// A work plan as the API takes it (`plan` of an option), built item by item:
/// `WorkPlan::new().item("b-api", "B's API", "B", 3, &[]).milestone("launch", &["b-api"]).json()`.
#[derive(Default)]
pub struct WorkPlan {
    items: Vec<Value>,
    milestones: Vec<Value>,
}

impl WorkPlan {
    pub fn new() -> Self {
        Self::default()
    }

    /// A work item of `department` (its code) taking `effort` working days, after the ids listed.
    pub fn item(mut self, id: &str, name: &str, department: &str, effort: i64, after: &[&str]) -> Self {
        let mut item = json!({"id": id, "name": name, "department": department, "effort": effort});
        if !after.is_empty() {
            item["after"] = json!(after);
        }
        self.items.push(item);
        self
    }

    /// A milestone reached when the ids listed are done.
    pub fn milestone(mut self, id: &str, after: &[&str]) -> Self {
        self.milestones.push(json!({"id": id, "after": after}));
        self
    }

    pub fn json(self) -> Value {
        json!({"items": self.items, "milestones": self.milestones})
    }
}

/// Fires `racers` requests at once (request `i` made by `request(i)`) and waits for all of them.
pub async fn race<F, Fut>(racers: usize, request: F) -> Vec<Reply>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = Reply> + Send + 'static,
{
    let handles: Vec<_> = (0..racers).map(|i| tokio::spawn(request(i))).collect();
    let mut replies = Vec::with_capacity(racers);
    for handle in handles {
        replies.push(handle.await.expect("a racing request"));
    }
    replies
}

/// Counts the statuses (and error codes) of a batch of replies: `{"201": 1, "409 duplicate": 7}`.
pub fn tally(replies: &[Reply]) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for reply in replies {
        let key = match reply.error_code() {
            Some(code) => format!("{} {code}", reply.status),
            None => reply.status.to_string(),
        };
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

/// Asserts the tally of a batch (counts of 0 may be listed; they are left out).
#[track_caller]
pub fn assert_tally(replies: &[Reply], expected: &[(&str, usize)], what: &str) {
    let expected: std::collections::BTreeMap<String, usize> =
        expected.iter().filter(|(_, n)| *n > 0).map(|(k, n)| (k.to_string(), *n)).collect();
    let all = replies.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("\n");
    assert_eq!(tally(replies), expected, "{what}:\n{all}");
}
