//! The HTML report in a real browser: `scripts/render-html.sh` renders it with headless
//! Chromium to PNG and to an A4 PDF; the page must not be blank, and every target's name must be
//! in the rendered page and in the PDF's text.
//!
//! Needs Debian's chromium, a CJK font and poppler-utils (pdftotext), which `.ci/run` installs;
//! so it is ignored by a plain `cargo test` and run by `.ci/run` with `--ignored`.

mod common;

use std::path::Path;
use std::process::Command;

/// Renders the report in `lang` into a temporary folder, removed when the value is dropped.
fn render(lang: &str) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("plan-browser-{lang}-"))
        .tempdir()
        .unwrap();
    let html = dir.path().join("report.html");
    let run = common::plan(&[
        "check",
        "../../examples/actuals-2020.csv",
        "--format",
        "html",
        "--lang",
        lang,
        "--output",
        html.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/render-html.sh");
    let status = Command::new("bash")
        .arg(script)
        .arg(&html)
        .arg(dir.path())
        .status()
        .expect("bash runs");
    assert!(status.success(), "render-html.sh failed: {status}");
    dir
}

/// Every target's name as a report in `lang` shows it: the English name in English.
fn names(lang: &str) -> Vec<String> {
    let json = common::json(&common::plan(&["list", "--format", "json"]));
    let key = if lang == "en" { "name_en" } else { "name" };
    json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[key].as_str().or(t["name"].as_str()).unwrap().to_string())
        .collect()
}

/// Share of pixels that are not near-white, and whether the status colours (green, red) appear.
fn ink(png_path: &Path) -> (f64, bool, bool) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let (mut inked, mut green, mut red, mut total) = (0usize, false, false, 0usize);
    for px in pixels.chunks(channels) {
        let (r, g, b) = (px[0], px[1], px[2]);
        total += 1;
        if r < 235 || g < 235 || b < 235 {
            inked += 1;
        }
        green |= g > 100 && r < 60 && b < 90;
        red |= r > 180 && g < 70 && b < 80;
    }
    (inked as f64 / total as f64, green, red)
}

#[test]
#[ignore = "needs chromium, a CJK font and pdftotext; .ci/run runs it"]
fn the_html_report_renders_in_a_browser() {
    for lang in ["zh", "en"] {
        let folder = render(lang);
        let dir = folder.path();
        let (share, green, red) = ink(&dir.join("page.png"));
        assert!(share > 0.02, "{lang}: the page is blank ({share:.4} inked)");
        assert!(
            green && red,
            "{lang}: met and unmet bars show their colours"
        );
        let dom = std::fs::read_to_string(dir.join("dom.html")).unwrap();
        let pdf = std::fs::read(dir.join("page.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{lang}: a PDF");
        let text = Command::new("pdftotext")
            .arg(dir.join("page.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext runs");
        // Compared without spaces, line breaks and hyphens: pdftotext drops a hyphen that ends
        // a line (`innovative-` / `province`).
        let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' ', '-'], "");
        for name in names(lang) {
            let escaped = name.replace('&', "&amp;");
            assert!(
                dom.contains(&escaped),
                "{lang}: `{name}` is not in the rendered page"
            );
            assert!(
                text.contains(&name.replace([' ', '-'], "")),
                "{lang}: `{name}` is not in the PDF's text"
            );
        }
    }
}
