//! Writes a record-level CSV for benchmarks: one row per registered technology contract, in
//! 万元, with monthly periods and a region, as a province's contract registry exports it.
//!
//! Usage: `cargo run --release --example gen-records -- ROWS FILE`
//!
//! Values are drawn from a fixed-seed generator, so the same ROWS give the same file; the last
//! line printed is the file's exact total in 万元 and in 亿元.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

const REGIONS: [&str; 11] = [
    "西安", "宝鸡", "咸阳", "铜川", "渭南", "延安", "榆林", "汉中", "安康", "商洛", "杨凌",
];

/// xorshift64*: small, fast and deterministic; the statistics do not matter here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(rows), Some(path)) = (
        args.first().and_then(|r| r.parse::<u64>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-records ROWS FILE");
        return ExitCode::from(2);
    };
    let file = match File::create(path) {
        Ok(file) => file,
        Err(err) => {
            eprintln!("error: {path}: {err}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Totals in cents of 万元, exact.
    let mut total: u128 = 0;
    let result = (|| -> std::io::Result<()> {
        writeln!(out, "indicator,period,region,value,unit")?;
        for i in 0..rows {
            let month = i * 12 / rows.max(1) + 1;
            let region = REGIONS[(rng.next() % REGIONS.len() as u64) as usize];
            // Most contracts are small; a few are large: 0.01 to about 20,000 万元.
            let r = rng.next();
            let cents = match r % 100 {
                0 => r % 2_000_000_000,
                1..=9 => r % 20_000_000,
                _ => r % 500_000,
            } + 1;
            total += u128::from(cents);
            writeln!(
                out,
                "技术合同成交额,2020-{month:02},{region},{}.{:02},万元",
                cents / 100,
                cents % 100
            )?;
        }
        out.flush()
    })();
    if let Err(err) = result {
        eprintln!("error: {path}: {err}");
        return ExitCode::from(2);
    }
    // 1 亿元 = 10,000 万元.
    println!(
        "{rows} rows; total {}.{:02} 万元 = {} 亿元",
        total / 100,
        total % 100,
        yi(total)
    );
    ExitCode::SUCCESS
}

/// Cents of 万元 as 亿元, exactly (1 亿元 = 1,000,000 cents of 万元).
fn yi(cents: u128) -> String {
    let whole = cents / 1_000_000;
    let frac = format!("{:06}", cents % 1_000_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    }
}
