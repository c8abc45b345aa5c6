//! Why a plan file does not read as a plan, as data: the words, in each language, are the
//! renderer's (`render/errors/plan.rs`).

use super::shape::{KeyPath, Shape};

/// Why a plan file does not read as a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but blanks and comments.
    Empty,
    /// A tab where YAML allows only spaces.
    TabIndent,
    /// A value starting with a character YAML reads as syntax: `unit: %`.
    Bare { key: Option<String>, value: String },
    /// A character YAML does not allow anywhere in a file (a control character).
    NotAllowed(char),
    /// A syntax error.
    Syntax(Syntax),
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

/// A syntax error, as libyaml (or serde_yaml) found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// A quoted value not closed before the end of the file.
    UnclosedQuote,
    /// A `: ` inside a value.
    ColonInValue,
    /// Indentation that does not line up.
    Indentation,
    /// A reference (`*x`) to an anchor not defined.
    UnknownAnchor,
    /// More than one YAML document.
    SeveralDocuments,
    /// Values nested too deeply.
    TooDeep,
    /// Anchors and references that repeat values too often.
    TooRepetitive,
    /// The file ends where a value was expected.
    UnexpectedEnd,
    /// Another error, in libyaml's words: the first 200 characters of them, and whether they
    /// were cut there.
    Other { text: String, cut: bool },
}

impl Syntax {
    /// The syntax error libyaml's (or serde_yaml's) message `libyaml` tells of.
    pub(super) fn of(libyaml: &str) -> Syntax {
        let has = |phrase: &str| libyaml.contains(phrase);
        if has("while scanning a quoted scalar") {
            Syntax::UnclosedQuote
        } else if has("mapping values are not allowed in this context") {
            Syntax::ColonInValue
        } else if has("did not find expected key")
            || has("did not find expected '-' indicator")
            || has("did not find expected node content")
            || has("block sequence entries are not allowed")
            || has("while parsing a block")
        {
            Syntax::Indentation
        } else if has("unknown anchor") {
            Syntax::UnknownAnchor
        } else if has("more than one document") {
            Syntax::SeveralDocuments
        } else if has("recursion limit exceeded") {
            Syntax::TooDeep
        } else if has("repetition limit exceeded") {
            Syntax::TooRepetitive
        } else if has("EOF while parsing") {
            Syntax::UnexpectedEnd
        } else if libyaml.chars().count() > 300 {
            Syntax::Other {
                text: libyaml.chars().take(200).collect(),
                cut: true,
            }
        } else {
            Syntax::Other {
                text: libyaml.to_string(),
                cut: false,
            }
        }
    }
}
