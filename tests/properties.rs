//! Property tests: parsers never panic and read back what they print; rules are monotone and
//! exact at their boundary, whatever the scale of the figures.

use proptest::prelude::*;
use rust_decimal::Decimal;

use plan::actuals::count_delimited;
use plan::evaluate::judge;
use plan::number::parse_decimal;
use plan::plan::{load_plan, Rule};

/// Decimals across magnitudes and scales, small enough that k × value cannot overflow.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000i64..1_000_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m, s))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000_000, 0u32..8).prop_map(|(m, s)| Decimal::new(m, s))
}

fn higher_is_better(v: Decimal) -> Vec<Rule> {
    vec![Rule::AtLeast(v), Rule::MoreThan(v)]
}

proptest! {
    #[test]
    fn decimals_print_and_parse_back_exactly(d in decimal()) {
        let parsed = parse_decimal(&d.to_string()).unwrap();
        prop_assert_eq!(parsed, d);
        prop_assert_eq!(parsed.scale(), d.scale());
    }

    #[test]
    fn parse_decimal_never_panics(text in "\\PC{0,40}") {
        let _ = parse_decimal(&text);
    }

    #[test]
    fn raising_an_actual_never_turns_met_into_unmet(v in decimal(), a in decimal(), up in positive()) {
        for rule in higher_is_better(v) {
            let before = judge(&rule, a, None).unwrap().met;
            let after = judge(&rule, a + up, None).unwrap().met;
            prop_assert!(!before || after, "{rule:?}: {a} met but {} not", a + up);
        }
        for rule in [Rule::AtMost(v), Rule::LessThan(v)] {
            let before = judge(&rule, a, None).unwrap().met;
            let after = judge(&rule, a - up, None).unwrap().met;
            prop_assert!(!before || after, "{rule:?}: {a} met but {} not", a - up);
        }
    }

    #[test]
    fn a_value_exactly_at_the_target_in_any_scale(v in decimal(), extra in 0u32..6) {
        let mut at = v;
        at.rescale(v.scale() + extra);
        prop_assert!(judge(&Rule::AtLeast(v), at, None).unwrap().met);
        prop_assert!(!judge(&Rule::MoreThan(v), at, None).unwrap().met);
        prop_assert!(judge(&Rule::AtMost(v), at, None).unwrap().met);
        prop_assert!(!judge(&Rule::LessThan(v), at, None).unwrap().met);
        let range = Rule::Between { min: v, max: v };
        prop_assert!(judge(&range, at, None).unwrap().met);
        prop_assert!(!judge(&Rule::Increase, at, Some(v)).unwrap().met);
        prop_assert!(!judge(&Rule::Decrease, at, Some(v)).unwrap().met);
    }

    #[test]
    fn growth_exactly_at_the_target_is_met_and_a_hair_below_is_not(
        base in positive(), pct in (0i64..100_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
    ) {
        let at = base * (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED;
        let rule = Rule::GrowthAtLeast(pct);
        prop_assert!(judge(&rule, at, Some(base)).unwrap().met);
        let below = at - Decimal::new(1, 12);
        prop_assert!(!judge(&rule, below, Some(base)).unwrap().met);
    }

    #[test]
    fn growth_agrees_with_integer_arithmetic(
        a in (0i64..1_000_000_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
        b in (1i64..1_000_000_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
        x in (0i64..100_000_000, 0u32..7).prop_map(|(m, s)| Decimal::new(m, s)),
    ) {
        // At a common scale of 6 the figures are integers A, B, X; (a − b) / b >= x / 100 is
        // (A − B) × 100 × 10^6 >= X × B, in i128 without rounding.
        let int = |d: Decimal| { let mut d = d; d.rescale(6); d.mantissa() };
        let (ai, bi, xi) = (int(a), int(b), int(x));
        let expected = (ai - bi) * 100 * 1_000_000 >= xi * bi;
        prop_assert_eq!(judge(&Rule::GrowthAtLeast(x), a, Some(b)).unwrap().met, expected);
        let k = Decimal::new(2, 0);
        prop_assert_eq!(judge(&Rule::RatioAtLeast(k), a, Some(b)).unwrap().met, ai >= 2 * bi);
    }

    #[test]
    fn doubling_exactly_is_met(base in positive(), k in 1i64..10) {
        let k = Decimal::from(k);
        prop_assert!(judge(&Rule::RatioAtLeast(k), base * k, Some(base)).unwrap().met);
        prop_assert!(!judge(&Rule::RatioAtLeast(k), base * k - Decimal::new(1, 10), Some(base)).unwrap().met);
    }

    #[test]
    fn the_csv_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = count_delimited(&bytes, "fuzz.csv", 2020);
    }

    #[test]
    fn the_csv_reader_never_panics_on_csv_like_text(text in "(indicator|value|period|[a-z0-9,.\"\\n年-]){0,60}") {
        let _ = count_delimited(text.as_bytes(), "fuzz.csv", 2020);
    }

    #[test]
    fn the_plan_loader_never_panics(text in "(title: |year: |targets:|  - id: |rule: |value: |[a-z0-9\\[\\]{}:\"\\n -]){0,60}") {
        let _ = load_plan(&text, "fuzz.yaml");
    }
}

mod more {
    use plan::actuals::{read_bytes, ReadOptions};
    use plan::evaluate::{check_consistency, evaluate, judge, latest_period};
    use plan::period::{parse_period, Period};
    use plan::plan::{load_plan, Rule, EMBEDDED_PLAN};
    use plan::render::{Csv, Html, Json, Junit, Lang, Markdown, Render, Table};
    use plan::resolve::{Collector, ResolveOptions};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn period() -> impl Strategy<Value = Period> {
        (2000i32..2100, 1u8..=12, 0u8..12)
            .prop_map(|(y, first, len)| Period::months(y, first, (first + len).min(12)).unwrap())
    }

    fn positive() -> impl Strategy<Value = Decimal> {
        (1i64..1_000_000_000, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #[test]
        fn periods_print_and_parse_back_to_themselves(p in period()) {
            prop_assert_eq!(parse_period(&p.to_string()), Some(p));
        }

        #[test]
        fn relative_rules_are_monotone(base in positive(), a in positive(), up in positive(), x in (0i64..500, 0u32..2).prop_map(|(m, s)| Decimal::new(m, s))) {
            for rule in [Rule::GrowthAtLeast(x), Rule::RatioAtLeast(Decimal::TWO), Rule::Increase] {
                let before = judge(&rule, a, Some(base)).unwrap().met;
                let after = judge(&rule, a + up, Some(base)).unwrap().met;
                prop_assert!(!before || after, "{:?}: {} met but {} not", rule, a, a + up);
            }
            let before = judge(&Rule::Decrease, a, Some(base)).unwrap().met;
            let after = judge(&Rule::Decrease, (a - up).max(Decimal::ZERO), Some(base)).unwrap().met;
            prop_assert!(!before || after);
        }
    }

    /// A row of a random actuals file: a target, a period, and a draw that picks its value.
    fn row() -> impl Strategy<Value = (usize, &'static str, i64, u32)> {
        let period = prop_oneof![
            Just("2020"),
            Just("2019"),
            Just("2020Q1"),
            Just("2020年1-9月"),
            Just("2020-07"),
            Just("2020H1"),
            Just("2018"),
        ];
        (0usize..44, period, 0i64..100_000, 0u32..4)
    }

    /// A value the target's figures can be: a milestone word, a whole count (a rank from 1),
    /// or a decimal, sometimes no figure at all.
    fn value_for(target: &plan::plan::Target, draw: i64, scale: u32) -> String {
        let unit = target.unit.as_deref().unwrap_or_default();
        match () {
            _ if target.rule == Rule::Done => {
                ["完成", "进行中", "未完成"][draw as usize % 3].into()
            }
            _ if draw % 17 == 0 => "—".into(),
            _ if unit == "位" => (draw % 31 + 1).to_string(),
            _ if matches!(plan::units::kind(unit), plan::units::UnitKind::Count(_)) => {
                (draw % 500).to_string()
            }
            // A share in %: 0 to 100.
            _ if unit == "%" => Decimal::new(draw.rem_euclid(10001), 2).to_string(),
            _ => Decimal::new(draw, scale).to_string(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Every format renders any evaluation whole: one result per target in each, the
        /// summary adding up, the JSON parsing, the JUnit and HTML holding every target.
        #[test]
        fn every_format_renders_any_evaluation(rows in proptest::collection::vec(row(), 0..40)) {
            let plan = load_plan(EMBEDDED_PLAN, "plan.yaml").unwrap();
            let mut text = String::from("indicator,period,value\n");
            let mut seen = std::collections::HashSet::new();
            for &(t, period, draw, scale) in &rows {
                // One figure per target and period.
                if seen.insert((t, period)) {
                    let target = &plan.targets[t];
                    text.push_str(&format!("{},{period},{}\n", target.id, value_for(target, draw, scale)));
                }
            }
            let options = ReadOptions { default_year: 2020, ..ReadOptions::default() };
            let mut collector = Collector::new(&plan, ResolveOptions::default());
            let read = read_bytes(text.as_bytes(), "p.csv", &options, &mut |obs| collector.add(obs));
            prop_assert!(read.is_ok(), "{:?}\n{}", read, text);
            let mut figures = collector.finish();
            match check_consistency(&plan, &figures) {
                Ok(w) => figures.warnings.extend(w),
                // Year-to-date figures that contradict each other are an error, rightly.
                Err(_) => return Ok(()),
            }
            let n = plan.targets.len();
            for as_of in [latest_period(&plan, &figures), Period::to_date(2020, 9).unwrap()] {
                let evaluation = evaluate(&plan, &figures, as_of);
                for lang in [Lang::Zh, Lang::En] {
                    let render = |renderer: &dyn Render| {
                        let mut out = Vec::new();
                        renderer.render(&evaluation, &mut out).unwrap();
                        String::from_utf8(out).unwrap()
                    };
                    let json: serde_json::Value = serde_json::from_str(&render(&Json { lang })).unwrap();
                    prop_assert_eq!(json["results"].as_array().unwrap().len(), n);
                    let summary = &json["summary"];
                    let counted: u64 = ["met", "unmet", "on_track", "behind", "missing", "overdue"]
                        .iter()
                        .map(|k| summary[k].as_u64().unwrap_or(0))
                        .sum();
                    prop_assert_eq!(counted, n as u64, "{}", summary);
                    let csv = render(&Csv { lang });
                    let records = csv::Reader::from_reader(csv.as_bytes()).records().count();
                    prop_assert_eq!(records, n);
                    prop_assert_eq!(render(&Junit { lang }).matches("<testcase ").count(), n);
                    prop_assert_eq!(render(&Html { lang }).matches("<svg ").count(), n);
                    let markdown = render(&Markdown { lang });
                    let rows = markdown.lines().filter(|l| l.starts_with("| ")).count();
                    prop_assert!(rows > n, "{} table lines", rows);
                    let table = render(&Table { lang, ..Table::default() });
                    prop_assert!(table.contains(&n.to_string()), "the summary counts {} targets", n);
                }
            }
        }
    }
}

/// Record-level rows (one per contract) summed into a total: the collector keeps a run of rows
/// of one indicator, period and unit in 128-bit arithmetic, and must give exactly what adding
/// the rows one by one as decimals gives, at the same scale, and refuse the same row when a
/// total outgrows a decimal.
mod record_level_sums {
    use std::collections::BTreeMap;
    use std::str::FromStr;

    use num_bigint::BigInt;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use plan::actuals::{read_bytes, ReadOptions};
    use plan::plan::{load_plan, EMBEDDED_PLAN};
    use plan::resolve::{Collector, ResolveOptions};

    /// A row: month, value text, unit text (`""` for none) and how many places the unit moves
    /// the point to reach 亿元.
    fn row() -> impl Strategy<Value = (u32, String, &'static str, u32)> {
        let unit = prop_oneof![
            Just(("万元", 4u32)),
            Just(("亿元", 0)),
            Just(("", 0)),
            Just(("元", 8)),
        ];
        let magnitude = prop_oneof![
            4 => 0u32..8,
            1 => 20u32..29,
        ];
        (
            1u32..4,
            magnitude,
            0u32..5,
            any::<bool>(),
            any::<u64>(),
            unit,
        )
            .prop_map(|(month, digits, scale, negative, seed, (unit, shift))| {
                let mut text: String = (0..digits.max(1))
                    .map(|k| char::from(b'0' + ((seed >> (k % 60)) % 10) as u8))
                    .collect();
                if scale > 0 && (scale as usize) < text.len() {
                    text.insert(text.len() - scale as usize, '.');
                }
                if negative {
                    text.insert(0, '-');
                }
                (month, text, unit, shift)
            })
    }

    /// The totals by month when rows are added one by one in exact integer arithmetic, each at
    /// the larger scale of the two terms, or the first row (its 1-based line) whose sum would
    /// not fit a decimal (a 96-bit mantissa, at most 28 places).
    fn one_by_one(rows: &[(u32, String, &str, u32)]) -> Result<BTreeMap<u32, String>, u64> {
        let limit: BigInt = BigInt::from(1u8) << 96usize;
        let mut totals: BTreeMap<u32, (BigInt, u32)> = BTreeMap::new();
        for (k, (month, text, _, shift)) in rows.iter().enumerate() {
            let line = k as u64 + 2;
            let places = text.split_once('.').map_or(0, |(_, f)| f.len() as u32);
            let value = (
                BigInt::from_str(&text.replace('.', "")).unwrap(),
                places + shift,
            );
            let (sum, scale) = match totals.get(month) {
                None => value,
                Some((total, scale)) => {
                    let at = (*scale).max(value.1);
                    let ten = |n: u32| BigInt::from(10u8).pow(n);
                    (total * ten(at - scale) + value.0 * ten(at - value.1), at)
                }
            };
            if scale > 28 || sum.magnitude() >= limit.magnitude() {
                return Err(line);
            }
            totals.insert(*month, (sum, scale));
        }
        Ok(totals
            .into_iter()
            .map(|(m, (sum, scale))| {
                (
                    m,
                    Decimal::from_i128_with_scale(sum.try_into().unwrap(), scale).to_string(),
                )
            })
            .collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn a_run_sums_exactly_as_row_by_row(mut rows in proptest::collection::vec(row(), 1..60)) {
            // A unit column blank in some rows and filled in others is an error of its own
            // (tests/inputs.rs); here the blanks of such a file are written as 亿元.
            if rows.iter().any(|r| r.2.is_empty()) && rows.iter().any(|r| !r.2.is_empty()) {
                for row in rows.iter_mut().filter(|r| r.2.is_empty()) {
                    row.2 = "亿元";
                }
            }
            let plan = load_plan(EMBEDDED_PLAN, "plan.yaml").unwrap();
            let i = plan.targets.iter().position(|t| t.id == "tech_contract_turnover").unwrap();
            let mut text = String::from("indicator,period,region,value,unit\n");
            for (month, value, unit, _) in &rows {
                text.push_str(&format!("技术合同成交额,2020-{month:02},西安,{value},{unit}\n"));
            }
            let options = ReadOptions { default_year: 2020, ..ReadOptions::default() };
            let mut collector = Collector::new(&plan, ResolveOptions::default());
            let read = read_bytes(text.as_bytes(), "r.csv", &options, &mut |obs| collector.add(obs));
            match (one_by_one(&rows), read) {
                (Ok(expected), Ok(())) => {
                    let figures = collector.finish();
                    let got: BTreeMap<u32, String> = figures.by_target[i]
                        .iter()
                        .map(|(p, f)| (u32::from(p.last), format!("{:?}", f.value).replace("Some(Number(", "").replace("))", "")))
                        .collect();
                    prop_assert_eq!(got, expected);
                    let counted: u64 = figures.by_target[i].values().map(|f| f.rows).sum();
                    prop_assert_eq!(counted, rows.len() as u64);
                }
                (Err(line), Err(err)) => {
                    prop_assert!(err.to_string().starts_with(&format!("r.csv:{line}:4: ")), "{err}");
                }
                (expected, got) => prop_assert!(false, "expected {expected:?}, got {got:?}"),
            }
        }
    }
}
