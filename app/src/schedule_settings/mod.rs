//! Schedule settings: the organisation's working-day calendar and each team's capacity,
//! availability and own calendar — what plans are built from. Everyone signed in reads them;
//! admins set the calendar, a department's leader or tech manager (or an admin) sets its team's.
//! The rules are [`crate::domain::schedule_settings`] and [`crate::domain::permissions`]; the
//! holiday years people enter on a calendar are [`calendar_years`] (service) and [`years_page`].

pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar_years;
pub mod dto;
pub mod messages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod years_page;
