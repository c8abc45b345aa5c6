//! Workbooks as programs and people make them: float noise in formulas (read as Excel shows
//! them, 15 significant digits), formulas saved without a value (openpyxl, many generators),
//! hostile .ods files whose repeated rows and columns would expand without end, a full sheet of
//! a million records, and hidden sheets.
//!
//! Every workbook here is made by the test: with rust_xlsxwriter, or by writing the zip's XML
//! parts, in a temporary folder where the real binary runs, so messages name `n.xlsx`.

mod common;

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use common::{command, Run};
use rust_xlsxwriter::{Format, Formula, Workbook};

/// Runs `plan ARGS...` in `dir`.
fn plan_in(dir: &Path, args: &[&str]) -> Run {
    let output = command(args)
        .current_dir(dir)
        .output()
        .expect("the plan binary runs");
    Run {
        code: output.status.code().expect("plan exits normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A temporary folder holding `name` with `bytes`.
fn folder_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(name), bytes).expect("the folder is writable");
    dir
}

/// `plan check --format json FILE ARGS...` on `bytes` saved as `name`: the run.
fn check(name: &str, bytes: &[u8], args: &[&str]) -> Run {
    let dir = folder_with(name, bytes);
    let mut all = vec!["check", "--format", "json", name];
    all.extend_from_slice(args);
    plan_in(dir.path(), &all)
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("JSON on stdout: {run:?}"))
}

fn result<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no result for {id}"))
}

#[track_caller]
fn assert_error(run: &Run, message: &str) {
    assert_eq!(run.stderr, format!("error: {message}\n"), "stderr");
    assert_eq!(run.code, 2, "exit code");
    assert_eq!(run.stdout, "", "nothing on stdout");
}

/// A cell to write with rust_xlsxwriter.
#[derive(Debug, Clone)]
enum W {
    S(String),
    N(f64),
    /// A formula and the result saved with it.
    F(&'static str, String),
    /// A percent-formatted number.
    P(f64),
}

fn s(text: &str) -> W {
    W::S(text.to_string())
}

/// An .xlsx of one sheet (`Sheet1`) holding `rows`.
fn xlsx(rows: &[Vec<W>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let percent = Format::new().set_num_format("0.00%");
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                W::S(text) => sheet.write_string(r, c, text.as_str()),
                W::N(n) => sheet.write_number(r, c, *n),
                W::F(formula, saved) => {
                    sheet.write_formula(r, c, Formula::new(*formula).set_result(saved.as_str()))
                }
                W::P(n) => sheet.write_number_with_format(r, c, *n, &percent),
            }
            .expect("a cell rust_xlsxwriter writes");
        }
    }
    book.save_to_buffer().expect("an .xlsx")
}

/// The same zip with part `name` changed by `edit`.
fn edit_part(zip: &[u8], name: &str, edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut edit = Some(edit);
    let mut found = false;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a part");
        let part = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("a readable part");
        if part == name {
            let text = String::from_utf8(bytes).expect("XML");
            bytes = (edit.take().expect("one part"))(text).into_bytes();
            found = true;
        }
        out.start_file(part, options).expect("a part written");
        out.write_all(&bytes).expect("a part written");
    }
    assert!(found, "no part {name}");
    out.finish().expect("a zip").into_inner()
}

/// Replaces `from` by `to` in a part, which must hold it.
fn replace(zip: &[u8], name: &str, from: &str, to: &str) -> Vec<u8> {
    edit_part(zip, name, |text| {
        assert!(text.contains(from), "{name} holds `{from}`: {text}");
        text.replacen(from, to, 1)
    })
}

