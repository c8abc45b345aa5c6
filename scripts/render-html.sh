#!/usr/bin/env bash
# Renders an HTML report with headless Chromium: a PNG screenshot, an A4 PDF and the DOM as the
# browser built it. Usage: scripts/render-html.sh REPORT.html OUTDIR
# Writes OUTDIR/page.png, OUTDIR/page.pdf and OUTDIR/dom.html. Needs Debian's chromium package.
set -euo pipefail
html=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "render-html: no chromium on PATH (apt-get install chromium)" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
run() {
  # The flags keep Chromium off the network, which this machine does not have.
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" "file://$html"
}
run --window-size=1240,1754 --screenshot="$out/page.png" >/dev/null 2>&1
run --print-to-pdf="$out/page.pdf" --no-pdf-header-footer >/dev/null 2>&1
run --dump-dom > "$out/dom.html" 2>/dev/null
for file in page.png page.pdf dom.html; do
  [ -s "$out/$file" ] || { echo "render-html: $out/$file was not written" >&2; exit 4; }
done
