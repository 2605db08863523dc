//! Password-guess limits, per account and per client address, kept in memory.
//!
//! Only failures count: a whole office behind one address signs in all morning without meeting
//! the address limit, while a guesser meets it after [`ADDRESS_FAILURES`] wrong passwords.
//! Checking and counting are one step under one lock: an attempt is counted as a failure when it
//! begins and taken back when the password proves right, so thirty guesses sent at once against
//! one account get [`ACCOUNT_FAILURES`] tries, not thirty.
//!
//! Memory is bounded: a key holds at most its limit of instants, instants leave after
//! [`WINDOW`], and each map holds at most [`MAX_KEYS`] keys (beyond that the least recently
//! failing key is forgotten). Callers refuse over-long usernames before they get here.
//!
//! In memory on purpose: the limit only has to slow down guessing, and a shared table would put a
//! write on every failed login. Behind a load balancer each instance counts on its own, so the
//! effective limit is (instances × limit): documented in the README.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per account inside the window.
pub const ACCOUNT_FAILURES: usize = 5;
/// Failed attempts allowed per client address inside the window.
pub const ADDRESS_FAILURES: usize = 30;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Keys kept per map at most (accounts, addresses).
pub const MAX_KEYS: usize = 10_000;

/// What a password is being checked for: each has its own budget per account, so failed sign-ins
/// never lock a leader out of signing, and the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    SignIn,
    /// Signing, revoking or deciding: the password confirms a signature.
    Signing,
    PasswordChange,
}

impl Purpose {
    fn key(self, account: &str) -> String {
        match self {
            Purpose::SignIn => format!("sign-in:{account}"),
            Purpose::Signing => format!("signing:{account}"),
            Purpose::PasswordChange => format!("password-change:{account}"),
        }
    }
}

/// An attempt in progress, counted as a failure until [`LoginLimiter::succeeded`] takes it back.
#[must_use = "a successful attempt must be handed back with `succeeded`"]
pub struct Attempt {
    account: String,
    address: String,
    at: Instant,
}

#[derive(Default)]
struct Failures {
    by_account: HashMap<String, Vec<Instant>>,
    by_address: HashMap<String, Vec<Instant>>,
}

#[derive(Default)]
pub struct LoginLimiter {
    failures: Mutex<Failures>,
}

impl LoginLimiter {
    /// Begins a password check for `account` from `address`: `Err(seconds until a try is free)`
    /// when either has used its failures inside the window; otherwise the attempt is counted now.
    pub fn begin(&self, purpose: Purpose, account: &str, address: &str, now: Instant) -> Result<Attempt, u32> {
        let account = purpose.key(account);
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let Failures { by_account, by_address } = &mut *failures;
        let of_account = recent(by_account, &account, now);
        let of_address = recent(by_address, address, now);
        if of_account.len() >= ACCOUNT_FAILURES {
            return Err(retry_after(&of_account, now));
        }
        if of_address.len() >= ADDRESS_FAILURES {
            return Err(retry_after(&of_address, now));
        }
        count(by_account, &account, now);
        count(by_address, address, now);
        Ok(Attempt { account, address: address.to_string(), at: now })
    }

    /// The password was right: the attempt was no failure, and the account's earlier failures
    /// are forgiven (its owner is back).
    pub fn succeeded(&self, attempt: Attempt) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.by_account.remove(&attempt.account);
        if let Some(times) = failures.by_address.get_mut(&attempt.address) {
            if let Some(at) = times.iter().position(|t| *t == attempt.at) {
                times.swap_remove(at);
            }
            if times.is_empty() {
                failures.by_address.remove(&attempt.address);
            }
        }
    }

    /// How many keys the limiter holds (accounts, addresses): what its memory grows with.
    pub fn keys(&self) -> (usize, usize) {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        (failures.by_account.len(), failures.by_address.len())
    }
}

/// The instants of `key` still inside the window (expired ones are dropped from the map).
fn recent(map: &mut HashMap<String, Vec<Instant>>, key: &str, now: Instant) -> Vec<Instant> {
    let Some(times) = map.get_mut(key) else { return Vec::new() };
    times.retain(|t| now.duration_since(*t) < WINDOW);
    let kept = times.clone();
    if kept.is_empty() {
        map.remove(key);
    }
    kept
}

