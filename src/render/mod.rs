//! Renderers: one file per output format behind [`Render`]. They take an [`Evaluation`] and a
//! writer, and know nothing of parsing.

mod cells;
mod compact;
mod csv;
mod errors;
mod fitted;
mod grid;
mod history;
mod html;
mod json;
mod junit;
mod lang;
mod layout;
mod list;
mod markdown;
mod table;
mod template;
mod warnings;
mod width;
mod wording;

pub use self::csv::Csv;
pub use cells::{actual_text, result_cells};
pub use compact::Grouping;
pub use history::{history_json, history_table};
pub use html::Html;
pub use json::{number as json_number, rule_value as rule_value_json, Json, JSON_VERSION};
pub use junit::Junit;
pub use lang::Lang;
pub use list::{list_json, list_table};
pub use markdown::Markdown;
pub use table::{Table, TableStyle};
pub use template::{template_csv, template_xlsx};
pub use wording::{english_unit, number_with_unit, signed};

use std::io::{self, Write};

use crate::evaluate::Evaluation;

/// An output format for a check's result.
pub trait Render {
    /// Writes the whole report for `evaluation` to `out`.
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()>;
}
