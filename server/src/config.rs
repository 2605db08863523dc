//! Server configuration from flags and environment, with defaults that need no set-up.

use app::state::RuntimeConfig;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;

/// Where the default SQLite database lives.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/concord.db";

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    pub runtime: RuntimeConfig,
    /// The folder holding `pkg/` (the browser bundle) and the public assets.
    pub site_root: String,
}

impl Config {
    /// The Leptos options for this configuration. Hashed asset names are used when the build left
    /// a `hash.txt` beside the binary (release builds by cargo-leptos with `hash-files`).
    pub fn leptos_options(&self) -> LeptosOptions {
        let output_name = std::env::var("LEPTOS_OUTPUT_NAME")
            .ok()
            .or_else(|| option_env!("LEPTOS_OUTPUT_NAME").map(String::from))
            .unwrap_or_else(|| "concord".into());
        let hash_files = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join("hash.txt"))).is_some_and(|p| p.exists());
        LeptosOptions::builder()
            .output_name(output_name)
            .site_root(self.site_root.clone())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .hash_files(hash_files)
            .build()
    }
}
