//! Pure rules and types shared by the server and the browser bundle.
//!
//! Nothing in here touches I/O, the clock, leptos, sqlx or tokio: callers pass `today` in,
//! and every type that crosses the wire uses fixed-width integers (wasm is 32-bit).

pub mod dates;
pub mod error;
pub mod meetings;
pub mod people;
pub mod permissions;
pub mod plan_cells;
pub mod projects;
pub mod requirement_content;
pub mod requirement_diff;
pub mod requirements;
pub mod schedule;
pub mod schedule_settings;
pub mod signoffs;
pub mod solutions;
pub mod stakeholder_map;
pub mod text;

pub use error::{DomainError, Field};
