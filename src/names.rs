//! Indicator names as people type them: one normal form for matching, and the closest known
//! names for an unknown one.

use std::borrow::Cow;

pub use decorated::{undecorate, Undecorated};

mod decorated;

use unicode_normalization::UnicodeNormalization;

/// Quote marks of every kind, dropped when names are compared: “四主体一联合” = "四主体一联合" =
/// 「四主体一联合」 = 四主体一联合.
const QUOTES: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞', '＂', '＇', '《', '》',
];

/// The form names are matched in: Unicode NFKC (full-width R＆D becomes R&D), without white space
/// or quote marks, ASCII lowercased.
///
/// ```
/// use plan::names::normalize;
///
/// assert_eq!(normalize("全社会Ｒ＆Ｄ 经费投入强度"), normalize("全社会R&D经费投入强度"));
/// assert_eq!(normalize("新建“双创”孵化载体"), normalize("新建「双创」孵化载体"));
/// ```
pub fn normalize(name: &str) -> String {
    nfkc(name)
        .chars()
        .filter(|c| !c.is_whitespace() && !QUOTES.contains(c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `text` in Unicode NFKC. Text of ASCII and CJK unified ideographs (U+4E00–U+9FFF), which
/// NFKC leaves as they are, is passed through without the normaliser's per-character work.
///
/// ```
/// use plan::names::nfkc;
///
/// assert_eq!(nfkc("技术合同成交额 2020"), "技术合同成交额 2020");
/// assert_eq!(nfkc("Ｒ＆Ｄ２０２０年"), "R&D2020年");
/// ```
pub fn nfkc(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .all(|c| c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// Up to `n` candidates closest to `wanted`, best first. Each candidate is `(label, names)`:
/// the label is returned, scored by its closest name. Ties keep the candidates' order, so the
/// result is deterministic.
pub fn closest<'a>(wanted: &str, candidates: &[(&'a str, Vec<&str>)], n: usize) -> Vec<&'a str> {
    // Names are short; a very long cell is compared by its start, in bounded time.
    let wanted: String = normalize(wanted).chars().take(100).collect();
    let mut scored: Vec<((u32, usize), usize, &str)> = candidates
        .iter()
        .enumerate()
        .map(|(order, (label, names))| {
            let best = names
                .iter()
                .map(|name| distance(&wanted, &normalize(name)))
                .min()
                .unwrap_or((u32::MAX, usize::MAX));
            (best, order, *label)
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(n)
        .map(|(_, _, label)| label)
        .collect()
}

/// How far apart two names are, smaller is closer: first by shared character pairs (Sørensen–Dice
/// over bigrams, so 研发强度 is near 全社会R&D经费投入强度's neighbours rather than any short name),
/// then by edit distance.
fn distance(a: &str, b: &str) -> (u32, usize) {
    let dice = strsim::sorensen_dice(a, b);
    let dissimilarity = ((1.0 - dice) * 1_000_000.0).round() as u32;
    (dissimilarity, strsim::levenshtein(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_spaces_and_quotes_do_not_matter() {
        assert_eq!(
            normalize(" 全社会Ｒ＆Ｄ 经费投入强度 "),
            normalize("全社会R&D经费投入强度")
        );
        assert_eq!(
            normalize("新建“四主体一联合”研发平台"),
            normalize("新建「四主体一联合」研发平台")
        );
        assert_eq!(normalize("RD_Intensity"), "rd_intensity");
        assert_ne!(normalize("新建省重点实验室"), normalize("新建省级高新区"));
    }

    #[test]
    fn closest_prefers_near_names_and_is_stable() {
        let candidates = vec![
            ("a", vec!["技术合同成交额"]),
            ("b", vec!["新建省重点实验室"]),
            ("c", vec!["技术合同数量"]),
        ];
        assert_eq!(closest("技术合同成交金额", &candidates, 2), vec!["a", "c"]);
    }
}
