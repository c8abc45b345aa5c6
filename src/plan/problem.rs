//! The words of the errors about how a plan file is written: each message is built here, in one
//! place, so it can be worded (and translated) without hunting for it.

use super::raw;
use super::shape::{Expect, Found, KeyPath, Shape};
use crate::error::shorten;

/// Why a plan file does not read as a plan.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Problem {
    /// Nothing but blanks and comments.
    Empty,
    /// A tab where YAML allows only spaces.
    TabIndent,
    /// A value starting with a character YAML reads as syntax: `unit: %`.
    Bare { key: Option<String>, value: String },
    /// A character YAML does not allow anywhere in a file (a control character).
    NotAllowed(char),
    /// A syntax error this module has no better words for, in libyaml's.
    Syntax(String),
    /// The file reads as YAML, but not as a plan.
    Shape {
        path: KeyPath,
        shape: Shape,
        /// For a duplicate key: the line of its first occurrence.
        first_line: Option<u64>,
        /// For a tagged value: the value as written.
        written: Option<String>,
    },
    /// Two targets with one id.
    DuplicateId { id: String, first_line: Option<u64> },
}

impl Problem {
    /// The message, without the location.
    pub fn message(&self) -> String {
        match self {
            Problem::Empty => {
                "empty plan file; expected YAML with `title`, `year`, `source` and `targets`".into()
            }
            Problem::TabIndent => "a tab in the indentation; indent with spaces".into(),
            Problem::Bare { key, value } => bare(key.as_deref(), value),
            Problem::NotAllowed(c) => format!(
                "a control character `\\u{{{:x}}}` in the file, which YAML does not allow; \
                 remove it",
                u32::from(*c)
            ),
            Problem::Syntax(message) => syntax(message),
            Problem::Shape {
                path,
                shape,
                first_line,
                written,
            } => shape_message(path, shape, *first_line, written.as_deref()),
            Problem::DuplicateId { id, first_line } => {
                let id = shorten(id);
                match first_line {
                    Some(line) => format!(
                        "duplicate target id `{id}` (first on line {line}); every id must be unique"
                    ),
                    None => format!("duplicate target id `{id}`; every id must be unique"),
                }
            }
        }
    }
}

/// A syntax error in plain words, from libyaml's (or serde_yaml's) message; the message itself
/// when it is none of those known.
fn syntax(libyaml: &str) -> String {
    let has = |phrase: &str| libyaml.contains(phrase);
    if has("while scanning a quoted scalar") {
        "a quoted value is not closed before the end of the file; close it with the quote it \
         starts with (`\"` or `'`)"
            .into()
    } else if has("mapping values are not allowed in this context") {
        "a `: ` inside a value; quote the value (`name: \"a: b\"`), or put the key on a line of \
         its own"
            .into()
    } else if has("did not find expected key")
        || has("did not find expected '-' indicator")
        || has("did not find expected node content")
        || has("block sequence entries are not allowed")
        || has("while parsing a block")
    {
        "the indentation does not line up with the lines above; the keys of one mapping start \
         in one column, and so do the items (`- `) of one list"
            .into()
    } else if has("unknown anchor") {
        "`*` at the start of a value refers to an anchor (`&name`) that is not defined; quote \
         the value if it is text"
            .into()
    } else if has("more than one document") {
        "more than one YAML document (a `---` line after the first part); a plan is one \
         document"
            .into()
    } else if has("recursion limit exceeded") {
        "values nested too deeply; a plan is keys with a list of targets".into()
    } else if has("repetition limit exceeded") {
        "anchors and references (`&`, `*`) repeat the same values too often".into()
    } else if has("EOF while parsing") {
        "the file ends where a value was expected".into()
    } else {
        let message = if libyaml.chars().count() > 300 {
            let head: String = libyaml.chars().take(200).collect();
            format!("{head}… (cut)")
        } else {
            libyaml.to_string()
        };
        format!("not readable as YAML: {}", message)
    }
}

/// What YAML makes of a value starting with `first`.
fn read_as(first: char) -> &'static str {
    match first {
        '!' => "a tag",
        '&' => "an anchor",
        '*' => "a reference to an anchor",
        '|' | '>' => "the start of a block of text",
        _ => "reserved",
    }
}

/// Why `value` cannot be written bare.
fn why_bare(value: &str) -> String {
    let first = value.chars().next().unwrap_or(' ');
    match first {
        '%' | '@' | '`' => format!("YAML reserves `{first}` at the start of a value"),
        _ => format!(
            "YAML reads `{first}` at the start of a value as {}",
            read_as(first)
        ),
    }
}

fn bare(key: Option<&str>, value: &str) -> String {
    let quoted = quote(value);
    let why = why_bare(value);
    let value = shorten(value);
    match key {
        Some(key) => {
            let key = shorten(key);
            format!("`{key}: {value}`: {why}; quote the value: `{key}: {quoted}`")
        }
        None => format!("`{value}`: {why}; quote the value: `{quoted}`"),
    }
}

