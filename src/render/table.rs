//! The terminal table (comfy-table). ASCII borders by default, since box-drawing characters are
//! double width in CJK-configured terminals; `--style utf8` for box drawing. Colour only when
//! asked for (the caller decides from the terminal and NO_COLOR).

use std::io::{self, Write};

use comfy_table::{presets, Cell, Color, ContentArrangement};

use super::cells::result_cells;
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

/// Renders a check as a table, then the summary line and any warnings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Table {
    /// Border style.
    pub style: TableStyle,
    /// Colour the status column.
    pub color: bool,
    /// Fit the table to this many columns (a terminal's width), wrapping cells.
    pub width: Option<u16>,
    /// The language of headers, words and notes.
    pub lang: Lang,
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
            Status::Unmet | Status::Behind => Color::Red,
            Status::Missing => Color::Yellow,
        })
    }
}

impl Render for Table {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let mut table = self.new_table();
        table.set_header(self.lang.headers());
        for result in &evaluation.results {
            let cells = result_cells(result, self.lang);
            table.add_row(cells.into_iter().enumerate().map(|(i, text)| match i {
                8 => self.status_cell(result.status, text),
                _ => Cell::new(text),
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
