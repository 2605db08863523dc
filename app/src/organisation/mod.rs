//! The organisation: departments and the people in them (admin-managed).

pub mod api;
pub mod dto;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
