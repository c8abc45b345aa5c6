//! Indicator names as people type them: one normal form for matching, and the closest known
//! names for an unknown one.

use unicode_normalization::UnicodeNormalization;

/// Quote marks of every kind, dropped when names are compared: “四主体一联合” = "四主体一联合" =
/// 「四主体一联合」 = 四主体一联合.
const QUOTES: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞', '＂', '＇', '《', '》',
];

/// The form names are matched in: Unicode NFKC (full-width R＆D becomes R&D), without white space
/// or quote marks, ASCII lowercased.
pub fn normalize(name: &str) -> String {
    name.nfkc()
        .filter(|c| !c.is_whitespace() && !QUOTES.contains(c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Up to `n` candidates closest to `wanted`, best first. Each candidate is `(label, names)`:
/// the label is returned, and the distance is the least edit distance to any of its names.
/// Ties keep the candidates' order, so the result is deterministic.
pub fn closest<'a>(wanted: &str, candidates: &[(&'a str, Vec<&str>)], n: usize) -> Vec<&'a str> {
    let wanted = normalize(wanted);
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .iter()
        .enumerate()
        .map(|(order, (label, names))| {
            let best = names
                .iter()
                .map(|name| distance(&wanted, &normalize(name)))
                .min()
                .unwrap_or(usize::MAX);
            (best, order, *label)
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, _, label)| label).collect()
}

/// Edit distance in characters, made smaller when one name contains the other (an analyst who
/// types 研发投入强度 means 全社会R&D经费投入强度 more than 高新区 does).
fn distance(a: &str, b: &str) -> usize {
    let edit = strsim::levenshtein(a, b);
    if !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a)) {
        edit / 2
    } else {
        edit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_spaces_and_quotes_do_not_matter() {
        assert_eq!(normalize(" 全社会Ｒ＆Ｄ 经费投入强度 "), normalize("全社会R&D经费投入强度"));
        assert_eq!(normalize("新建“四主体一联合”研发平台"), normalize("新建「四主体一联合」研发平台"));
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
