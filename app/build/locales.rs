// Reading, checking and compiling the locale files, for `app/build.rs` (which includes this file)
// and for the catalog's tests (which check that a broken file is refused, naming the key).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The sections of the locale files and the struct each becomes, in catalog order.
pub const SECTIONS: &[(&str, &str)] = &[
    ("common", "Messages"),
    ("meetings", "MeetingMessages"),
    ("inbox", "InboxMessages"),
    ("requirements", "RequirementMessages"),
    ("schedule", "ScheduleMessages"),
    ("calendar_years", "YearMessages"),
    ("signoffs", "SignoffMessages"),
    ("options", "OptionMessages"),
    ("requests", "RequestMessages"),
];

/// The languages, each with the static it becomes; the first is the reference for docs.
pub const LANGUAGES: &[(&str, &str)] = &[("en", "EN"), ("zh-CN", "ZH")];

/// A locale file: section name → key → value.
pub type Locale = BTreeMap<String, BTreeMap<String, Value>>;

/// A message: a text (maybe with placeholders) or a list of texts.
pub enum Value {
    Text(String),
    List(Vec<String>),
}

/// One locale file's sections, each a map of key to value (`path` names the file in errors).
pub fn parse_locale(path: &str, text: &str) -> Result<Locale, String> {
    let table: toml::Table = text.parse().map_err(|e| format!("{path}: {e}"))?;
    let mut sections = BTreeMap::new();
    for (name, value) in table {
        if !SECTIONS.iter().any(|(s, _)| *s == name) {
            return Err(format!("{path}: unknown section [{name}] (known: {})", section_names()));
        }
        let toml::Value::Table(entries) = value else {
            return Err(format!("{path}: `{name}` must be a [section]"));
        };
        let mut keys = BTreeMap::new();
        for (key, value) in entries {
            let value = match value {
                toml::Value::String(s) => Value::Text(s),
                toml::Value::Array(items) => Value::List(
                    items
                        .into_iter()
                        .map(|i| match i {
                            toml::Value::String(s) => Ok(s),
                            _ => Err(format!("{path}: [{name}] {key}: a list holds texts only")),
                        })
                        .collect::<Result<_, _>>()?,
                ),
                _ => return Err(format!("{path}: [{name}] {key}: must be a text or a list of texts")),
            };
            if let Value::Text(t) = &value {
                placeholders(t).map_err(|e| format!("{path}: [{name}] {key}: {e}"))?;
            }
            keys.insert(key, value);
        }
        sections.insert(name, keys);
    }
    for (name, _) in SECTIONS {
        if !sections.contains_key(*name) {
            return Err(format!("{path}: section [{name}] is missing"));
        }
    }
    Ok(sections)
}

fn section_names() -> String {
    SECTIONS.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ")
}

/// The placeholder names of a text, each once; `{{` and `}}` are literal braces.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                    return Err(format!("`{{{name}}}` is not a placeholder (use lowercase names like {{who}}; write {{{{ for a brace)"));
                }
                names.insert(name);
            }
            '}' => return Err("a lone `}` (write }} for a brace)".into()),
            _ => {}
        }
    }
    Ok(names)
}

pub fn check_same_shape(files: &[Locale]) -> Result<(), String> {
    let (reference_tag, _) = LANGUAGES[0];
    let reference = &files[0];
    for (file, (tag, _)) in files.iter().zip(LANGUAGES).skip(1) {
        for (section, _) in SECTIONS {
            let (ours, theirs) = (&reference[*section], &file[*section]);
            let missing: Vec<String> = ours.keys().filter(|k| !theirs.contains_key(*k)).map(|k| format!("[{section}] {k}")).collect();
            if !missing.is_empty() {
                return Err(format!("{} is in {reference_tag}.toml but missing from {tag}.toml", missing.join(", ")));
            }
            let extra: Vec<String> = theirs.keys().filter(|k| !ours.contains_key(*k)).map(|k| format!("[{section}] {k}")).collect();
            if !extra.is_empty() {
                return Err(format!("{} is in {tag}.toml but not in {reference_tag}.toml", extra.join(", ")));
            }
            for (key, value) in ours {
                match (value, &theirs[key]) {
                    (Value::Text(a), Value::Text(b)) => {
                        let (pa, pb) = (placeholders(a)?, placeholders(b)?);
                        if pa != pb {
                            return Err(format!(
                                "[{section}] {key}: {reference_tag}.toml fills in {pa:?} but {tag}.toml fills in {pb:?}"
                            ));
                        }
                    }
                    (Value::List(a), Value::List(b)) if a.len() == b.len() => {}
                    (Value::List(a), Value::List(b)) => {
                        return Err(format!(
                            "[{section}] {key}: {reference_tag}.toml lists {} texts but {tag}.toml lists {}",
                            a.len(),
                            b.len()
                        ))
                    }
                    _ => return Err(format!("[{section}] {key}: a text in one language and a list in the other")),
                }
            }
        }
    }
    Ok(())
}

/// A text with its placeholders numbered in the order of the method's parameters.
fn numbered(text: &str, order: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("{{");
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("}}");
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let index = order.iter().position(|n| *n == name).expect("checked against the reference");
                let _ = write!(out, "{{{index}}}");
            }
            c => out.push(c),
        }
    }
    out
}

