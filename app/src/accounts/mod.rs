//! Signing in and out, the one-time first-administrator set-up, a person's own password and
//! language, and personal access tokens.

pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

/// The demo accounts' shared password, shown on the login page in demo mode only.
pub const DEMO_PASSWORD: &str = "concord-demo";
