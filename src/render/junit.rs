//! `--format junit`: one testsuite for the plan, one testcase per target, as Jenkins and GitLab
//! read JUnit XML. Unmet and behind targets are failures whose message gives the target, the
//! actual and the gap; missing targets are skipped. Written by hand with full XML escaping.

use std::io::{self, Write};

use super::cells::result_cells;
use super::{Lang, Render};
use crate::evaluate::{Evaluation, Status};

/// Renders a check as JUnit XML.
#[derive(Debug, Clone, Copy, Default)]
pub struct Junit {
    /// The language of messages.
    pub lang: Lang,
}

/// Text escaped for XML content and attribute values; characters XML 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl Render for Junit {
    fn render(&self, evaluation: &Evaluation, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let plan = evaluation.plan;
        // The regions' shares are test cases too: they fail a run as the whole plan's do.
        let (whole, regional) = (evaluation.summary(), evaluation.regional_summary());
        let summary = crate::evaluate::Summary {
            met: whole.met + regional.met,
            unmet: whole.unmet + regional.unmet,
            on_track: whole.on_track + regional.on_track,
            behind: whole.behind + regional.behind,
            missing: whole.missing + regional.missing,
            overdue: whole.overdue + regional.overdue,
            total: whole.total + regional.total,
        };
        let failures = summary.unmet + summary.behind + summary.overdue;
        let suite = escape(&format!("{} ({})", plan.title, evaluation.period));
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="plan" tests="{}" failures="{failures}" errors="0" skipped="{}">"#,
            summary.total, summary.missing
        )?;
        writeln!(
            out,
            r#"  <testsuite name="{suite}" tests="{}" failures="{failures}" errors="0" skipped="{}">"#,
            summary.total, summary.missing
        )?;
        for result in evaluation.results.iter().chain(&evaluation.regional) {
            let target = result.target;
            let name = escape(&match &target.region {
                Some((_, region)) => format!("{} {} @ {region}", target.id, target.name),
                None => format!("{} {}", target.id, target.name),
            });
            let class = escape(&format!("plan.{}.{}", plan.horizon.target, target.source));
            // The same words as the table: target, actual, gap (in pp when judged by a growth rate).
            let cells = result_cells(result, lang);
            let detail = match lang {
                Lang::Zh => format!(
                    "{}：目标 {}，实际 {}，差距 {}",
                    cells[0], cells[1], cells[3], cells[6]
                ),
                Lang::En => format!(
                    "{}: target {}, actual {}, gap {}",
                    cells[0], cells[1], cells[3], cells[6]
                ),
            };
            let notes = lang.notes(&result.notes);
            match result.status {
                Status::Unmet | Status::Behind | Status::Overdue => {
                    writeln!(out, r#"    <testcase name="{name}" classname="{class}">"#)?;
                    writeln!(
                        out,
                        r#"      <failure message="{}" type="{}">{}</failure>"#,
                        escape(&detail),
                        result.status.key(),
                        escape(
                            [detail.as_str(), notes.as_str()]
                                .join(
                                    "
"
                                )
                                .trim_end()
                        )
                    )?;
                    writeln!(out, "    </testcase>")?;
                }
                Status::Missing => {
                    writeln!(out, r#"    <testcase name="{name}" classname="{class}">"#)?;
                    writeln!(out, r#"      <skipped message="{}"/>"#, escape(&notes))?;
                    writeln!(out, "    </testcase>")?;
                }
                Status::Met | Status::OnTrack => {
                    writeln!(out, r#"    <testcase name="{name}" classname="{class}"/>"#)?;
                }
            }
        }
        if !evaluation.warnings.is_empty() {
            let warnings = evaluation
                .warnings
                .iter()
                .map(|w| lang.warning_text(w))
                .collect::<Vec<_>>()
                .join("\n");
            writeln!(out, "    <system-out>{}</system-out>", escape(&warnings))?;
        }
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn xml_escaping() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c"), "abc");
        assert_eq!(escape("a\nb"), "a&#10;b");
    }
}
