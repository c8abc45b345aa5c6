//! `--format markdown`: a GitHub-flavoured table and the summary line, ready to paste into a
//! report. Written by hand: pipes are escaped and line breaks become `<br>`, so a cell never
//! breaks the table.

use std::io::{self, Write};

use super::cells::result_cells;
use super::{Lang, Render};
use crate::evaluate::Evaluation;

/// Renders a check as Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown {
    /// The language of headers, words and notes.
    pub lang: Lang,
}

/// A cell's text, safe inside a Markdown table: Markdown's marks escaped (`|`, `*`, `_`,
/// backticks, brackets), `<` as an entity so no HTML tag passes through, line breaks as `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '\n' | '\r' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

impl Render for Markdown {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        writeln!(
            out,
            "## {}",
            escape(&lang.title(evaluation.plan, evaluation))
        )?;
        writeln!(out)?;
        let headers = lang.headers();
        writeln!(out, "| {} |", headers.join(" | "))?;
        writeln!(
            out,
            "|{}",
            headers.iter().map(|_| " --- |").collect::<String>()
        )?;
        for result in &evaluation.results {
            let cells = result_cells(result, lang).map(|c| escape(&c));
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
        writeln!(out, "{}", escape(&lang.summary(evaluation)))?;
        if !evaluation.warnings.is_empty() {
            writeln!(out)?;
            for warning in &evaluation.warnings {
                writeln!(
                    out,
                    "- {}{}",
                    lang.warning(),
                    escape(&lang.warning_text(warning))
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn pipes_and_line_breaks_cannot_break_a_row() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("line 1\nline 2\r\nline 3"),
            "line 1<br>line 2<br>line 3"
        );
        assert_eq!(escape("C:\\data"), "C:\\\\data");
        assert_eq!(
            escape("<b>*x*</b> `y` [z] a_b"),
            "&lt;b>\\*x\\*&lt;/b> \\`y\\` \\[z\\] a\\_b"
        );
    }
}
