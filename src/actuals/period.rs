//! Period names in actual figures.

use crate::names::nfkc;

/// Reads a year as analysts write it: `2020`, `2020年`, `２０２０年`, with spaces around.
pub fn parse_year(text: &str) -> Option<i32> {
    let text = nfkc(text);
    let digits = text.trim().trim_end_matches('年').trim();
    if digits.len() == 4 && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::parse_year;

    #[test]
    fn years_as_written() {
        assert_eq!(parse_year("2020"), Some(2020));
        assert_eq!(parse_year(" 2019年 "), Some(2019));
        assert_eq!(parse_year("２０２０年"), Some(2020));
        for bad in ["20", "2020Q3", "二〇二〇年", "", "12020", "2020.0"] {
            assert_eq!(parse_year(bad), None, "{bad:?}");
        }
    }
}
