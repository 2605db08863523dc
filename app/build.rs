//! Turns the locale files (`locales/en.toml`, `locales/zh-CN.toml`) into the typed message
//! catalog the application reads (`$OUT_DIR/catalog.rs`, included by `src/i18n/catalog.rs`).
//!
//! The build fails, naming the file and key, when a language misses a key the other has or has one
//! the other lacks, when a key's placeholders differ between languages, when a list has a different
//! length, or when a value's kind (text, list) differs. So a translator edits only the TOML files and
//! can never ship a blank or a broken sentence.
//!
//! What is generated, per `[section]` (one struct per part of the application):
//! - text without placeholders: a public `&'static str` field;
//! - text with `{name}` placeholders: a method taking one `impl Display` per placeholder, in
//!   alphabetical order of the names (so rewording a sentence never reorders a signature);
//! - a list of texts: a public `[&'static str; N]` field.
//!
//! Two ways to hold the values come with it: `EN` and `ZH` statics for the server (and plain tests),
//! and, for the browser, `Catalog::from_values` over the flat list of values the server puts in the
//! page, so the browser carries only the reader's language and no literal text at all.

use std::path::Path;

include!("build/locales.rs");

fn main() {
    println!("cargo::rerun-if-changed=locales");
    let files: Vec<Locale> = LANGUAGES
        .iter()
        .map(|(tag, _)| {
            let path = format!("locales/{tag}.toml");
            println!("cargo::rerun-if-changed={path}");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
            parse_locale(&path, &text).unwrap_or_else(|e| fail(&e))
        })
        .collect();
    if let Err(e) = check_same_shape(&files) {
        fail(&e);
    }
    let code = generate(&files);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: the message catalog is inconsistent: {message}");
    std::process::exit(1);
}
