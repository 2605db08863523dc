//! Meetings of a project: scheduling with an agenda linked to requirements, options and change
//! requests; running them (attendance, minutes per agenda item, decisions, action items); closing,
//! which locks the record (and writes it to the audit log), and amendments afterwards; the
//! project's decision log, the decisions shown on what they decided, "my action items" across
//! projects, and calendar export (`.ics` per meeting and a per-person subscribable feed).
//! UI, server functions, wire types, the iCalendar writer and (server) services.

pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar;
pub mod dto;
pub mod ics;
#[cfg(feature = "ssr")]
mod loaded;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod record;
pub mod run;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod views;
