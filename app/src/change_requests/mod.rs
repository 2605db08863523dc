//! Schedule change requests (排期变更申请) and baselines (基线): the request a choice or a chosen
//! option's change opens, the leaders' decisions on it, the "waiting for my decision" list, and the
//! project's schedule tab with every agreed baseline. Options themselves are [`crate::solutions`],
//! which opens requests through [`service::open_request`].

pub mod api;
pub mod decisions;
pub mod dto;
pub mod messages;
pub mod request_page;
pub mod schedule_tab;
#[cfg(feature = "ssr")]
pub mod service;
