#!/usr/bin/env bash
# bench/ocr.sh [--dpi N]
#
# What OCR costs: scans of every sample PDF (tests/ocr/scans.h: N dpi, default
# 200, turned 1°, with noise) read by `ratsdoc process` with its own OCR
# (Tesseract through its C++ API, one engine per thread), side by side with
# the pipeline a user would build without it: `ocrmypdf` (Debian package,
# which runs the tesseract program per page) to give each scan a text layer,
# then `ratsdoc process --ocr never` on the results. Also the share of a mixed
# archive's time (the samples' PDFs and texts plus the scans) that OCR takes.
# Uses the build in build/ (scripts/dev.sh samples); ocrmypdf is optional
# (apt-get install ocrmypdf). Prints a markdown table.
set -euo pipefail

dpi=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dpi) dpi=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ocr.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$root/build" -j"$(nproc)" --target ratsdoc_cli make_scans > /dev/null
ratsdoc=$root/build/ratsdoc
work=$(mktemp -d /tmp/ratsdoc-ocr-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scans" "$work/mixed" "$work/ocrmypdf"

pages=0
for pdf in "$root"/samples/pdf/*.pdf; do
  "$root/build/tests/make_scans" "$pdf" "$work/scans/$(basename "$pdf")" --dpi "$dpi" --skew 1 --noise 0.002
  pages=$((pages + $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')))
done
cp "$work"/scans/*.pdf "$work/mixed/"
cp -r "$root/samples/pdf" "$work/mixed/born-digital"
cp -r "$root/samples/text" "$work/mixed/text"

seconds() {  # wall seconds of a command
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

j1=$(seconds "$ratsdoc" process "$work/scans" -j 1 --no-progress -o "$work/scans.xml")
jn=$(seconds "$ratsdoc" process "$work/scans" --no-progress -o "$work/scans-jn.xml")
mixed=$(seconds "$ratsdoc" process "$work/mixed" -j 1 --no-progress -o "$work/mixed.xml")
rest=$(seconds "$ratsdoc" process "$work/mixed/born-digital" "$work/mixed/text" -j 1 --no-progress -o "$work/rest.xml")

echo "| what | seconds | per page |"
echo "|---|---|---|"
printf '| ratsdoc process, %d scanned pages (%d dpi), -j1 | %.1f | %.2f |\n' "$pages" "$dpi" "$j1" "$(echo "$j1 / $pages" | bc -l)"
printf '| ratsdoc process, the same, -j%d | %.1f | %.2f |\n' "$(nproc)" "$jn" "$(echo "$jn / $pages" | bc -l)"
if command -v ocrmypdf > /dev/null; then
  ocr_start=$(date +%s.%N)
  for scan in "$work"/scans/*.pdf; do
    ocrmypdf -q -l deu --jobs 1 --output-type pdf "$scan" "$work/ocrmypdf/$(basename "$scan")" > /dev/null 2>&1 || true
  done
  ocr_end=$(date +%s.%N)
  then_ratsdoc=$(seconds "$ratsdoc" process "$work/ocrmypdf" -j 1 --ocr never --no-progress -o "$work/ocrmypdf.xml")
  total=$(echo "$ocr_end - $ocr_start + $then_ratsdoc" | bc)
  printf '| ocrmypdf --jobs 1, then ratsdoc process --ocr never, -j1 | %.1f | %.2f |\n' "$total" "$(echo "$total / $pages" | bc -l)"
  printf '| ratio: ratsdoc OCR / (ocrmypdf + ratsdoc) | %.2f | |\n' "$(echo "$j1 / $total" | bc -l)"
else
  echo "| ocrmypdf + ratsdoc | not installed (apt-get install ocrmypdf) | |"
fi
printf '| mixed archive (the samples PDF + text, and the scans), -j1 | %.1f | |\n' "$mixed"
printf '| … of it the born-digital part alone | %.1f | |\n' "$rest"
printf '| share of the mixed archive'"'"'s time spent on OCR | %.2f | |\n' "$(echo "($mixed - $rest) / $mixed" | bc -l)"
