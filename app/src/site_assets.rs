//! The `<head>` tags that load the stylesheet and the browser bundle, worked out once per process.
//!
//! cargo-leptos writes the content hashes of the bundle's files to `hash.txt` beside the
//! executable. Leptos' own `HydrationScripts` (and `HashedStylesheet`) read that file on every
//! page; the names cannot change while the server runs, so we read it once.
//!
//! We also render the loader ourselves for a second reason: with a split bundle, Leptos'
//! `HydrationScripts` enables the server integration's "preload the lazy page's chunks" hints, and
//! `leptos_integration_utils` 0.8.9 registers those hints outside the request's reactive owner. A
//! single request's hints were lost; under concurrent load they were added to whichever other
//! request last ran on the same thread (about 7 KB of `<link>`s in a stranger's page, and a
//! warning per link when that request had finished). [`disable_lazy_chunk_hints`] keeps that path
//! off; the browser fetches a lazy page's chunks when it hydrates the page, as it did before.
//! Hints rendered correctly (by the lazy page itself, inside its request, one leptos_meta `<Link>`
//! per chunk: 53 for the project page) cost about 5 % of the project page's throughput (the
//! README's Benchmarks section has the comparison), for a gain only on a first visit with a cold
//! cache, so they are not rendered at all.

use leptos::prelude::*;
use std::sync::OnceLock;

/// Addresses of the stylesheet, the bundle's JavaScript and its WebAssembly.
struct SiteAssets {
    stylesheet: String,
    script: String,
    wasm: String,
}

impl SiteAssets {
    fn get(options: &LeptosOptions) -> &'static SiteAssets {
        static ASSETS: OnceLock<SiteAssets> = OnceLock::new();
        ASSETS.get_or_init(|| SiteAssets::from_hashes(options, &read_hash_file(options)))
    }

    /// `hashes` is cargo-leptos' hash file (`js: …`, `wasm: …`, `css: …` lines), or empty when
    /// file hashing is off.
    fn from_hashes(options: &LeptosOptions, hashes: &str) -> SiteAssets {
        let hash_of = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == kind).then(|| format!(".{}", hash.trim()))
            })
        };
        let name = &options.output_name;
        let pkg = &options.site_pkg_dir;
        let address = |kind: &str, extension: &str| match hash_of(kind) {
            Some(hash) => format!("/{pkg}/{name}{hash}.{extension}"),
            // Without hashing, wasm-bindgen's file keeps its `_bg` suffix.
            None if kind == "wasm" => format!("/{pkg}/{name}_bg.wasm"),
            None => format!("/{pkg}/{name}.{extension}"),
        };
        SiteAssets { stylesheet: address("css", "css"), script: address("js", "js"), wasm: address("wasm", "wasm") }
    }

    /// Loads the bundle and hydrates the page (wasm-bindgen's module initialises with the
    /// WebAssembly file's address, then the app's exported `hydrate` runs).
    fn loader(&self) -> String {
        format!(
            "import({script:?}).then(m => m.default({{ module_or_path: {wasm:?} }}).then(() => m.hydrate()));",
            script = self.script,
            wasm = self.wasm
        )
    }
}

fn read_hash_file(options: &LeptosOptions) -> String {
    if !options.hash_files {
        return String::new();
    }
    let file = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())));
    file.and_then(|file| std::fs::read_to_string(file).ok()).unwrap_or_default()
}

/// The stylesheet link, the bundle preloads and the loader script, for the document's `<head>`.
/// The preloads are marked `crossorigin` so that they match the module import and the `fetch` the
/// loader makes (otherwise the browser fetches twice and warns that a preload went unused).
#[component]
pub fn BundleTags(options: LeptosOptions) -> impl IntoView {
    let assets = SiteAssets::get(&options);
    view! {
        <link rel="stylesheet" id="leptos" href=assets.stylesheet.as_str()/>
        <link rel="modulepreload" href=assets.script.as_str() crossorigin="anonymous"/>
        <link rel="preload" href=assets.wasm.as_str() r#as="fetch" r#type="application/wasm" crossorigin="anonymous"/>
        <script type="module">{assets.loader()}</script>
    }
}

/// Takes the lazy pages' chunk hints away from the server integration (see the module docs).
/// Lazy routes record their ids in the nearest `PrefetchLazyFn`; one provided by the app replaces
/// the integration's, so the integration finds nothing to hint.
pub fn disable_lazy_chunk_hints() {
    #[cfg(feature = "ssr")]
    provide_context(leptos::PrefetchLazyFn::default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LeptosOptions {
        LeptosOptions::builder().output_name("concord").site_pkg_dir("pkg").build()
    }

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let assets = SiteAssets::from_hashes(&options(), "js: J1\nwasm: W2\ncss: C3\nmanifest: M\n");
        assert_eq!(assets.stylesheet, "/pkg/concord.C3.css");
        assert_eq!(assets.script, "/pkg/concord.J1.js");
        assert_eq!(assets.wasm, "/pkg/concord.W2.wasm");
        assert_eq!(
            assets.loader(),
            r#"import("/pkg/concord.J1.js").then(m => m.default({ module_or_path: "/pkg/concord.W2.wasm" }).then(() => m.hydrate()));"#
        );
    }

    #[test]
    fn without_hashing_the_plain_names_are_used() {
        let assets = SiteAssets::from_hashes(&options(), "");
        assert_eq!(assets.stylesheet, "/pkg/concord.css");
        assert_eq!(assets.script, "/pkg/concord.js");
        assert_eq!(assets.wasm, "/pkg/concord_bg.wasm");
    }
}
