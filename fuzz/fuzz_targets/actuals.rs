//! Any bytes as a file of actual figures (CSV, tab-separated, any encoding, workbooks) against
//! the built-in plan: read, matched, checked, evaluated as of the latest period and mid-year,
//! and rendered; never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plan::actuals::{read_bytes, ReadOptions};
use plan::evaluate::{check_consistency, evaluate, latest_period};
use plan::period::Period;
use plan::plan::{load_plan, EMBEDDED_PLAN};
use plan::render::{Csv, Html, Json, Junit, Lang, Markdown, Render, Table};
use plan::resolve::{Collector, ResolveOptions};

fuzz_target!(|data: &[u8]| {
    // An .xls (OLE compound file) can make calamine allocate without bound; the plan binary
    // reads workbooks in a child process with capped memory (tests/hostile.rs), which a fuzz
    // target in one process cannot do: .xls is left to that test.
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return;
    }
    static PLAN: OnceLock<plan::plan::Plan> = OnceLock::new();
    let plan = PLAN.get_or_init(|| load_plan(EMBEDDED_PLAN, "plan.yaml").expect("the built-in plan loads"));
    let options = ReadOptions { default_year: plan.year, ..ReadOptions::default() };
    let mut collector = Collector::new(plan, ResolveOptions { ignore_unknown: data.len() % 7 != 0 });
    if read_bytes(data, "fuzz.csv", &options, &mut |obs| collector.add(obs)).is_err() {
        return;
    }
    let mut figures = collector.finish();
    match check_consistency(plan, &figures) {
        Ok(warnings) => figures.warnings.extend(warnings),
        Err(_) => return,
    }
    // Evaluated as of the latest period and mid-year; rendered in one format and language,
    // chosen by the input's length, so each input costs one rendering (every format renders
    // any evaluation in the property tests).
    let evaluations = [latest_period(plan, &figures), Period::to_date(plan.year, 6).unwrap()]
        .map(|as_of| evaluate(plan, &figures, as_of));
    let lang = if data.len() / 6 % 2 == 0 { Lang::Zh } else { Lang::En };
    let renderer: Box<dyn Render> = match data.len() % 6 {
        0 => Box::new(Table { lang, ..Table::default() }),
        1 => Box::new(Json { lang }),
        2 => Box::new(Csv { lang }),
        3 => Box::new(Markdown { lang }),
        4 => Box::new(Junit { lang }),
        _ => Box::new(Html { lang }),
    };
    let evaluation = &evaluations[data.len() / 12 % 2];
    let mut out = Vec::new();
    renderer.render(evaluation, &mut out).expect("rendering to memory succeeds");
});
