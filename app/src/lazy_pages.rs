//! Every page's route, and the pages whose code the browser downloads only when first visited.
//!
//! `cargo leptos build --split` cuts each lazy route's view out of the main wasm into its own file;
//! the router fetches it alongside the page's data. Pages are split in groups, one per area of the
//! product (a project's pages, requirements, solutions, meetings, sign-offs, administration, sign-in,
//! the person's own pages): each split point adds loader code to the main bundle and shared chunks
//! per combination of parts, so a group is one split point whose view picks the page by the
//! address. The project list, where people land, stays in the main bundle. Every build must split
//! (the Makefile, test and release scripts do): an unsplit bundle with lazy routes cannot load.
//! Moving code between the main bundle and a group changes what every page loads: measure with
//! `scripts/bench/bundle.sh` (the README's benchmark section keeps the history of such moves).

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// Declares a lazy route `$group` holding several pages, each under its own name (an alias of the
/// group, as the router's routes name them) and picked by matching the address against its path
/// pattern (the same pattern as its `<Route>`).
macro_rules! lazy_group {
    ($group:ident { $($route:ident: $pattern:literal => $page:path),+ $(,)? }) => {
        pub struct $group;

        $(pub type $route = $group;)+

        #[lazy_route]
        impl LazyRoute for $group {
            fn data() -> Self {
                $group
            }

            fn view(_this: Self) -> AnyView {
                let path = leptos_router::hooks::use_location().pathname.get_untracked();
                $(if path_matches($pattern, &path) {
                    return $page().into_any();
                })+
                crate::NotFound().into_any()
            }
        }
    };
}

/// Whether `path` fits `pattern` (`/options/:id/edit`): the same number of segments, each equal or
/// a `:parameter`. A trailing slash is ignored.
fn path_matches(pattern: &str, path: &str) -> bool {
    let mut want = pattern.trim_end_matches('/').split('/');
    let mut have = path.trim_end_matches('/').split('/');
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some(w), Some(h)) if w.starts_with(':') && !h.is_empty() || w == h => {}
            _ => return false,
        }
    }
}

/// Declares every page's route once: the page that stays in the main bundle, and each lazy page
/// with its group (one split point), its route name, the path pattern and the component. From
/// this one list come the groups' views (which pick the page by the pattern) and [`routes!`],
/// the router's `<Routes>` that `App` renders, so a pattern cannot differ between the two.
/// (Patterns are `tt`s: `path!` does not accept a literal wrapped by a macro fragment.)
macro_rules! pages {
    (
        eager { $eager_pattern:tt => $eager_page:path }
        $($group:ident { $($route:ident: $pattern:tt => $page:path),+ $(,)? })+
    ) => {
        $(lazy_group!($group { $($route: $pattern => $page),+ });)+

        /// The router's routes: every page, each rendered on the server before it is sent.
        macro_rules! routes {
            () => {
                view! {
                    <Routes fallback=|| view! { <crate::NotFound/> }>
                        <Route path=path!($eager_pattern) view=$eager_page ssr=SsrMode::Async/>
                        $($(<Route path=path!($pattern) view={Lazy::<$crate::lazy_pages::$route>::new()} ssr=SsrMode::Async/>)+)+
                    </Routes>
                }
            };
        }
        pub(crate) use routes;
    };
}

pages! {
    eager { "/" => crate::projects::pages::ProjectsPage }

    ProjectPages {
        NewProjectRoute: "/projects/new" => crate::projects::pages::NewProjectPage,
        ProjectRoute: "/projects/:id" => crate::projects::pages::ProjectPage,
    }

    RequirementPages {
        RequirementListRoute: "/projects/:id/requirements" => crate::requirements::pages::RequirementListPage,
        NewRequirementRoute: "/projects/:id/requirements/new" => crate::requirements::pages::NewRequirementPage,
        RequirementRoute: "/requirements/:id" => crate::requirements::detail::RequirementPage,
        EditRequirementRoute: "/requirements/:id/edit" => crate::requirements::pages::EditRequirementPage,
        RequirementDiffRoute: "/requirements/:id/diff" => crate::requirements::pages::RequirementDiffPage,
    }

    SolutionPages {
        NewOptionRoute: "/requirements/:id/options/new" => crate::solutions::editor::NewOptionPage,
        CompareOptionsRoute: "/requirements/:id/options/compare" => crate::solutions::compare::CompareOptionsPage,
        OptionRoute: "/options/:id" => crate::solutions::option_page::OptionPage,
        EditOptionRoute: "/options/:id/edit" => crate::solutions::editor::EditOptionPage,
        ChangeRequestRoute: "/change-requests/:id" => crate::change_requests::request_page::ChangeRequestPage,
        DecisionsRoute: "/decisions" => crate::change_requests::decisions::DecisionsPage,
        ProjectScheduleRoute: "/projects/:id/schedule" => crate::change_requests::schedule_tab::ProjectSchedulePage,
    }

    MeetingPages {
        MeetingsRoute: "/projects/:id/meetings" => crate::meetings::pages::MeetingsPage,
        DecisionLogRoute: "/projects/:id/decision-log" => crate::meetings::pages::DecisionLogPage,
        MeetingRoute: "/meetings/:id" => crate::meetings::run::MeetingPage,
    }

    SignoffPages {
        SignoffsRoute: "/projects/:id/signoffs" => crate::signoffs::pages::SignoffsPage,
    }

    AdministrationPages {
        DepartmentsRoute: "/admin/departments" => crate::organisation::pages::DepartmentsPage,
        PeopleRoute: "/admin/people" => crate::organisation::pages::PeoplePage,
        ScheduleSettingsRoute: "/admin/schedule" => crate::schedule_settings::pages::ScheduleSettingsPage,
        PlanSandboxRoute: "/plan-sandbox" => crate::schedule::sandbox::PlanSandboxPage,
    }

    SignInPages {
        LoginRoute: "/login" => crate::accounts::pages::LoginPage,
        SetupRoute: "/setup" => crate::accounts::pages::SetupPage,
    }

    PersonalPages {
        AccountRoute: "/account" => crate::accounts::pages::AccountPage,
        InboxRoute: "/inbox" => crate::notifications::pages::InboxPage,
        MyActionItemsRoute: "/action-items" => crate::meetings::pages::MyActionItemsPage,
        CalendarFeedRoute: "/calendar-feed" => crate::meetings::pages::CalendarFeedPage,
    }
}

#[cfg(test)]
mod tests {
    use super::path_matches;

    #[test]
    fn a_page_is_picked_by_its_pattern() {
        assert!(path_matches("/options/:id", "/options/0193-ab"));
        assert!(path_matches("/options/:id/edit", "/options/0193-ab/edit/"));
        assert!(!path_matches("/options/:id", "/options/0193-ab/edit"));
        assert!(!path_matches("/options/:id/edit", "/options/0193-ab"));
        assert!(!path_matches("/projects/:id", "/projects/"));
        assert!(path_matches("/projects/new", "/projects/new"));
        assert!(!path_matches("/requirements/:id/options/new", "/requirements/1/options/compare"));
    }
}
