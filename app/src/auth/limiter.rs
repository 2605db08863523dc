//! Login attempt limits, per account and per client address, kept in memory.
//!
//! In memory on purpose: the limit only has to slow down guessing, and a shared table would put a
//! write on every failed login. Behind a load balancer each instance counts on its own, so the
//! effective limit is (instances × limit): documented in the README.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per account inside the window.
pub const ACCOUNT_FAILURES: usize = 5;
/// Attempts (failed or not) allowed per client address inside the window.
pub const ADDRESS_ATTEMPTS: usize = 30;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct LoginLimiter {
    account_failures: Mutex<HashMap<String, Vec<Instant>>>,
    address_attempts: Mutex<HashMap<String, Vec<Instant>>>,
}

impl LoginLimiter {
    /// Counts an attempt from `address` for `account`; `Err(seconds)` when either is over its
    /// limit, with the seconds until the oldest counted attempt leaves the window.
    pub fn check(&self, account: &str, address: &str, now: Instant) -> Result<(), u32> {
        let mut by_address = self.address_attempts.lock().unwrap_or_else(|p| p.into_inner());
        let attempts = prune(by_address.entry(address.to_string()).or_default(), now);
        if attempts.len() >= ADDRESS_ATTEMPTS {
            return Err(retry_after(attempts, now));
        }
        attempts.push(now);
        drop(by_address);

        let mut by_account = self.account_failures.lock().unwrap_or_else(|p| p.into_inner());
        let failures = prune(by_account.entry(account.to_string()).or_default(), now);
        if failures.len() >= ACCOUNT_FAILURES {
            return Err(retry_after(failures, now));
        }
        Ok(())
    }

    pub fn record_failure(&self, account: &str, now: Instant) {
        let mut by_account = self.account_failures.lock().unwrap_or_else(|p| p.into_inner());
        prune(by_account.entry(account.to_string()).or_default(), now).push(now);
    }

    pub fn record_success(&self, account: &str) {
        self.account_failures.lock().unwrap_or_else(|p| p.into_inner()).remove(account);
    }
}

fn prune(times: &mut Vec<Instant>, now: Instant) -> &mut Vec<Instant> {
    times.retain(|t| now.duration_since(*t) < WINDOW);
    times
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
            assert!(limiter.check("xiaozhang", "10.0.0.1", now).is_ok());
            limiter.record_failure("xiaozhang", now);
        }
        let wait = limiter.check("xiaozhang", "10.0.0.2", now).unwrap_err();
        assert!(wait > 0 && wait <= WINDOW.as_secs() as u32);
        assert!(limiter.check("xiaolan", "10.0.0.1", now).is_ok());
        assert!(limiter.check("xiaozhang", "10.0.0.1", now + WINDOW).is_ok(), "the window passes");
    }

    #[test]
    fn one_address_cannot_try_many_accounts() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for i in 0..ADDRESS_ATTEMPTS {
            assert!(limiter.check(&format!("user{i}"), "10.0.0.9", now).is_ok());
        }
        assert!(limiter.check("another", "10.0.0.9", now).is_err());
    }

    #[test]
    fn a_success_clears_the_account_failures() {
        let limiter = LoginLimiter::default();
        let now = Instant::now();
        for _ in 0..ACCOUNT_FAILURES - 1 {
            limiter.record_failure("a", now);
        }
        limiter.record_success("a");
        limiter.record_failure("a", now);
        assert!(limiter.check("a", "x", now).is_ok());
    }
}
