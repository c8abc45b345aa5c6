//! Any text as a number or a period: read or refused, never a panic; what reads prints back to
//! itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::number::{parse_decimal, parse_plain, read_written_number};
use plan::period::parse_period;

fuzz_target!(|text: &str| {
    if let Ok(d) = parse_decimal(text) {
        assert_eq!(parse_decimal(&d.to_string()), Ok(d));
    }
    if let Some(d) = parse_plain(text) {
        assert_eq!(parse_decimal(text), Ok(d), "the fast path agrees with the full parser");
    }
    let _ = read_written_number(text);
    if let Some(p) = parse_period(text) {
        assert_eq!(parse_period(&p.to_string()), Some(p), "a period prints back to itself");
    }
});