/// Every value of a language in catalog order: what `values()` and `from_values` walk.
fn flat_values(file: &Locale, reference: &Locale) -> Vec<String> {
    let mut values = Vec::new();
    for (section, _) in SECTIONS {
        for (key, value) in &file[*section] {
            match value {
                Value::Text(t) => {
                    let Value::Text(reference_text) = &reference[*section][key] else { unreachable!("checked") };
                    let order: Vec<String> = placeholders(reference_text).expect("checked").into_iter().collect();
                    values.push(numbered(t, &order));
                }
                Value::List(items) => values.extend(items.iter().cloned()),
            }
        }
    }
    values
}

fn doc_text(text: &str) -> String {
    text.replace('\n', " ").replace('`', "'")
}

pub fn generate(files: &[Locale]) -> String {
    let reference = &files[0];
    let mut code = String::from("// Generated by app/build.rs from app/locales/*.toml. Edit those files, not this one.\n\n");
    let mut length = 0usize;
    for (section, name) in SECTIONS {
        let _ = writeln!(code, "/// The messages of `[{section}]` in the locale files.\npub struct {name} {{");
        let mut methods = String::new();
        for (key, value) in &reference[*section] {
            match value {
                Value::Text(t) => {
                    length += 1;
                    let names = placeholders(t).expect("checked");
                    if names.is_empty() {
                        let _ = writeln!(code, "    /// “{}”\n    pub {key}: &'static str,", doc_text(t));
                    } else {
                        let _ = writeln!(code, "    {key}: &'static str,");
                        let params: Vec<String> = names.iter().map(|n| format!("{n}: impl ::std::fmt::Display")).collect();
                        let args: Vec<String> = names.iter().map(|n| format!("&{n}")).collect();
                        let _ = writeln!(
                            methods,
                            "    /// “{}”\n    pub fn {key}(&self, {}) -> String {{\n        fill(self.{key}, &[{}])\n    }}",
                            doc_text(t),
                            params.join(", "),
                            args.join(", ")
                        );
                    }
                }
                Value::List(items) => {
                    length += items.len();
                    let _ = writeln!(code, "    /// {}\n    pub {key}: [&'static str; {}],", doc_text(&items.join(" · ")), items.len());
                }
            }
        }
        code.push_str("}\n\n");
        if !methods.is_empty() {
            let _ = writeln!(code, "impl {name} {{\n{methods}}}\n");
        }
    }

    code.push_str("/// Every message of one language.\npub struct Catalog {\n");
    for (section, name) in SECTIONS {
        let _ = writeln!(code, "    pub {section}: {name},");
    }
    code.push_str("}\n\n");

    // The constructor both representations share: the values array, indexed in catalog order
    // (constant indices: no bounds checks, a few bytes of code per message).
    code.push_str("macro_rules! catalog_from {\n    ($values:expr) => {\n        Catalog {\n");
    let mut index = 0usize;
    for (section, name) in SECTIONS {
        let _ = writeln!(code, "            {section}: {name} {{");
        for (key, value) in &reference[*section] {
            match value {
                Value::Text(_) => {
                    let _ = writeln!(code, "                {key}: $values[{index}],");
                    index += 1;
                }
                Value::List(items) => {
                    let at: Vec<String> = (index..index + items.len()).map(|i| format!("$values[{i}]")).collect();
                    let _ = writeln!(code, "                {key}: [{}],", at.join(", "));
                    index += items.len();
                }
            }
        }
        code.push_str("            },\n");
    }
    code.push_str("        }\n    };\n}\n\n");

    let _ = writeln!(code, "impl Catalog {{\n    /// How many values a language has, in the order `values` lists them.\n    pub const LEN: usize = {length};\n");
    code.push_str("    /// Every value in catalog order, placeholders numbered: what the server puts in the page.\n");
    code.push_str("    #[cfg(feature = \"ssr\")]\n    pub fn values(&self) -> Vec<&'static str> {\n        let mut values = Vec::with_capacity(Self::LEN);\n");
    for (section, _) in SECTIONS {
        for (key, value) in &reference[*section] {
            match value {
                Value::Text(_) => {
                    let _ = writeln!(code, "        values.push(self.{section}.{key});");
                }
                Value::List(_) => {
                    let _ = writeln!(code, "        values.extend(self.{section}.{key});");
                }
            }
        }
    }
    code.push_str("        values\n    }\n\n");
    code.push_str("    /// The catalog from the values `values` listed (missing ones read as empty text).\n");
    code.push_str("    #[cfg(feature = \"hydrate\")]\n    pub fn from_values(values: Vec<&'static str>) -> Catalog {\n");
    code.push_str("        let mut array = [\"\"; Self::LEN];\n        for (slot, value) in array.iter_mut().zip(values) {\n            *slot = value;\n        }\n");
    code.push_str("        catalog_from!(array)\n    }\n}\n\n");

    for (file, (tag, static_name)) in files.iter().zip(LANGUAGES) {
        let values = flat_values(file, reference);
        let _ = writeln!(code, "/// The {tag} catalog, compiled in where the server renders.\n#[cfg(any(feature = \"ssr\", not(feature = \"hydrate\")))]");
        let _ = writeln!(code, "pub static {static_name}: Catalog = {{\n    const VALUES: [&str; Catalog::LEN] = [");
        for v in &values {
            let _ = writeln!(code, "        {v:?},");
        }
        code.push_str("    ];\n    catalog_from!(VALUES)\n};\n\n");
    }
    code
}
