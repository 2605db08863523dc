//! The seed case as plan files (`docs/examples/`): the sandbox's "load the example" button, the
//! engine's tests and the README all use these same files.

/// Meeting 1: B's approval query API only.
pub const SEED_QUERY_API: &str = include_str!("../../../docs/examples/seed-query-api.json");
/// Meeting 2: B also sends an approval-passed message; B runs one item at a time.
pub const SEED_APPROVAL_MESSAGE: &str = include_str!("../../../docs/examples/seed-approval-message.json");
/// The option where C must build a new order API first and has no slot until 2025-02-17.
pub const SEED_NEW_API_FROM_C: &str = include_str!("../../../docs/examples/seed-new-api-from-c.json");