/// Adds `now` to `key`, making room first when the map is full: expired keys go, then the key
/// whose last failure is oldest.
fn count(map: &mut HashMap<String, Vec<Instant>>, key: &str, now: Instant) {
    if !map.contains_key(key) && map.len() >= MAX_KEYS {
        map.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < WINDOW));
        if map.len() >= MAX_KEYS {
            let stalest = map.iter().min_by_key(|(_, times)| times.iter().max().copied()).map(|(k, _)| k.clone());
            if let Some(stalest) = stalest {
                map.remove(&stalest);
            }
        }
    }
    map.entry(key.to_string()).or_default().push(now);
}

fn retry_after(times: &[Instant], now: Instant) -> u32 {
    let oldest = times.iter().min().copied().unwrap_or(now);
    (WINDOW.saturating_sub(now.duration_since(oldest)).as_secs() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_locked_after_five_failures_and_others_are_not() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..ACCOUNT_FAILURES {
            let _failed = limiter.begin(Purpose::SignIn, "xiaozhang", "10.0.0.1", now).unwrap();
        }
        let wait = limiter.begin(Purpose::SignIn, "xiaozhang", "10.0.0.2", now).err().unwrap();
        assert!(wait > 0 && wait <= WINDOW.as_secs() as u32);
        assert!(limiter.begin(Purpose::SignIn, "xiaolan", "10.0.0.1", now).is_ok());
        assert!(limiter.begin(Purpose::SignIn, "xiaozhang", "10.0.0.1", now + WINDOW).is_ok(), "the window passes");
    }

    #[test]
    fn one_address_cannot_guess_at_many_accounts() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..ADDRESS_FAILURES {
            let _failed = limiter.begin(Purpose::SignIn, &format!("user{i}"), "10.0.0.9", now).unwrap();
        }
        assert!(limiter.begin(Purpose::SignIn, "another", "10.0.0.9", now).is_err());
    }

    #[test]
    fn successful_sign_ins_from_one_address_never_meet_its_limit() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..10 * ADDRESS_FAILURES {
            let attempt = limiter.begin(Purpose::SignIn, &format!("colleague{i}"), "203.0.113.7", now).unwrap();
            limiter.succeeded(attempt);
        }
        assert!(limiter.begin(Purpose::SignIn, "one more", "203.0.113.7", now).is_ok(), "an office behind one address");
        assert_eq!(limiter.keys(), (1, 1), "only the attempt still open is counted");
    }

    #[test]
    fn a_success_clears_the_account_failures() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..ACCOUNT_FAILURES - 1 {
            let _failed = limiter.begin(Purpose::SignIn, "a", "x", now).unwrap();
        }
        limiter.succeeded(limiter.begin(Purpose::SignIn, "a", "x", now).unwrap());
        let _failed = limiter.begin(Purpose::SignIn, "a", "x", now).unwrap();
        assert!(limiter.begin(Purpose::SignIn, "a", "x", now).is_ok());
    }

    #[test]
    fn guesses_sent_at_once_get_the_accounts_tries_and_no_more() {
        let limiter = std::sync::Arc::new(LoginLimiter::default());
        let now = Instant::now();
        let let_through: usize = std::thread::scope(|s| {
            let guesses: Vec<_> = (0..30)
                .map(|i| {
                    let limiter = limiter.clone();
                    s.spawn(move || limiter.begin(Purpose::SignIn, "zhaozong", &format!("10.0.1.{i}"), now).is_ok())
                })
                .collect();
            guesses.into_iter().map(|g| usize::from(g.join().unwrap())).sum()
        });
        assert_eq!(let_through, ACCOUNT_FAILURES);
    }

    #[test]
    fn failed_sign_ins_do_not_lock_the_account_out_of_signing() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..ACCOUNT_FAILURES {
            let _failed = limiter.begin(Purpose::SignIn, "sunzong", "10.0.0.1", now).unwrap();
        }
        assert!(limiter.begin(Purpose::SignIn, "sunzong", "10.0.0.2", now).is_err());
        assert!(limiter.begin(Purpose::Signing, "sunzong", "10.0.0.2", now).is_ok(), "signing has its own budget");
    }

    #[test]
    fn the_maps_never_hold_more_than_their_cap() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..MAX_KEYS + 500 {
            let _failed = limiter.begin(Purpose::SignIn, &format!("user{i}"), &format!("address{i}"), now);
        }
        let (accounts, addresses) = limiter.keys();
        assert!(accounts <= MAX_KEYS && addresses <= MAX_KEYS, "{accounts} accounts, {addresses} addresses");
    }
}
