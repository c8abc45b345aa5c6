//! Oracle tests of reading: random files written the ways analysts' tools write them (any
//! quoting, delimiters, quotes and line breaks inside quoted cells, LF / CRLF / CR / mixed line
//! ends, with and without a final line break, a byte-order mark, GBK and UTF-16, tab-separated,
//! title and blank lines, short rows, white space around cells, records large enough to cross
//! every read boundary). Each total `plan` reports must be the one the `csv` crate's reading of
//! the same bytes gives, summed independently in exact decimals.

mod common;

use std::collections::BTreeMap;
use std::str::FromStr;

use plan::actuals::{read_bytes, ReadOptions};
use plan::figure::FigureValue;
use plan::resolve::{Collector, ResolveOptions};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The two record-level targets of `plans/oracle.yaml`: ids and names as written in files.
const TARGETS: [[&str; 2]; 2] = [["contracts", "技术合同成交额"], ["grants", "科技项目经费"]];

/// One data row as generated.
#[derive(Debug, Clone)]
struct Row {
    target: usize,
    by_name: bool,
    month: u32,
    /// The value's digits and scale.
    value: (u64, u32),
    /// White space around the value, inside its cell.
    padded: bool,
    note: String,
    quote_all: bool,
}

/// How a file is written.
#[derive(Debug, Clone)]
struct Style {
    tab: bool,
    /// 0: LF, 1: CRLF, 2: CR, 3: each line at random.
    ends: u8,
    final_break: bool,
    bom: bool,
    /// 0: UTF-8, 1: GBK, 2: UTF-16LE with a byte-order mark.
    encoding: u8,
    title: bool,
    chinese_header: bool,
    /// Rows after which a blank line (or one of spaces) comes.
    blanks: Vec<usize>,
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(String::new()),
        4 => "[a-z中文 ,\t\"\r\n，]{0,12}",
        // Long enough to cross a 64 KiB read, now and then.
        1 => (1usize..3, "[a-z,\"\n]{1,4}").prop_map(|(k, s)| s.repeat(k * 9000)),
    ]
}

fn row() -> impl Strategy<Value = Row> {
    (
        0usize..2,
        any::<bool>(),
        1u32..=12,
        (0u64..10_000_000_000, 0u32..5),
        any::<bool>(),
        note(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(target, by_name, month, value, padded, note, quote_all)| Row {
                target,
                by_name,
                month,
                value,
                padded,
                note,
                quote_all,
            },
        )
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        0u8..4,
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(0usize..400, 0..4),
    )
        .prop_map(
            |(tab, ends, final_break, bom, encoding, title, chinese_header, blanks)| Style {
                tab,
                ends,
                final_break,
                bom,
                encoding,
                title,
                chinese_header,
                blanks,
            },
        )
}

/// A cell as a CSV writer that quotes only when it must (or always) writes it.
fn cell(text: &str, delimiter: char, always: bool) -> String {
    if always || text.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn decimal((digits, scale): (u64, u32)) -> Decimal {
    Decimal::new(digits as i64, scale)
}

/// The file's text, and its bytes in the style's encoding.
fn write(rows: &[Row], style: &Style, seed: u64) -> (String, Vec<u8>) {
    let d = if style.tab { '\t' } else { ',' };
    let mut k = seed;
    let mut end = || {
        let pick = match style.ends {
            3 => {
                k = k.wrapping_mul(6364136223846793005).wrapping_add(1);
                ((k >> 33) % 3) as u8
            }
            e => e,
        };
        ["\n", "\r\n", "\r"][pick as usize]
    };
    let mut text = String::new();
    if style.title {
        // What Excel writes for a title merged over the columns: the title, then empty cells.
        let title = "2020年科技指标完成情况（单位, 口径见备注）";
        text.push_str(&cell(title, d, false));
        text.push_str(&d.to_string().repeat(3));
        text.push_str(end());
    }
    let header = match style.chinese_header {
        true => ["指标", "年份", "数值", "备注"],
        false => ["indicator", "period", "value", "note"],
    };
    text.push_str(&header.join(&d.to_string()));
    for (i, row) in rows.iter().enumerate() {
        text.push_str(end());
        if style.blanks.contains(&i) {
            text.push_str(if i % 2 == 0 { "" } else { "   " });
            text.push_str(end());
        }
        let value = decimal(row.value).to_string();
        let value = if row.padded {
            format!(" {value}\u{3000}")
        } else {
            value
        };
        let mut cells = vec![
            cell(
                TARGETS[row.target][usize::from(row.by_name)],
                d,
                row.quote_all,
            ),
            cell(&format!("2020-{:02}", row.month), d, row.quote_all),
            cell(&value, d, row.quote_all),
        ];
        // Excel leaves an empty last cell out; a note is written (quoted when it must be).
        if !row.note.is_empty() || row.quote_all {
            cells.push(cell(&row.note, d, row.quote_all));
        }
        text.push_str(&cells.join(&d.to_string()));
    }
    if style.final_break {
        text.push_str(end());
    }
    let bytes = match style.encoding {
        1 => encoding_rs::GB18030.encode(&text).0.into_owned(),
        2 => {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        _ if style.bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        _ => text.clone().into_bytes(),
    };
    (text, bytes)
}

/// The totals the `csv` crate's reading of `text` gives: (target, month) -> sum.
fn oracle(text: &str, tab: bool) -> BTreeMap<(usize, u32), Decimal> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header_seen = false;
    let mut totals = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("the csv crate reads every generated file");
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if !header_seen {
            header_seen = filled >= 2;
            continue;
        }
        if filled == 0 {
            continue;
        }
        let target = TARGETS
            .iter()
            .position(|names| names.contains(&cells[0]))
            .expect("a known indicator");
        let month: u32 = cells[1][5..].parse().expect("a month");
        let value = Decimal::from_str(cells[2]).expect("a decimal");
        *totals.entry((target, month)).or_insert(Decimal::ZERO) += value;
    }
    totals
}

