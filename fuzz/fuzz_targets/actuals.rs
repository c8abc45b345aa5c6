//! Any bytes as a file of actual figures (CSV, tab-separated, any encoding, workbooks) against
//! the built-in plan: read, matched, checked and rendered in every format, as of year end and
//! mid-year; never a panic. The language alternates with the input's length so both are covered
//! without rendering everything twice per input (rendering is covered on its own by the
//! property tests).
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
    let mut collector = Collector::new(plan, ResolveOptions { ignore_unknown: true });
    if read_bytes(data, "fuzz.csv", &options, &mut |obs| collector.add(obs)).is_err() {
        return;
    }
    let mut figures = collector.finish();
    match check_consistency(plan, &figures) {
        Ok(warnings) => figures.warnings.extend(warnings),
        Err(_) => return,
    }
    for as_of in [latest_period(plan, &figures), Period::to_date(plan.year, 6).unwrap()] {
        let evaluation = evaluate(plan, &figures, as_of);
        let lang = if data.len() % 2 == 0 { Lang::Zh } else { Lang::En };
        {
            let renderers: [Box<dyn Render>; 6] = [
                Box::new(Table { lang, ..Table::default() }),
                Box::new(Json { lang }),
                Box::new(Csv { lang }),
                Box::new(Markdown { lang }),
                Box::new(Junit { lang }),
                Box::new(Html { lang }),
            ];
            for renderer in renderers {
                let mut out = Vec::new();
                renderer.render(&evaluation, &mut out).expect("rendering to memory succeeds");
            }
        }
    }
});
