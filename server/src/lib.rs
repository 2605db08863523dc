//! The `concord` server: command line, configuration, HTTP stack, REST API and OpenAPI document.
//! The rules themselves live in the `app` crate's services; everything here is a thin door.

pub mod audit_cli;
pub mod calendar_cli;
pub mod cli;
pub mod config;
pub mod health;
pub mod middleware;
pub mod plan_cli;
pub mod rest;
pub mod server_fns;
pub mod serving;
pub mod startup;
pub mod telemetry;
