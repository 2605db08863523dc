//! Sign-offs (签字确认): the project's sign-off matrix (who must sign which
//! requirement, solution and baseline, and whether each signature is current, stale or missing),
//! signing with the password re-entered, revoking with a reason, and telling people when a
//! subject's change leaves them a signature to give again. Every signature and revocation is also
//! written to the audit log ([`crate::audit`]).

pub mod api;
pub mod dto;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
