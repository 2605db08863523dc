//! Requirements filled in the browser: revisions, diffs, scenarios, change points, the status
//! workflow, comments, and no lost update. UI, server functions, wire types and (server) services.

pub mod api;
pub mod dto;
pub mod messages;
#[cfg(feature = "ssr")]
pub mod service;
