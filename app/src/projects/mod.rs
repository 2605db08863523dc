//! Projects and their stakeholder map: UI, server functions, wire types and (server) services.

pub mod api;
pub mod dto;
pub mod map;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
