//! A baseline for the benchmark (`bench/run.sh`): the least a reader built on the `csv` crate
//! must do for `plan check` on a record-level file. It reads FILE with the `csv` crate into one
//! reused `ByteRecord`, keeps the rows of 技术合同成交额 whose period starts with 2020 (the
//! same filter as the two Python peers), parses their value to `rust_decimal::Decimal`
//! and sums it exactly, then compares the total with the plan's 1200 亿元.
//!
//! Usage: `cargo run --release --example csv-baseline -- FILE`
//!
//! Prints the rows summed, the total in 万元 and in 亿元, and whether it exceeds 1200 亿元.
//! No trimming, no unit check, no names or periods resolved, no error positions: `plan` does
//! all of those, so this is a floor for it, not a peer.

use std::process::ExitCode;
use std::str::FromStr;

use rust_decimal::Decimal;

const INDICATOR: &[u8] = "技术合同成交额".as_bytes();
const YEAR: &[u8] = b"2020";

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: csv-baseline FILE");
        return ExitCode::from(2);
    };
    match run(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {path}: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .from_path(path)?;
    let headers = reader.byte_headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name.as_bytes())
            .ok_or_else(|| format!("no column {name}"))
    };
    let (indicator, period, value) = (column("indicator")?, column("period")?, column("value")?);

    let mut record = csv::ByteRecord::new();
    let mut total = Decimal::ZERO;
    let mut rows: u64 = 0;
    while reader.read_byte_record(&mut record)? {
        if record.get(indicator) != Some(INDICATOR)
            || !record.get(period).is_some_and(|p| p.starts_with(YEAR))
        {
            continue;
        }
        let text = std::str::from_utf8(record.get(value).unwrap_or_default())?;
        let figure = Decimal::from_str(text).map_err(|err| {
            let line = record.position().map_or(0, csv::Position::line);
            format!("line {line}: value {text:?}: {err}")
        })?;
        total = total
            .checked_add(figure)
            .ok_or("the total outgrows a decimal")?;
        rows += 1;
    }
    // 1 亿元 = 10,000 万元.
    let yi = (total / Decimal::from(10_000)).normalize();
    let met = if yi > Decimal::from(1200) {
        "met"
    } else {
        "unmet"
    };
    println!("{rows} rows; total {total} 万元 = {yi} 亿元 {met}");
    Ok(())
}