fn oracle_plan() -> plan::plan::Plan {
    let path = common::fixtures().join("plans/oracle.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    plan::plan::load_plan(&text, "oracle.yaml").unwrap()
}

/// The totals `plan` reads from `bytes`: (target, month) -> sum.
fn read(plan: &plan::plan::Plan, bytes: &[u8]) -> Result<BTreeMap<(usize, u32), Decimal>, String> {
    let options = ReadOptions {
        default_year: 2020,
        ..ReadOptions::default()
    };
    let mut collector = Collector::new(plan, ResolveOptions::default());
    read_bytes(bytes, "oracle.csv", &options, &mut |obs| collector.add(obs))
        .map_err(|e| e.to_string())?;
    let figures = collector.finish();
    let mut totals = BTreeMap::new();
    for (target, series) in figures.by_target.iter().enumerate() {
        for (period, figure) in series {
            let Some(FigureValue::Number(n)) = figure.value else {
                return Err(format!("no number for {target} in {period}"));
            };
            totals.insert((target, u32::from(period.last)), n.normalize());
        }
    }
    Ok(totals)
}

fn normalized(totals: BTreeMap<(usize, u32), Decimal>) -> BTreeMap<(usize, u32), Decimal> {
    totals
        .into_iter()
        .map(|(k, v)| (k, v.normalize()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Every total is the csv crate's reading summed, whatever the file's form.
    #[test]
    fn every_total_is_what_the_csv_crate_reads(
        rows in prop::collection::vec(row(), 0..120),
        style in style(),
        seed in any::<u64>(),
    ) {
        // A GBK file is told from UTF-8 by its first 64 KiB, so it has Chinese in them, as
        // Excel's are: its header. (One whose first 64 KiB are ASCII reads as UTF-8 and is an
        // error at its first Chinese byte, which says to pass --encoding gbk.)
        let style = Style { chinese_header: style.chinese_header || style.encoding == 1, ..style };
        let (text, bytes) = write(&rows, &style, seed);
        let expected = normalized(oracle(&text, style.tab));
        let got = read(&oracle_plan(), &bytes);
        prop_assert_eq!(got, Ok(expected), "file: {:?}", text.chars().take(600).collect::<String>());
    }
}

/// The totals `plan show` prints for each target, running the real binary on `path`.
fn shown(path: &std::path::Path, env: &[(&str, &str)]) -> BTreeMap<(usize, u32), Decimal> {
    let mut totals = BTreeMap::new();
    for (target, [id, _]) in TARGETS.iter().enumerate() {
        let mut command = common::command(&[
            "show",
            id,
            path.to_str().unwrap(),
            "--plan",
            "plans/oracle.yaml",
            "--format",
            "json",
        ]);
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command.output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{id}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for figure in json["target"]["figures"].as_array().unwrap() {
            let period = figure["period"].as_str().unwrap();
            let month: u32 = period[5..].parse().unwrap();
            let value = Decimal::from_str(&figure["value"].to_string()).unwrap();
            totals.insert((target, month), value.normalize());
        }
    }
    totals
}

/// True when `text` has no quote and a `\n` after the middle of what follows its header,
/// where a file is split.
fn splittable(text: &str) -> bool {
    if text.contains('"') {
        return false;
    }
    let header = ["indicator", "指标"]
        .iter()
        .filter_map(|h| text.find(h))
        .min()
        .unwrap_or(0);
    let Some(end) = text[header..].find(['\n', '\r']).map(|i| header + i) else {
        return false;
    };
    let start = end
        + if text[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
    let middle = start + (text.len() - start) / 2;
    text.as_bytes()[middle..text.len().saturating_sub(1).max(middle)].contains(&b'\n')
}

/// True when the library reads the file at `path` in two halves, as the binary does under
/// `PLAN_PARALLEL_MIN=1`.
fn is_split(path: &std::path::Path) -> bool {
    std::env::set_var("PLAN_PARALLEL_MIN", "1");
    let options = ReadOptions {
        default_year: 2020,
        ..ReadOptions::default()
    };
    let collect = plan::actuals::Collect {
        new: &|| (),
        add: &|_: &mut (), _: &plan::actuals::Observation| Ok(()),
        shift: &|_: &mut (), _| true,
    };
    plan::actuals::read_in_halves(path, &options, &collect).is_some()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Files read in two halves on two threads, split wherever their middle falls (every file
    /// is split here), give the totals of the csv crate's reading; so do the same files read
    /// in one pass.
    #[test]
    fn halves_give_the_totals_of_one_reading(
        rows in prop::collection::vec(row(), 1..400),
        style in style(),
        seed in any::<u64>(),
    ) {
        // Splitting is for UTF-8 files without quotes.
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|r| Row { note: r.note.replace(['"', '\n', '\r', ',', '\t'], ""), quote_all: false, ..r })
            .collect();
        let style = Style { encoding: 0, bom: false, ..style };
        let (text, bytes) = write(&rows, &style, seed);
        let expected = normalized(oracle(&text, style.tab));
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &bytes).unwrap();
        if splittable(&text) {
            prop_assert!(is_split(file.path()), "the file is read in halves");
        }
        let split = shown(file.path(), &[("PLAN_PARALLEL_MIN", "1")]);
        prop_assert_eq!(&split, &expected);
        let one = shown(file.path(), &[("PLAN_THREADS", "1")]);
        prop_assert_eq!(&one, &expected);
    }
}
