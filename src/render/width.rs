//! Text as a terminal draws it: ambiguous-width characters replaced by unambiguous ones, widths
//! measured, cells wrapped and cut to fit.
//!
//! Terminals set up for Chinese draw "ambiguous" characters (“ ” — · ×) two columns wide, others
//! one, so no width is right for both. The tables print them in unambiguous forms instead
//! (「」, －, ・, x); any other ambiguous character is counted as two, so a line is never wider
//! than measured in either kind of terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` with its ambiguous-width characters in unambiguous forms: quotes as corner brackets,
/// dashes as a full-width dash, and ASCII for the symbols.
pub fn unambiguous(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '“' => out.push('「'),
            '”' => out.push('」'),
            '‘' => out.push('『'),
            '’' => out.push('』'),
            '—' | '―' => out.push('－'),
            '–' => out.push('-'),
            '…' => out.push_str("..."),
            '·' => out.push('・'),
            '×' => out.push('x'),
            '≥' => out.push_str(">="),
            '≤' => out.push_str("<="),
            '→' => out.push_str("->"),
            c => out.push(c),
        }
    }
    out
}

/// Columns `text` takes, counting an ambiguous character as two (the wider of the two ways).
pub fn width(text: &str) -> usize {
    text.width_cjk()
}

fn char_width(c: char) -> usize {
    c.width_cjk().unwrap_or(0)
}

/// Marks a cell cut short.
const CUT: &str = "..";

/// `text` in at most `lines` lines of at most `width` columns: broken at spaces, or between
/// Chinese characters (never inside an ASCII word such as `R&D`, unless the word alone is too
/// wide); the last line cut short with `..` when the text does not fit.
pub fn fit(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut wrapped = wrap(text, width.max(1));
    if wrapped.len() > lines {
        let rest = wrapped
            .split_off(lines - 1)
            .into_iter()
            .reduce(|a, b| {
                let ascii =
                    a.ends_with(|c: char| c.is_ascii()) && b.starts_with(|c: char| c.is_ascii());
                a + if ascii { " " } else { "" } + &b
            })
            .unwrap_or_default();
        wrapped.push(cut(&rest, width));
    }
    wrapped
}

/// `text` on one line of at most `width` columns, ending in `..` when cut.
pub fn cut(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(CUT.len());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) > room {
            break;
        }
        used += char_width(c);
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    if width >= CUT.len() {
        out.push_str(CUT);
    }
    out
}

/// How many lines `text` takes at `width` columns.
pub fn lines_at(text: &str, width: usize) -> usize {
    wrap(text, width.max(1)).len()
}

/// Breaks `text` into lines of at most `width` columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (token, space) in tokens(text) {
        let sep = if line.is_empty() || !space { "" } else { " " };
        if self::width(&line) + self::width(sep) + self::width(&token) <= width {
            line.push_str(sep);
            line.push_str(&token);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A token wider than a line is broken between its characters.
        for c in token.chars() {
            if self::width(&line) + char_width(c) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The pieces a line may break between, each with whether a space came before it: an ASCII
/// word, or one wide character with the punctuation that may not start or end a line.
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut space = false;
    let mut open = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let joins_previous = !space
            && out.last().is_some_and(|(t, _)| {
                let last = t.chars().last().unwrap_or(' ');
                (c.is_ascii() && last.is_ascii()) || "）」』”’、，。；：！？%".contains(c)
            });
        if "（「『“‘".contains(c) {
            open.push(c);
            continue;
        }
        if joins_previous && open.is_empty() {
            out.last_mut().expect("checked").0.push(c);
        } else {
            out.push((std::mem::take(&mut open) + &c.to_string(), space));
        }
        space = false;
    }
    if !open.is_empty() {
        out.push((open, space));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_characters_become_unambiguous() {
        let name = unambiguous("新建“四主体一联合”研发平台（2021—2035年）");
        assert_eq!(name, "新建「四主体一联合」研发平台（2021－2035年）");
        assert_eq!(width(&name), name.width(), "no ambiguous character is left");
        assert_eq!(width("“"), 2, "an ambiguous character counts as two");
    }

    #[test]
    fn wraps_between_chinese_characters_and_at_spaces_never_inside_a_word() {
        assert_eq!(
            fit("全社会R&D经费投入强度", 10, 2),
            ["全社会R&D", "经费投入.."]
        );
        assert_eq!(
            fit("全社会R&D经费投入强度", 12, 2),
            ["全社会R&D经", "费投入强度"]
        );
        assert_eq!(
            fit("growth >= 20% on the year before", 16, 2),
            ["growth >= 20% on", "the year before"]
        );
        assert_eq!(fit("新建「双创」孵化载体", 8, 2), ["新建「双", "创」孵.."]);
        assert_eq!(
            fit("新建「双创」孵化载体", 8, 3),
            ["新建「双", "创」孵化", "载体"]
        );
    }

    #[test]
    fn cut_marks_what_it_leaves_out() {
        assert_eq!(cut("no figure for 2020", 12), "no figure..");
        assert_eq!(cut("无 2020 年数据", 9), "无 2020..");
        assert_eq!(cut("short", 12), "short");
        for w in 0..20 {
            assert!(width(&cut("中长期科技发展规划（2021—2035年）编制", w)) <= w.max(2));
        }
    }
}
