//! The terminal table. ASCII borders by default, since box-drawing characters are double width in
//! CJK-configured terminals; `--style utf8` for box drawing. Colour only when asked for (the
//! caller decides from the terminal and NO_COLOR). The default view is [`super::compact`],
//! fitted to a width; `--wide` gives every column (comfy-table). Both print ambiguous-width
//! characters in unambiguous forms ([`super::width`]).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement};

use super::cells::result_cells;
use super::width::unambiguous;
use super::{Lang, Render};
use crate::evaluate::{Evaluation, Status};

/// Border style of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableStyle {
    /// `+`, `-` and `|`: lines up in every terminal.
    #[default]
    Ascii,
    /// Box-drawing characters: neat where ambiguous-width characters are narrow.
    Utf8,
}

impl TableStyle {
    /// The comfy-table preset for this style.
    pub fn preset(self) -> &'static str {
        match self {
            TableStyle::Ascii => presets::ASCII_FULL_CONDENSED,
            TableStyle::Utf8 => presets::UTF8_FULL_CONDENSED,
        }
    }
}

/// The status's index among the cells of [`result_cells`].
const STATUS: usize = 8;

/// Renders a check as a table, then the summary line and any warnings.
#[derive(Debug, Clone)]
pub struct Table {
    /// Border style.
    pub style: TableStyle,
    /// Colour the status column.
    pub color: bool,
    /// Wrap the wide tables (`--wide`, `--history`) to this many columns: a terminal's width.
    pub width: Option<u16>,
    /// The width the default view fits: the terminal's, else `COLUMNS`, else 100.
    pub columns: u16,
    /// Every column, one row per target in plan order (`--wide`), instead of the default view.
    pub wide: bool,
    /// These columns, by their index in [`Lang::headers`], one row per target in plan order
    /// (`--columns`), instead of the default view; empty for the default view or `--wide`.
    pub pick: Vec<usize>,
    /// The language of headers, words and notes.
    pub lang: Lang,
    /// How the default view is divided: by status, or by owner (`--by owner`).
    pub grouping: super::compact::Grouping,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            style: TableStyle::default(),
            color: false,
            width: None,
            columns: 100,
            wide: false,
            pick: Vec::new(),
            lang: Lang::default(),
            grouping: super::compact::Grouping::default(),
        }
    }
}

/// `text` in the colour of `status` (ANSI codes, which take no width).
pub fn paint(status: Status, text: &str) -> String {
    let code = match status {
        Status::Met | Status::OnTrack => 32,
        Status::Unmet | Status::Behind | Status::Overdue => 31,
        Status::Missing => 33,
    };
    format!("\x1b[{code}m{text}\x1b[39m")
}

impl Table {
    /// An empty comfy-table in this style.
    pub fn new_table(&self) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table.load_preset(self.style.preset());
        if let Some(width) = self.width {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        if self.color {
            table.enforce_styling();
        }
        table
    }

    /// A status cell, coloured when colour is on.
    pub fn status_cell(&self, status: Status, text: String) -> Cell {
        let cell = Cell::new(text);
        if !self.color {
            return cell;
        }
        cell.fg(match status {
            Status::Met | Status::OnTrack => Color::Green,
            Status::Unmet | Status::Behind | Status::Overdue => Color::Red,
            Status::Missing => Color::Yellow,
        })
    }
}

impl Render for Table {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        if !self.wide && self.pick.is_empty() {
            return super::compact::render(self, evaluation, out);
        }
        let every: Vec<usize> = (0..self.lang.headers().len()).collect();
        let pick = if self.pick.is_empty() {
            &every
        } else {
            &self.pick
        };
        let mut table = self.new_table();
        let headers = self.lang.headers();
        table.set_header(pick.iter().map(|&i| headers[i]));
        for result in &evaluation.results {
            let cells = result_cells(result, self.lang).map(|text| unambiguous(&text));
            table.add_row(pick.iter().map(|&i| match i {
                STATUS => self.status_cell(result.status, cells[i].clone()),
                _ => Cell::new(&cells[i]),
            }));
        }
        writeln!(out, "{}", self.lang.title(evaluation.plan, evaluation))?;
        writeln!(out, "{table}")?;
        writeln!(out, "{}", self.lang.summary(evaluation))?;
        for warning in &evaluation.warnings {
            writeln!(
                out,
                "{}{}",
                self.lang.warning(),
                self.lang.warning_text(warning)
            )?;
        }
        Ok(())
    }
}
