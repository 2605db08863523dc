//! The in-app inbox: notifications that other features' services store for the people an event
//! concerns (a leader's decision needed, a request's outcome, comments and concerns on one's
//! options, mentions), the `/inbox` page, and the unread count the header shows.
//! UI, server functions, wire types and (server) services.

pub mod api;
pub mod dto;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
