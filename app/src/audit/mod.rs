//! The append-only audit log: sign-offs, revocations, decisions, closed and
//! amended meetings and leaders' decisions on change requests, each entry carrying the SHA-256 of
//! the previous one, so altering, inserting or removing an entry breaks the chain where it happened.
//!
//! Other features call [`record`] inside their own write transaction, so an entry exists exactly
//! when the thing it records was committed. [`service::verify_chain`] recomputes the chain (the
//! first step of `concord audit verify`, see `crate::trail`); [`service::list`] serves a project's
//! entries to its readers.
//!
//! Times are the moment an entry was recorded and are never changed afterwards, not even by the
//! demo (which redates its other rows to tell the seed story): the demo's entries carry the time
//! the demo was loaded, in story order.

pub mod api;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod service;

#[cfg(feature = "ssr")]
pub use service::{record, NewAuditEntry};

pub use dto::AuditAction;
