//! The schedule feature: the engine's words ([`messages`], [`describe`]), the Gantt picture
//! ([`gantt`] draws it, [`chart`] puts it on pages) and the plan sandbox page.
//! The engine itself is [`crate::domain::schedule`].

pub mod chart;
pub mod describe;
pub mod examples;
pub mod gantt;
pub mod messages;
pub mod sandbox;
