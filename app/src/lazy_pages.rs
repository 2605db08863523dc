//! Pages whose code the browser downloads only when they are first visited.
//!
//! `cargo leptos build --split` cuts each lazy route's view out of the main wasm into its own file;
//! the router fetches it alongside the page's data. Every build must split (the Makefile, test and
//! release scripts do): an unsplit bundle with lazy routes cannot load.
//! The pages everyone opens first — sign-in, set-up, the project list and a project's page — stay
//! in the main bundle; administration, the account page, the project form and everything about
//! requirements are split off. (Splitting off the small set-up page made the main bundle larger:
//! each split point adds loader code to it. And moving the schedule-settings page's strings out of
//! `i18n::Messages` into a page-local struct pulled the whole plan sandbox into the main bundle,
//! +22 KiB brotli: measure with `scripts/bench/bundle.sh` after such moves.)

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// Declares a lazy route `$route` that renders the page component `$page`.
macro_rules! lazy_page {
    ($route:ident, $page:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    };
}

lazy_page!(AccountRoute, crate::accounts::pages::AccountPage);
lazy_page!(NewProjectRoute, crate::projects::pages::NewProjectPage);
lazy_page!(DepartmentsRoute, crate::organisation::pages::DepartmentsPage);
lazy_page!(PeopleRoute, crate::organisation::pages::PeoplePage);
lazy_page!(ScheduleSettingsRoute, crate::schedule_settings::pages::ScheduleSettingsPage);
lazy_page!(RequirementListRoute, crate::requirements::pages::RequirementListPage);
lazy_page!(NewRequirementRoute, crate::requirements::pages::NewRequirementPage);
lazy_page!(RequirementRoute, crate::requirements::detail::RequirementPage);
lazy_page!(EditRequirementRoute, crate::requirements::pages::EditRequirementPage);
lazy_page!(RequirementDiffRoute, crate::requirements::pages::RequirementDiffPage);
lazy_page!(PlanSandboxRoute, crate::schedule::sandbox::PlanSandboxPage);
lazy_page!(NewOptionRoute, crate::solutions::editor::NewOptionPage);
lazy_page!(EditOptionRoute, crate::solutions::editor::EditOptionPage);
lazy_page!(OptionRoute, crate::solutions::option_page::OptionPage);
lazy_page!(CompareOptionsRoute, crate::solutions::compare::CompareOptionsPage);
lazy_page!(ChangeRequestRoute, crate::solutions::requests::ChangeRequestPage);
lazy_page!(DecisionsRoute, crate::solutions::decisions::DecisionsPage);
lazy_page!(ProjectScheduleRoute, crate::solutions::schedule_tab::ProjectSchedulePage);
lazy_page!(InboxRoute, crate::notifications::pages::InboxPage);
