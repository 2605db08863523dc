//! Solution options (技术方案) with work plans, their live schedule impact, architects' comments and
//! concerns, and choosing. Choosing (or changing a chosen option) opens a schedule change request,
//! which [`crate::change_requests`] owns. UI, server functions, wire types and (server) services.

pub mod api;
pub mod compare;
pub mod diff_view;
pub mod dto;
pub mod editor;
pub mod impact;
pub mod impact_view;
pub mod messages;
pub mod option_list;
pub mod option_page;
pub mod plan_draft;
pub mod plan_table;
#[cfg(feature = "ssr")]
pub mod request_opening;
#[cfg(feature = "ssr")]
pub mod service;
