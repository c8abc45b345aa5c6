//! White space around a field: any Unicode white space (the ideographic space U+3000 and the
//! no-break space U+00A0 that Excel and WPS leave in cells among them) is trimmed. Most fields
//! neither start nor end with a byte that could begin white space, so they are passed over
//! after looking at two bytes: the hot path of a million-row file.

/// True when a field that starts with `byte` may start with white space: ASCII white space, or
/// the first byte of U+0085/U+00A0 (0xC2), U+1680 (0xE1), U+2000… (0xE2) or U+3000 (0xE3).
#[inline]
const fn may_start_space(byte: u8) -> bool {
    byte.is_ascii_whitespace() || matches!(byte, 0x0B | 0x1C..=0x1F | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// True when a field that ends with `byte` may end with white space: ASCII white space, or the
/// last byte of a white-space character (U+0085 …85, U+00A0 …A0, U+1680 …80, U+2000–U+200A
/// …80–8A, U+2028/29 …A8/A9, U+202F …AF, U+205F …9F, U+3000 …80).
#[inline]
const fn may_end_space(byte: u8) -> bool {
    byte.is_ascii_whitespace()
        || matches!(byte, 0x0B | 0x1C..=0x1F | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF)
}

/// How many bytes of white space a field has before and after it. Only characters whose first
/// byte could start white space are decoded: a Chinese character at either end is passed over
/// at once.
pub fn trimmed(field: &str) -> (usize, usize) {
    let mut text = field;
    while text.as_bytes().first().is_some_and(|&b| may_start_space(b)) {
        match text.chars().next().filter(|c| c.is_whitespace()) {
            Some(c) => text = &text[c.len_utf8()..],
            None => break,
        }
    }
    let lead = field.len() - text.len();
    loop {
        // The last character's first byte: back over continuation bytes (10xxxxxx).
        let bytes = text.as_bytes();
        let last = bytes
            .iter()
            .rev()
            .take(4)
            .find(|&&b| b & 0xC0 != 0x80)
            .copied();
        if !last.is_some_and(may_start_space) {
            break;
        }
        match text.chars().next_back().filter(|c| c.is_whitespace()) {
            Some(c) => text = &text[..text.len() - c.len_utf8()],
            None => break,
        }
    }
    (lead, field.len() - lead - text.len())
}

/// Bytes a field may start with when it starts with white space, as a table: one load a field.
const START: [bool; 256] = table(true);

/// Last bytes of white-space characters, as a table.
const END: [bool; 256] = table(false);

const fn table(start: bool) -> [bool; 256] {
    let mut out = [false; 256];
    let mut b = 0;
    while b < 256 {
        out[b] = match start {
            true => may_start_space(b as u8),
            false => may_end_space(b as u8),
        };
        b += 1;
    }
    out
}

/// True when `field` may end with white space: its last byte may end a white-space character,
/// and, for one of several bytes, the character's first byte could start one (0xC2, 0xE1,
/// 0xE2, 0xE3). `元` (E5 85 83) and `万` (E4 B8 87) end in bytes that U+2000… ends in too.
#[inline]
fn may_end_with_space(field: &[u8]) -> bool {
    let n = field.len();
    let last = field[n - 1];
    if !END[usize::from(last)] {
        return false;
    }
    if last < 0x80 {
        return true;
    }
    (n >= 2 && field[n - 2] == 0xC2) || (n >= 3 && matches!(field[n - 3], 0xE1..=0xE3))
}

/// Trims the field `text[from..to]` in place, when its ends may be white space.
#[inline]
pub fn trim_bounds(text: &str, bounds: &mut (usize, usize)) {
    let (from, to) = *bounds;
    let Some(field) = text.as_bytes().get(from..to).filter(|f| !f.is_empty()) else {
        return;
    };
    if !START[usize::from(field[0])] && !may_end_with_space(field) {
        return;
    }
    // Fields are cut at ASCII delimiters, so each is whole text.
    let (lead, trail) = trimmed(text.get(from..to).unwrap_or(""));
    *bounds = (from + lead, to - trail);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trim(field: &str) -> &str {
        let (lead, trail) = trimmed(field);
        &field[lead..field.len() - trail]
    }

    #[test]
    fn trimming_knows_white_space_from_chinese() {
        assert_eq!(trim(" 技术合同成交额 "), "技术合同成交额");
        assert_eq!(trim("\u{3000}万元\u{3000}"), "万元");
        assert_eq!(trim("\u{a0}1,234\u{a0}"), "1,234");
        assert_eq!(trim("元"), "元");
        assert_eq!(trim("  "), "");
        assert_eq!(trim("\t2.42%\r"), "2.42%");
    }

    #[test]
    fn the_quick_test_misses_no_white_space_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert!(START[usize::from(bytes[0])], "U+{:04X}", c as u32);
                let field = format!("技{c}");
                assert!(may_end_with_space(field.as_bytes()), "U+{:04X}", c as u32);
                let mut bounds = (0, field.len());
                trim_bounds(&field, &mut bounds);
                assert_eq!(bounds, (0, 3), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn chinese_units_are_passed_over() {
        for unit in ["万元", "亿元", "家", "个", "项"] {
            assert!(!may_end_with_space(unit.as_bytes()), "{unit}");
        }
    }
}
