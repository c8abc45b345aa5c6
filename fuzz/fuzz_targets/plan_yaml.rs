//! Any bytes as a plan file: loaded and validated, or refused with an error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(plan) = plan::plan::load_plan(&text, "fuzz.yaml") {
        let _ = plan.targets.len();
    }
});
