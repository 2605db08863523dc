//! Solution options (技术方案) with work plans, their live schedule impact, architects' comments and
//! concerns, choosing, schedule change requests decided by leaders, and the project's baselines.
//! UI, server functions, wire types and (server) services.

pub mod api;
pub mod compare;
pub mod decisions;
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
pub mod request_messages;
#[cfg(feature = "ssr")]
pub mod request_service;
pub mod requests;
pub mod schedule_tab;
#[cfg(feature = "ssr")]
pub mod service;