/// An .ods whose sheets are (name, hidden, the XML of its rows), made as LibreOffice makes
/// one: `mimetype` first and stored, then the manifest and `content.xml`.
fn ods(tables: &[(&str, bool, &str)]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:automatic-styles><style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style><style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style></office:automatic-styles><office:body><office:spreadsheet>"#,
    );
    for (name, hidden, rows) in tables {
        let style = if *hidden { "hidden" } else { "shown" };
        content.push_str(&format!(
            r#"<table:table table:name="{name}" table:style-name="{style}">{rows}</table:table>"#
        ));
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    out.start_file("META-INF/manifest.xml", deflated).unwrap();
    out.write_all(manifest.as_bytes()).unwrap();
    out.start_file("content.xml", deflated).unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

/// An .ods text cell.
fn ot(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// An .ods float cell.
fn of(value: &str) -> String {
    format!(r#"<table:table-cell office:value-type="float" office:value="{value}"/>"#)
}

fn orow(cells: &[String]) -> String {
    format!("<table:table-row>{}</table:table-row>", cells.concat())
}

fn header() -> Vec<W> {
    vec![s("indicator"), s("period"), s("value")]
}

// ---------------------------------------------------------------------------------------
// 1. Numbers as Excel shows them.

#[test]
fn float_noise_in_a_formula_reads_as_excel_shows_it() {
    // Excel saves =2.03+0.05+0.11+0.01 as 2.1999999999999993 and shows 2.2; read as the
    // shortest decimal that round-trips it would be under 2.20% and unmet.
    let noisy = 2.03 + 0.05 + 0.11 + 0.01;
    assert_eq!(noisy.to_string(), "2.1999999999999993");
    let hundredfold = 4.35 * 100.0;
    assert_eq!(hundredfold.to_string(), "434.99999999999994");
    let book = xlsx(&[
        header(),
        vec![
            s("rd_intensity"),
            s("2020"),
            W::F("=2.03+0.05+0.11+0.01", noisy.to_string()),
        ],
        vec![
            s("achievements_transformed"),
            s("2020"),
            W::F("=4.35*100", hundredfold.to_string()),
        ],
        vec![s("innovation_index"), s("2020"), W::N(67.39999999999999)],
        vec![s("enterprise_rd_share"), s("2019"), W::P(0.773)],
        vec![
            s("enterprise_rd_share"),
            s("2020"),
            W::P(0.7730000000000001),
        ],
    ]);
    let run = check("n.xlsx", &book, &["--allow-missing"]);
    let json = json(&run);
    let rd = result(&json, "rd_intensity");
    assert_eq!(rd["actual"].to_string(), "2.2");
    assert_eq!(rd["status"], "met");
    let achievements = result(&json, "achievements_transformed");
    assert_eq!(achievements["actual"].to_string(), "435");
    let index = result(&json, "innovation_index");
    assert_eq!(index["actual"].to_string(), "67.4");
    assert_eq!(index["status"], "met", "67.39999999999999 shows as 67.4");
    // Percent cells: 77.30000000000001% shows as 77.3%, so 2020 is not above 2019's 77.3%.
    let share = result(&json, "enterprise_rd_share");
    assert_eq!(share["actual"].to_string(), "77.3");
    assert_eq!(share["baseline"].to_string(), "77.3");
    assert_eq!(share["status"], "unmet");
    assert_eq!(json["warnings"], serde_json::json!([]));
}

#[test]
fn ods_floats_read_as_excel_shows_them() {
    let book = ods(&[(
        "Sheet1",
        false,
        &[
            orow(&[ot("indicator"), ot("period"), ot("value")]),
            orow(&[ot("rd_intensity"), ot("2020"), of("2.1999999999999993")]),
        ]
        .concat(),
    )]);
    let json = json(&check("n.ods", &book, &["--allow-missing"]));
    let rd = result(&json, "rd_intensity");
    assert_eq!(rd["actual"].to_string(), "2.2");
    assert_eq!(rd["status"], "met");
}

#[test]
fn a_float_no_decimal_holds_is_an_error_not_rounded() {
    let too_large = xlsx(&[
        header(),
        vec![s("tech_contract_turnover"), s("2020"), W::N(1e30)],
    ]);
    assert_error(
        &check("n.xlsx", &too_large, &[]),
        "n.xlsx:Sheet1!C2: value `1E+30` is too large to hold exactly; expected a number below \
         7.9E+28",
    );
    // 0.1+0.2-0.3 is 5.55111512312578E-17 in Excel: 31 decimal places, more than a decimal
    // holds. Never rounded to 0.
    let tiny = xlsx(&[
        header(),
        vec![
            s("rd_intensity"),
            s("2020"),
            W::F("=0.1+0.2-0.3", (0.1 + 0.2 - 0.3).to_string()),
        ],
    ]);
    assert_error(
        &check("n.xlsx", &tiny, &[]),
        "n.xlsx:Sheet1!C2: value `5.55111512312578E-17` needs more than 28 decimal places to hold \
         exactly; expected a figure such as 2.20",
    );
}

/// The exact decimal of a float rounded half to even to 15 significant digits, trailing zeros
/// dropped; `None` when no decimal holds it (more than 28 places, or 96 bits). Computed with
/// big rationals, independently of Rust's float formatting.
fn oracle(f: f64) -> Option<rust_decimal::Decimal> {
    use num_bigint::BigInt;
    use num_rational::BigRational;
    use num_traits::{Signed, ToPrimitive, Zero};
    if f == 0.0 {
        return Some(rust_decimal::Decimal::ZERO);
    }
    let x = BigRational::from_float(f.abs()).expect("finite");
    let ten = BigRational::from_integer(BigInt::from(10));
    let pow10 = |e: i32| -> BigRational {
        if e >= 0 {
            num_traits::pow(ten.clone(), e as usize)
        } else {
            num_traits::pow(ten.clone(), (-e) as usize).recip()
        }
    };
    // 10^e <= x < 10^(e+1)
    let mut e = f.abs().log10().floor() as i32;
    while pow10(e) > x {
        e -= 1;
    }
    while pow10(e + 1) <= x {
        e += 1;
    }
    let q = &x * pow10(14 - e); // in [10^14, 10^15)
    let floor = q.floor();
    let rest = &q - &floor;
    let half = BigRational::new(BigInt::from(1), BigInt::from(2));
    let mut n = floor.to_integer();
    let odd = (&n % BigInt::from(2)) == BigInt::from(1);
    if rest > half || (rest == half && odd) {
        n += 1;
    }
    let mut power = e - 14;
    if n == num_traits::pow(BigInt::from(10), 15) {
        n = num_traits::pow(BigInt::from(10), 14);
        power += 1;
    }
    while (&n % BigInt::from(10)).is_zero() {
        n /= 10;
        power += 1;
    }
    let limit: BigInt = BigInt::from(1u128 << 96);
    let (mantissa, scale) = if power >= 0 {
        (n * num_traits::pow(BigInt::from(10), power as usize), 0)
    } else {
        (n, (-power) as u32)
    };
    if scale > 28 || mantissa.abs() >= limit {
        return None;
    }
    let m = mantissa.to_i128()? * if f < 0.0 { -1 } else { 1 };
    rust_decimal::Decimal::try_from_i128_with_scale(m, scale).ok()
}

#[test]
fn the_oracle_rounds_half_to_even() {
    // 1000000000000005 is a float exactly; its 15 digits are a tie.
    assert_eq!(
        oracle(1000000000000005.0).unwrap().to_string(),
        "1000000000000000"
    );
    assert_eq!(
        oracle(1000000000000015.0).unwrap().to_string(),
        "1000000000000020"
    );
    assert_eq!(oracle(2.1999999999999997).unwrap().to_string(), "2.2");
    assert_eq!(oracle(-0.30000000000000004).unwrap().to_string(), "-0.3");
    assert_eq!(oracle(5.551115123125783e-17), None);
    assert_eq!(oracle(1e29), None);
}

mod property {
    use super::*;
    use plan::actuals::grid::CellRef;
    use plan::actuals::{read_bytes, ReadOptions};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// How a figure is written.
    #[derive(Debug, Clone, Copy)]
    enum Kind {
        Number,
        Formula,
        Percent,
        Text,
    }

    fn float() -> impl Strategy<Value = f64> {
        prop_oneof![
            // Any float at all.
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            // Figures of many magnitudes: up to 17 digits at 10^-35 to 10^35.
            (any::<i64>(), -35i32..35)
                .prop_map(|(m, e)| (m % 100_000_000_000_000_000) as f64 * 10f64.powi(e)),
            // Decimals as a float holds them, and sums of them (float noise).
            (-10_000_000i64..10_000_000, 0u32..6)
                .prop_map(|(m, k)| m as f64 / 10f64.powi(k as i32)),
            (-1_000_000i64..1_000_000, -1_000_000i64..1_000_000)
                .prop_map(|(a, b)| a as f64 / 100.0 + b as f64 / 1000.0),
            // Ties at the 16th digit (every integer below 2^53 is a float).
            (100_000_000_000_000i64..900_000_000_000_000).prop_map(|n| (n * 10 + 5) as f64),
            // Near the edges of what a decimal holds.
            (1u32..1000, 24i32..31).prop_map(|(m, e)| m as f64 * 10f64.powi(e)),
            (1u32..1000, -32i32..-24).prop_map(|(m, e)| m as f64 * 10f64.powi(e)),
        ]
    }

    fn kind() -> impl Strategy<Value = Kind> {
        prop_oneof![
            Just(Kind::Number),
            Just(Kind::Formula),
            Just(Kind::Percent),
            Just(Kind::Text)
        ]
    }

    /// What a cell should read as: a number, a percent, the text's exact decimal, or unfit.
    #[derive(Debug, PartialEq)]
    enum Read {
        Number(String),
        Percent(String),
        Text(String),
        Unfit,
    }

    fn expected(kind: Kind, f: f64) -> Read {
        let shown = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
        match kind {
            Kind::Number | Kind::Formula => shown(oracle(f)).map_or(Read::Unfit, Read::Number),
            Kind::Percent => shown(oracle(f).and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED)))
                .map_or(Read::Unfit, Read::Percent),
            Kind::Text => Read::Text(f.to_string()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Every float an .xlsx holds (a number, a formula's saved result, a percent cell)
        /// reads as its 15 significant digits, or as an unfit cell when no decimal holds
        /// those; a number stored as text reads as its exact decimal.
        #[test]
        fn floats_read_back_as_their_15_significant_digits(
            cells in proptest::collection::vec((kind(), float()), 1..48)
        ) {
            let mut rows = vec![header()];
            for (kind, f) in &cells {
                let cell = match kind {
                    Kind::Number => W::N(*f),
                    Kind::Formula => W::F("=1*1", f.to_string()),
                    Kind::Percent => W::P(*f),
                    Kind::Text => W::S(f.to_string()),
                };
                rows.push(vec![s("x"), s("2020"), cell]);
            }
            let book = xlsx(&rows);
            let options = ReadOptions { default_year: 2020, ..ReadOptions::default() };
            let mut read = Vec::new();
            read_bytes(&book, "p.xlsx", &options, &mut |obs| {
                let value = match obs.value {
                    Some(CellRef::Number(n)) => Read::Number(n.to_string()),
                    Some(CellRef::Percent(n)) => Read::Percent(n.to_string()),
                    Some(CellRef::Text(t)) => {
                        // As the resolver reads it: the text's exact decimal, never rounded.
                        if let Ok(exact) = Decimal::from_str_exact(t) {
                            let read = plan::number::parse_plain(t).or_else(|| {
                                plan::number::read_written_number(t).ok().flatten().map(|n| n.value)
                            });
                            assert_eq!(read, Some(exact), "{t}");
                        }
                        Read::Text(t.to_string())
                    }
                    Some(CellRef::Unfit(_)) => Read::Unfit,
                    other => panic!("row {}: {other:?}", obs.line),
                };
                read.push((obs.line, value));
                Ok(())
            }).expect("the workbook reads");
            prop_assert_eq!(read.len(), cells.len());
            for ((line, got), (kind, f)) in read.into_iter().zip(&cells) {
                prop_assert_eq!(got, expected(*kind, *f), "row {} ({:?} {:e})", line, kind, f);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 2. Formulas without a saved value.

/// An .xlsx with R&D intensity as the formula `SUM(A1:A2)` in C2, saved as 0, then with the
/// saved value taken out by `unsave` (`<v>0</v>` -> what it gives).
fn unsaved_xlsx(unsave: &str) -> Vec<u8> {
    let book = xlsx(&[
        header(),
        vec![
            s("rd_intensity"),
            s("2020"),
            W::F("=SUM(A1:A2)", "0".into()),
        ],
        vec![s("tech_contract_turnover"), s("2020"), W::N(1758.72)],
    ]);
    replace(
        &book,
        "xl/worksheets/sheet1.xml",
        "<f>SUM(A1:A2)</f><v>0</v>",
        &format!("<f>SUM(A1:A2)</f>{unsave}"),
    )
}

const UNSAVED_WARNING: &str =
    "n.xlsx:Sheet1!C2: formula without a saved value; open and save the file in Excel or WPS";

#[test]
fn a_formula_without_a_saved_value_is_a_warning_and_its_target_missing() {
    for unsave in ["", "<v></v>", "<v/>"] {
        let book = unsaved_xlsx(unsave);
        let run = check("n.xlsx", &book, &["--allow-missing"]);
        assert_eq!(
            run.code, 0,
            "{unsave}: allowed missing, no --strict: {run:?}"
        );
        let json = json(&run);
        assert_eq!(
            json["warnings"],
            serde_json::json!([UNSAVED_WARNING]),
            "{unsave}"
        );
        let rd = result(&json, "rd_intensity");
        assert_eq!(rd["status"], "missing", "{unsave}");
        assert_eq!(rd["actual"], serde_json::Value::Null);
        assert_eq!(
            rd["note"],
            "formula without a saved value at n.xlsx:Sheet1!C2; open and save the file in Excel \
             or WPS"
        );
        assert_eq!(result(&json, "tech_contract_turnover")["status"], "met");
        // --strict turns the warning into a failure.
        let strict = check("n.xlsx", &book, &["--allow-missing", "--strict"]);
        assert_eq!(strict.code, 1, "{unsave}: --strict fails on the warning");
    }
}

#[test]
fn the_unsaved_formula_note_in_the_table_and_in_chinese() {
    let dir = folder_with("n.xlsx", &unsaved_xlsx(""));
    let run = plan_in(
        dir.path(),
        &["check", "n.xlsx", "--allow-missing", "--wide"],
    );
    assert!(
        run.stdout
            .contains("formula without a saved value at n.xlsx:Sheet1!C2"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("warning: {UNSAVED_WARNING}")),
        "{}",
        run.stdout
    );
    let zh = plan_in(
        dir.path(),
        &[
            "check",
            "n.xlsx",
            "--allow-missing",
            "--lang",
            "zh",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        result(&json(&zh), "rd_intensity")["note"],
        "n.xlsx:Sheet1!C2 的公式没有保存计算结果，请用 Excel 或 WPS 打开并保存后再核对"
    );
}

#[test]
fn a_formula_with_a_saved_value_reads_as_that_value() {
    let book = xlsx(&[
        header(),
        vec![
            s("rd_intensity"),
            s("2020"),
            W::F("=SUM(A1:A2)", "2.42".into()),
        ],
    ]);
    let saved = json(&check("n.xlsx", &book, &["--allow-missing", "--strict"]));
    let rd = result(&saved, "rd_intensity");
    assert_eq!(rd["actual"].to_string(), "2.42");
    assert_eq!(rd["status"], "met");
    assert_eq!(saved["warnings"], serde_json::json!([]));
    // A formula whose saved result is empty text shows an empty cell: no figure, no warning.
    let empty = replace(
        &xlsx(&[
            header(),
            vec![s("rd_intensity"), s("2020"), W::F("=\"\"", "x".into())],
        ]),
        "xl/worksheets/sheet1.xml",
        "<v>x</v>",
        "<v></v>",
    );
    let shown_empty = json(&check("n.xlsx", &empty, &["--allow-missing", "--strict"]));
    // The sheet has no other figure: that is the only warning.
    assert_eq!(
        shown_empty["warnings"],
        serde_json::json!([
            "n.xlsx: no figures read from the file; expected rows with a figure \
                            in the value column (or in period columns)"
        ])
    );
    assert_eq!(result(&shown_empty, "rd_intensity")["status"], "missing");
}

#[test]
fn unsaved_record_formulas_leave_the_total_unjudged_and_are_counted_once() {
    // Three records of a summed target, two of them unsaved formulas: the total is not known.
    let book = xlsx(&[
        header(),
        vec![s("tech_contract_turnover"), s("2020"), W::N(1500.0)],
        vec![
            s("tech_contract_turnover"),
            s("2020"),
            W::F("=A1", "0".into()),
        ],
        vec![
            s("tech_contract_turnover"),
            s("2020"),
            W::F("=A2", "0".into()),
        ],
    ]);
    let book = replace(
        &book,
        "xl/worksheets/sheet1.xml",
        "<f>A1</f><v>0</v>",
        "<f>A1</f>",
    );
    let book = replace(
        &book,
        "xl/worksheets/sheet1.xml",
        "<f>A2</f><v>0</v>",
        "<f>A2</f>",
    );
    let json = json(&check("n.xlsx", &book, &["--allow-missing"]));
    assert_eq!(
        json["warnings"],
        serde_json::json!([
            "n.xlsx:Sheet1!C3: formula without a saved value, and 1 more cell like it; open and \
             save the file in Excel or WPS"
        ])
    );
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["status"], "missing", "1500 alone would be met");
    assert_eq!(turnover["actual"], serde_json::Value::Null);
}

#[test]
fn ods_formula_without_a_saved_value() {
    let rows = [
        orow(&[ot("indicator"), ot("period"), ot("value")]),
        orow(&[
            ot("rd_intensity"),
            ot("2020"),
            r#"<table:table-cell table:formula="of:=SUM([.A1:.A2])"/>"#.to_string(),
        ]),
        orow(&[
            ot("innovation_index"),
            ot("2020"),
            r#"<table:table-cell table:formula="of:=60+8" office:value-type="float" office:value="68"/>"#
                .to_string(),
        ]),
    ]
    .concat();
    let book = ods(&[("Sheet1", false, &rows)]);
    let run = check("n.ods", &book, &["--allow-missing"]);
    assert_eq!(run.code, 0);
    let json = json(&run);
    assert_eq!(
        json["warnings"],
        serde_json::json!([
            "n.ods:Sheet1!C2: formula without a saved value; open and save the file in Excel or WPS"
        ])
    );
    assert_eq!(result(&json, "rd_intensity")["status"], "missing");
    assert_eq!(
        result(&json, "innovation_index")["actual"].to_string(),
        "68"
    );
    assert_eq!(
        check("n.ods", &book, &["--allow-missing", "--strict"]).code,
        1
    );
}

// ---------------------------------------------------------------------------------------
// 3. Every byte parsed in the memory-capped child; repeats bounded; a full sheet read.

/// Rows of a sheet whose 20,000 rows of percent cells, each repeated over every column and a
/// thousand rows, hold nothing: 9 KB zipped.
fn repeated_empty_percent_cells() -> Vec<u8> {
    let rows = orow(&[ot("indicator"), ot("period"), ot("value")])
        + &orow(&[ot("tech_contract_turnover"), ot("2020"), of("1758.72")])
        + &r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="percentage" table:number-columns-repeated="16384"/></table:table-row>"#
            .repeat(20_000);
    ods(&[("Sheet1", false, &rows)])
}

#[test]
fn repeated_empty_percent_cells_cost_nothing() {
    let book = repeated_empty_percent_cells();
    assert!(book.len() < 16 << 10, "{} bytes", book.len());
    let started = Instant::now();
    let run = check("n.ods", &book, &["--allow-missing"]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(run.code, 0, "{run:?}");
    let turnover = result(&json(&run), "tech_contract_turnover").clone();
    assert_eq!(turnover["actual"].to_string(), "1758.72");
    assert_eq!(turnover["status"], "met");
}

#[test]
fn repeated_rows_that_expand_past_the_child_are_refused_fast() {
    // 900 bytes zipped: a row of 43 figures repeated 1,048,570 times, 45 million cells.
    let row = format!(
        r#"<table:table-row table:number-rows-repeated="1048570">{}{}{}<table:table-cell table:number-columns-repeated="40" office:value-type="float" office:value="1"/></table:table-row>"#,
        ot("tech_contract_turnover"),
        ot("2020-01"),
        of("1")
    );
    let book = ods(&[(
        "Sheet1",
        false,
        &(orow(&[ot("indicator"), ot("period"), ot("value")]) + &row),
    )]);
    assert!(book.len() < 1200, "{} bytes", book.len());
    let started = Instant::now();
    let run = check("n.ods", &book, &[]);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_error(
        &run,
        "n.ods: sheet `Sheet1` repeats rows or columns into 45088553 cells; plan reads .ods \
         workbooks of at most 10000000 cells (delete the repeated rows or columns, or save the \
         file as .xlsx)",
    );
}

#[test]
fn repeated_rows_of_records_within_bounds_are_read_as_records() {
    // A record repeated 100,000 times is 100,000 records.
    let row = format!(
        r#"<table:table-row table:number-rows-repeated="100000">{}{}{}</table:table-row>"#,
        ot("tech_contract_turnover"),
        ot("2020"),
        of("0.0125")
    );
    let book = ods(&[(
        "Sheet1",
        false,
        &(orow(&[ot("indicator"), ot("period"), ot("value")]) + &row),
    )]);
    let json = json(&check("n.ods", &book, &["--allow-missing"]));
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["actual"].to_string(), "1250.0000");
    assert_eq!(turnover["status"], "met");
}

/// An .xlsx of `rows` records of one contract each (indicator, period, value), written the
/// way rust_xlsxwriter writes a sheet, in rows of 0.001 亿元.
fn records_xlsx(rows: u32) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "indicator").unwrap();
    sheet.write_string(0, 1, "period").unwrap();
    sheet.write_string(0, 2, "value").unwrap();
    for r in 1..=rows {
        sheet.write_string(r, 0, "技术合同成交额").unwrap();
        sheet.write_string(r, 1, "2020").unwrap();
        sheet.write_number(r, 2, 0.001).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn records_stream_from_the_child_row_by_row() {
    let book = records_xlsx(50_000);
    let run = check("n.xlsx", &book, &["--allow-missing"]);
    assert_eq!(run.stderr, "", "{run:?}");
    let turnover = result(&json(&run), "tech_contract_turnover").clone();
    assert_eq!(turnover["actual"].to_string(), "50.000");
    assert_eq!(turnover["status"], "unmet");
}

#[test]
#[ignore = "a million rows: over a minute in a debug build, seconds with --release; \
            cargo test --release --test workbooks -- --ignored"]
fn a_full_sheet_of_records_is_read_not_refused() {
    // Every row an .xlsx sheet has below its header: 1,048,575 records. The child used to
    // answer with a JSON tree of every cell, past its 2 GiB, and the sheet was "damaged".
    let book = records_xlsx(1_048_575);
    let run = check("n.xlsx", &book, &["--allow-missing"]);
    assert_eq!(run.stderr, "", "{run:?}");
    let json = json(&run);
    let turnover = result(&json, "tech_contract_turnover");
    assert_eq!(turnover["actual"].to_string(), "1048.575");
    assert_eq!(turnover["status"], "unmet");
}

// ---------------------------------------------------------------------------------------
// 4. Hidden sheets.

/// A workbook of three sheets, `Old` (its figure 1000 亿元), `Data` (1758.72) and `Notes`.
fn three_sheets() -> Workbook {
    let mut book = Workbook::new();
    for (name, turnover) in [
        ("Old", Some(1000.0)),
        ("Data", Some(1758.72)),
        ("Notes", None),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write_string(0, 0, "indicator").unwrap();
        sheet.write_string(0, 1, "value").unwrap();
        if let Some(turnover) = turnover {
            sheet.write_string(1, 0, "技术合同成交额").unwrap();
            sheet.write_number(1, 1, turnover).unwrap();
        }
    }
    book
}

fn turnover(run: &Run) -> String {
    assert_eq!(run.stderr, "", "{run:?}");
    result(&json(run), "tech_contract_turnover")["actual"].to_string()
}

#[test]
fn a_hidden_or_very_hidden_first_sheet_is_not_read() {
    let mut hidden = three_sheets();
    hidden.worksheet_from_name("Old").unwrap().set_hidden(true);
    hidden.worksheet_from_name("Data").unwrap().set_active(true);
    let hidden = hidden.save_to_buffer().unwrap();
    assert_eq!(
        turnover(&check("n.xlsx", &hidden, &["--allow-missing"])),
        "1758.72"
    );
    let very = replace(
        &hidden,
        "xl/workbook.xml",
        r#"state="hidden""#,
        r#"state="veryHidden""#,
    );
    assert_eq!(
        turnover(&check("n.xlsx", &very, &["--allow-missing"])),
        "1758.72"
    );
    // Named, a hidden sheet is read.
    assert_eq!(
        turnover(&check(
            "n.xlsx",
            &very,
            &["--allow-missing", "--sheet", "Old"]
        )),
        "1000"
    );
}

#[test]
fn no_visible_sheet_is_an_error_that_lists_the_sheets() {
    let book = three_sheets().save_to_buffer().unwrap();
    let book = edit_part(&book, "xl/workbook.xml", |xml| {
        let xml = xml.replacen(r#"name="Old""#, r#"name="Old" state="veryHidden""#, 1);
        let xml = xml.replacen(r#"name="Data""#, r#"name="Data" state="hidden""#, 1);
        xml.replacen(r#"name="Notes""#, r#"name="Notes" state="hidden""#, 1)
    });
    assert_error(
        &check("n.xlsx", &book, &[]),
        "n.xlsx: no visible worksheet; the workbook has `Old` (very hidden), `Data` (hidden), \
         `Notes` (hidden); name the sheet to read with --sheet",
    );
    assert_eq!(
        turnover(&check(
            "n.xlsx",
            &book,
            &["--allow-missing", "--sheet", "Data"]
        )),
        "1758.72"
    );
}

#[test]
fn ods_hidden_first_sheet_is_not_read() {
    let sheet = |turnover: &str| {
        orow(&[ot("indicator"), ot("value")]) + &orow(&[ot("技术合同成交额"), of(turnover)])
    };
    let (old, data) = (sheet("1000"), sheet("1758.72"));
    let book = ods(&[("Old", true, &old), ("Data", false, &data)]);
    assert_eq!(
        turnover(&check("n.ods", &book, &["--allow-missing"])),
        "1758.72"
    );
    let none = ods(&[("Old", true, &old), ("Data", true, &data)]);
    assert_error(
        &check("n.ods", &none, &[]),
        "n.ods: no visible worksheet; the workbook has `Old` (hidden), `Data` (hidden); name the \
         sheet to read with --sheet",
    );
}

#[test]
fn an_unsaved_formula_where_a_name_a_period_or_a_header_belongs_is_an_error() {
    // (row, column) of the formula, and its cell as Excel names it.
    for (row, column, cell) in [(1, 0, "A2"), (1, 1, "B2"), (0, 2, "C1")] {
        let mut rows = vec![header(), vec![s("rd_intensity"), s("2020"), W::N(2.42)]];
        rows[row][column] = W::F("=UPPER(A1)", "x".into());
        let book = replace(
            &xlsx(&rows),
            "xl/worksheets/sheet1.xml",
            "<f>UPPER(A1)</f><v>x</v>",
            "<f>UPPER(A1)</f>",
        );
        let run = check("n.xlsx", &book, &[]);
        common::assert_error(
            &run,
            &format!(
                "n.xlsx:Sheet1!{cell}: formula without a saved value; open and save the file in \
                 Excel or WPS"
            ),
        );
    }
}

/// A sheet as offices lay out their reports: a title merged across the top, then a header of
/// two rows, group cells merged over sub-headers (`完成情况` over `本期` and `同比增长（%）`), and
/// 指标名称 and 单位 each merged down over both rows. Read as it is, and with `--header-row`.
#[test]
fn a_two_row_header_under_merged_group_cells() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .merge_range(0, 0, 0, 3, "2020年科技指标完成情况", &plain)
        .unwrap();
    sheet.merge_range(1, 0, 2, 0, "指标名称", &plain).unwrap();
    sheet.merge_range(1, 1, 2, 1, "单位", &plain).unwrap();
    sheet.merge_range(1, 2, 1, 3, "完成情况", &plain).unwrap();
    sheet.write_string(2, 2, "本期").unwrap();
    sheet.write_string(2, 3, "同比增长（%）").unwrap();
    sheet.write_string(3, 0, "技术合同成交额").unwrap();
    sheet.write_string(3, 1, "万元").unwrap();
    sheet.write_number(3, 2, 17587200).unwrap();
    sheet.write_number(3, 3, 19.8).unwrap();
    sheet.write_string(4, 0, "全社会R&D经费投入强度").unwrap();
    sheet.write_string(4, 1, "%").unwrap();
    sheet.write_number(4, 2, 2.3).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    for args in [&[][..], &["--header-row", "2"][..]] {
        let mut all = vec!["--allow-missing"];
        all.extend_from_slice(args);
        let run = check("report.xlsx", &bytes, &all);
        assert_eq!(run.stderr, "", "{args:?}");
        let json = json(&run);
        let actual = |id: &str| result(&json, id)["actual"].to_string();
        assert_eq!(actual("tech_contract_turnover"), "1758.72");
        assert_eq!(actual("rd_intensity"), "2.3");
    }
    // Naming the sub-header row as the header is an error that says what it lacks.
    let run = check("report.xlsx", &bytes, &["--header-row", "3"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: report.xlsx:Sheet1!3: no indicator column in header"),
        "{}",
        run.stderr
    );
}
