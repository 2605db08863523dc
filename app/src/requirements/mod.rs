//! Requirements filled in the browser: revisions, diffs, scenarios, change points, the status
//! workflow, comments, and no lost update. UI, server functions, wire types and (server) services.

pub mod api;
pub mod detail;
pub mod diff_view;
pub mod dto;
pub mod editor;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
