//! Renderers: one file per output format behind [`Render`]. They take an [`Evaluation`] and a
//! writer, and know nothing of parsing.

mod history;
mod json;
mod list;
mod table;
mod template;
mod wording;

pub use history::{history_json, history_table};
pub use json::Json;
pub use list::{list_json, list_table};
pub use table::{Table, TableStyle};
pub use template::{template_csv, template_xlsx};
pub use wording::{number_with_unit, signed, target_text};

use std::io::{self, Write};

use crate::evaluate::Evaluation;

/// An output format for a check's result.
pub trait Render {
    /// Writes the whole report for `evaluation` to `out`.
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()>;
}

/// The one-line summary: `21 met · 3 unmet · 2 missing of 26`; before year end also the
/// targets on track and behind.
pub fn summary_line(evaluation: &Evaluation) -> String {
    let s = evaluation.summary();
    if evaluation.is_final {
        format!(
            "{} met · {} unmet · {} missing of {}",
            s.met, s.unmet, s.missing, s.total
        )
    } else {
        format!(
            "{} met · {} unmet · {} on track · {} behind · {} missing of {}",
            s.met, s.unmet, s.on_track, s.behind, s.missing, s.total
        )
    }
}

/// The line above a report: the plan's title and the period checked.
pub fn title_line(plan: &crate::plan::Plan, period: crate::period::Period) -> String {
    if period.is_full_year() {
        format!("{} — {}", plan.title, period.year)
    } else {
        format!("{} — {period} (year to date)", plan.title)
    }
}