/// `value` quoted as YAML reads it back: in double quotes, or in single quotes when it holds a
/// `"` or a `\\` (which double quotes would make an escape).
pub(super) fn quote(value: &str) -> String {
    let value = shorten(value);
    if value.contains('"') || value.contains('\\') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// A list of names in backquotes: `a`, `b`, `c`.
fn names(list: &[&str]) -> String {
    list.iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known name nearest `wanted`, when one is near enough to be a typo of it.
fn nearest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.to_lowercase();
    known
        .iter()
        .map(|name| (strsim::osa_distance(&wanted, name), *name))
        .filter(|(d, name)| *d <= 2 && *d * 3 <= name.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// What the raw struct named `name` is, in words, and the keys it needs.
fn thing(name: &str) -> (&'static str, &'static [&'static str]) {
    match name {
        "RawPlan" => ("a plan", raw::PLAN_REQUIRED),
        "RawTarget" => ("a target", raw::TARGET_REQUIRED),
        "RawBaseline" => ("a baseline", raw::BASELINE_REQUIRED),
        _ => ("a mapping", &[]),
    }
}

/// `a`, `b` and `c`.
fn and_list(list: &[&str]) -> String {
    let quoted: Vec<String> = list.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn found(found: &Found) -> String {
    match found {
        Found::Text(text) => format!("the text `{}`", shorten(text)),
        Found::Number(number) => format!("the number {}", shorten(number)),
        Found::Bool(b) => format!("`{b}`"),
        Found::Nothing => "an empty value".into(),
        Found::List => "a list".into(),
        Found::Mapping => "a mapping of keys".into(),
        Found::Other => "a value of another kind".into(),
    }
}

fn expected(expect: Option<&Expect>) -> String {
    match expect {
        Some(Expect::Text(Some(words))) => words.clone(),
        Some(Expect::Text(None)) => "text".into(),
        Some(Expect::List) => "a list (lines starting with `- `)".into(),
        Some(Expect::Struct(name)) => {
            let (what, required) = thing(name);
            if required.is_empty() {
                format!("{what} of keys")
            } else {
                format!("{what}: keys such as {}", and_list(required))
            }
        }
        Some(Expect::OneOf(allowed)) => format!("one of {}", names(allowed)),
        Some(Expect::Other) | None => "a value of another kind".into(),
    }
}

fn shape_message(
    path: &KeyPath,
    shape: &Shape,
    first_line: Option<u64>,
    written: Option<&str>,
) -> String {
    let at = if path.0.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    };
    match shape {
        Shape::UnknownKey { key, known } => {
            let near = match nearest(key, known) {
                Some(name) => format!(" (did you mean `{name}`?)"),
                None => String::new(),
            };
            format!(
                "{at}unknown key `{}`{near}; expected one of {}",
                shorten(key),
                names(known)
            )
        }
        Shape::UnknownName { name, allowed } => {
            let near = match nearest(name, allowed) {
                Some(known) => format!(" (did you mean `{known}`?)"),
                None => String::new(),
            };
            format!(
                "{at}unknown value `{}`{near}; expected one of {}",
                shorten(name),
                names(allowed)
            )
        }
        Shape::WrongKind { found: what, .. } if path.0.is_empty() => format!(
            "the file holds {}, not a plan; expected keys {} at the top level, such as \
             `title: 2020 年科技工作要点`",
            found(what),
            and_list(raw::PLAN_REQUIRED),
        ),
        Shape::WrongKind {
            found: what,
            expected: expect,
        } => format!(
            "{at}found {}; expected {}",
            found(what),
            expected(expect.as_ref())
        ),
        Shape::Missing { key, within } => {
            let (what, required) = thing(within.unwrap_or(""));
            if required.is_empty() {
                format!("{at}missing key `{key}`")
            } else {
                format!(
                    "{at}missing key `{key}`; {what} needs {}",
                    and_list(required)
                )
            }
        }
        Shape::Duplicate { key } => {
            let key = shorten(key);
            match first_line {
                Some(line) => {
                    format!("{at}key `{key}` written twice (first on line {line}); write it once")
                }
                None => format!("{at}key `{key}` written twice; write it once"),
            }
        }
        Shape::Tagged => {
            let value = written.unwrap_or("!");
            let quoted = quote(value);
            let fix = match path.last_key() {
                Some(key) => format!("`{}: {quoted}`", shorten(key)),
                None => format!("`{quoted}`"),
            };
            format!(
                "{at}`{}`: {}; quote the value: {fix}",
                shorten(value),
                why_bare(value)
            )
        }
        Shape::KeyNotText => {
            format!("{at}a key that is a list or a mapping; keys are words such as `title`")
        }
        Shape::Invalid(message) => format!("{at}{message}"),
    }
}
