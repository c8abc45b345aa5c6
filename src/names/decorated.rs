//! Names as analysts' sheets decorate them: a list number in front (`1.`, `一、`, `（一）`, `①`),
//! `其中：` for a breakdown row, a footnote mark behind (`*`, `※`), or the unit in brackets
//! (`技术合同成交额（亿元）`). Only what is certainly decoration is taken off; a name is matched
//! this way only when it does not match as written.

use crate::units::{kind, UnitKind};

/// A decorated name taken apart: the name itself, and the unit its brackets give, if any. Both
/// are parts of the text as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecorated<'a> {
    /// The name without its decoration.
    pub name: &'a str,
    /// The unit written in brackets at its end (`亿元` of `技术合同成交额（亿元）`).
    pub unit: Option<&'a str>,
}

const CHINESE_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const OPEN: &[char] = &['(', '（'];
const CLOSE: &[char] = &[')', '）'];
/// Footnote marks written after a name.
const MARKS: &[char] = &['*', '＊', '※', '△', '▲', '#', '＃'];

/// `name` without its decoration; `None` when it has none.
///
/// ```
/// use plan::names::undecorate;
///
/// assert_eq!(undecorate("1.技术合同成交额").unwrap().name, "技术合同成交额");
/// assert_eq!(undecorate("（一）其中：技术合同成交额*").unwrap().name, "技术合同成交额");
/// let u = undecorate("技术合同成交额（亿元）").unwrap();
/// assert_eq!((u.name, u.unit), ("技术合同成交额", Some("亿元")));
/// assert_eq!(undecorate("技术合同成交额"), None);
/// assert_eq!(undecorate("研发平台（中心）"), None, "not a unit: part of the name");
/// ```
pub fn undecorate(name: &str) -> Option<Undecorated<'_>> {
    let mut rest = name.trim();
    // Up to two prefixes: `（一）其中：`.
    for _ in 0..2 {
        rest = strip_prefix(rest).unwrap_or(rest).trim_start();
    }
    let mut unit = None;
    loop {
        let before = rest;
        rest = rest.trim_end_matches(MARKS).trim_end();
        if unit.is_none() {
            if let Some((core, inner)) = bracketed_unit(rest) {
                unit = Some(inner);
                rest = core.trim_end();
            }
        }
        if rest == before {
            break;
        }
    }
    (rest != name && !rest.is_empty()).then_some(Undecorated { name: rest, unit })
}

/// `text` without one leading list number or `其中：`.
fn strip_prefix(text: &str) -> Option<&str> {
    for word in ["其中：", "其中:", "其中，", "其中,"] {
        if let Some(rest) = text.strip_prefix(word) {
            return Some(rest);
        }
    }
    // ① … ⑳
    if let Some(c) = text.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
        return Some(&text[c.len_utf8()..]);
    }
    // （1） (一)
    if let Some(inner) = text.strip_prefix(OPEN) {
        let end = inner.find(CLOSE)?;
        if !is_number(&inner[..end]) {
            return None;
        }
        let close = inner[end..].chars().next()?;
        return Some(&inner[end + close.len_utf8()..]);
    }
    // 1.  1、  1)  一、
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || CHINESE_NUMERALS.contains(c)))
        .map(|(i, _)| i)?;
    if end == 0 || !is_number(&text[..end]) {
        return None;
    }
    let mut after = text[end..].chars();
    let separator = after.next()?;
    let arabic = text.starts_with(|c: char| c.is_ascii_digit());
    let fits = match separator {
        '、' => true,
        '.' | '．' | ')' | '）' => arabic,
        _ => false,
    };
    fits.then_some(after.as_str())
}

/// True for `12` or `十二`: a list number, not a mix.
fn is_number(text: &str) -> bool {
    !text.is_empty()
        && (text.chars().all(|c| c.is_ascii_digit())
            || text.chars().all(|c| CHINESE_NUMERALS.contains(&c)))
}

/// `text` as (name, unit) when it ends with a unit in brackets: `技术合同成交额（亿元）`.
fn bracketed_unit(text: &str) -> Option<(&str, &str)> {
    let inner_end = text.strip_suffix(CLOSE)?;
    let open = inner_end.rfind(OPEN)?;
    let open_len = inner_end[open..].chars().next()?.len_utf8();
    let inner = inner_end[open + open_len..].trim();
    let core = &text[..open];
    let is_unit = !inner.is_empty() && !matches!(kind(inner), UnitKind::Other(_));
    (is_unit && !core.trim().is_empty()).then_some((core, inner))
}
