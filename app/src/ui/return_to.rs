//! Where a visitor goes back to after signing in. A page that needs a signed-in person sends a
//! visitor to `/login?next=<the page's address>`, and signing in lands there, so links shared in
//! chat, notifications and calendar entries land where they point.
//!
//! Only a path on this site is followed: it starts with one `/` (never `//` or `/\`, which
//! browsers read as another host), holds no control character (browsers drop tabs and newlines,
//! turning `/\t/evil.example` into `//evil.example`) and no backslash, and is not the sign-in or
//! set-up page itself. Anything else signs in to the project list. The server's redirect layer
//! and the pages' own guard both build the address here, so the two cannot disagree.

/// The query parameter that carries the return address.
pub const PARAM: &str = "next";

/// Longer return addresses are dropped rather than followed (no page of Concord needs one).
const MAX_LEN: usize = 2_000;

/// `raw` when it is a safe address on this site to return to, else `None`.
pub fn safe_return_path(raw: &str) -> Option<&str> {
    let path = raw.split(['?', '#']).next().unwrap_or_default();
    let safe = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.len() <= MAX_LEN
        && !raw.chars().any(|c| c.is_control() || c == '\\')
        && !matches!(path.trim_end_matches('/'), "" | "/login" | "/setup");
    safe.then_some(raw)
}

/// The sign-in page's address for a visitor who asked for `here` (a path with its query):
/// `/login?next=…`, or plain `/login` when `here` is the project list or not safe to return to.
pub fn login_address(here: &str) -> String {
    match safe_return_path(here) {
        Some(path) => format!("/login?{PARAM}={}", encode(path)),
        None => "/login".to_string(),
    }
}

/// Where to go after signing in, given the sign-in page's query string (without `?`): the safe
/// `next` address, or the project list.
pub fn after_sign_in(query: &str) -> String {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == PARAM)
        .and_then(|(_, value)| decode(value))
        .and_then(|next| safe_return_path(&next).map(str::to_string))
        .unwrap_or_else(|| "/".to_string())
}

/// Percent-encodes everything but unreserved characters and `/` (which a query value may hold),
/// so the address stays readable in the location bar.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes a query value (`+` is a space); `None` when it is not valid percent-encoded UTF-8.
fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_on_this_site_is_returned_to_with_its_query() {
        assert_eq!(login_address("/requirements/r1"), "/login?next=/requirements/r1");
        assert_eq!(login_address("/options/o1/diff?from=1&to=2"), "/login?next=/options/o1/diff%3Ffrom%3D1%26to%3D2");
        assert_eq!(after_sign_in("next=/options/o1/diff%3Ffrom%3D1%26to%3D2"), "/options/o1/diff?from=1&to=2");
        assert_eq!(after_sign_in("x=1&next=%2Fmeetings%2Fm1"), "/meetings/m1");
        assert_eq!(after_sign_in(&login_address("/projects/p1?tab=年")["/login?".len()..]), "/projects/p1?tab=年");
    }

    #[test]
    fn other_hosts_and_tricks_sign_in_to_the_project_list() {
        for unsafe_next in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "javascript:alert(1)",
            "evil.example",
            "/login",
            "/login?next=/x",
            "/setup",
            "",
        ] {
            assert_eq!(safe_return_path(unsafe_next), None, "{unsafe_next:?}");
            assert_eq!(login_address(unsafe_next), "/login", "{unsafe_next:?}");
            assert_eq!(after_sign_in(&format!("next={}", encode(unsafe_next))), "/", "{unsafe_next:?}");
        }
        assert_eq!(after_sign_in("next=%2F%2Fevil.example"), "/");
        assert_eq!(after_sign_in("next=%2"), "/", "broken encoding");
        assert_eq!(after_sign_in("next=%FF"), "/", "not UTF-8");
        assert_eq!(after_sign_in(&format!("next=/{}", "a".repeat(MAX_LEN))), "/", "too long");
        assert_eq!(login_address("/"), "/login", "the project list needs no return address");
    }
}
