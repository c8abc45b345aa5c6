//! A bordered grid of fixed column widths, drawn line by line: the default table's frame. Cells
//! arrive already fitted to their columns (one `Vec` of lines each); section titles span the
//! whole grid.

use super::width::{cut, width};
use super::TableStyle;

/// Where a horizontal rule is: it picks the joints of the box-drawing style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Above the header.
    Top,
    /// Under the header, above a section title.
    Header,
    /// Above a section title.
    BeforeTitle,
    /// Under a section title.
    AfterTitle,
    /// Under the last row.
    Bottom,
}

/// Column widths and a border style.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The width of each column's text, without padding.
    pub widths: Vec<usize>,
    /// ASCII or box drawing.
    pub style: TableStyle,
}

impl Grid {
    /// Columns the borders and padding take around `columns` columns of text.
    pub fn overhead(columns: usize) -> usize {
        3 * columns + 1
    }

    /// The whole width of a line of the grid.
    pub fn total(&self) -> usize {
        self.widths.iter().sum::<usize>() + Self::overhead(self.widths.len())
    }

    /// A horizontal rule.
    pub fn rule(&self, at: Rule) -> String {
        let ascii = self.style == TableStyle::Ascii;
        let (left, fill, joint, right) = match (ascii, at) {
            (true, Rule::Header) => ('+', '=', '+', '+'),
            (true, _) => ('+', '-', '+', '+'),
            (false, Rule::Top) => ('┌', '─', '┬', '┐'),
            (false, Rule::Header) => ('╞', '═', '╧', '╡'),
            (false, Rule::BeforeTitle) => ('├', '─', '┴', '┤'),
            (false, Rule::AfterTitle) => ('├', '─', '┬', '┤'),
            (false, Rule::Bottom) => ('└', '─', '┴', '┘'),
        };
        let parts: Vec<String> = self
            .widths
            .iter()
            .map(|w| fill.to_string().repeat(w + 2))
            .collect();
        format!("{left}{}{right}", parts.join(&joint.to_string()))
    }

    fn bar(&self) -> char {
        match self.style {
            TableStyle::Ascii => '|',
            TableStyle::Utf8 => '│',
        }
    }

    /// A title across the whole grid, cut to fit.
    pub fn title(&self, text: &str) -> String {
        let inner = self.total() - 4;
        let text = cut(text, inner);
        let pad = " ".repeat(inner - width(&text));
        format!("{bar} {text}{pad} {bar}", bar = self.bar())
    }

    /// The lines of one row: each cell's lines padded to its column, with `paint` wrapping a
    /// cell's text (after padding is measured) in colour codes.
    pub fn row(&self, cells: &[Vec<String>], paint: &dyn Fn(usize, &str) -> String) -> Vec<String> {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let bar = self.bar();
        (0..height)
            .map(|i| {
                let mut line = bar.to_string();
                for (column, (lines, w)) in cells.iter().zip(&self.widths).enumerate() {
                    let text = lines.get(i).map_or("", String::as_str);
                    let pad = " ".repeat(w.saturating_sub(width(text)));
                    line.push_str(&format!(" {}{pad} {bar}", paint(column, text)));
                }
                line
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_as_wide_as_the_grid() {
        let grid = Grid {
            widths: vec![4, 6],
            style: TableStyle::Ascii,
        };
        assert_eq!(grid.rule(Rule::Top), "+------+--------+");
        assert_eq!(grid.rule(Rule::Header), "+======+========+");
        assert_eq!(grid.title("未达标 5 项"), "| 未达标 5 项   |");
        let row = grid.row(
            &[vec!["指标".into(), "二行".into()], vec!["done".into()]],
            &|_, t| t.to_string(),
        );
        assert_eq!(row, ["| 指标 | done   |", "| 二行 |        |"]);
        for line in row.iter().chain([&grid.rule(Rule::Bottom)]) {
            assert_eq!(width(line), grid.total());
        }
    }
}
