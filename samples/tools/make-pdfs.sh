#!/usr/bin/env bash
# make-pdfs.sh - build samples/pdf/<stem>.pdf from every samples/text/<stem>.txt
#
# The sample texts are converter output of real council papers; this rebuilds the
# "original" PDFs the way a council information system makes them: the text is turned
# into a Flat ODT document by text2fodt.py (artifacts interpreted as formatting, page
# furniture turned into a real running header and a "Seite N von M" footer, German
# automatic hyphenation, bordered tables) and LibreOffice Writer (headless) exports the
# PDF.  normalize-pdf.py then fixes the timestamps and the trailer /ID so that repeated
# runs give byte-identical files (as far as LibreOffice itself is deterministic).
#
# Usage: samples/tools/make-pdfs.sh [TEXT_FILE...]     (default: all $TEXTDIR/*.txt)
#   OUTDIR=DIR     write the PDFs to DIR (default: samples/pdf)
#   TEXTDIR=DIR    texts to convert when no TEXT_FILE is given (default: samples/text)
#   KEEP_FODT=DIR  also keep the generated .fodt files in DIR
# e.g. the labelled corpus: TEXTDIR=tests/corpus/text OUTDIR=tests/corpus/pdf samples/tools/make-pdfs.sh
#
# Needs: python3, soffice (libreoffice-writer), hyphen-de, fonts-liberation2,
# fonts-dejavu, poppler-utils (pdfinfo).  Every document gets at least two pages: a
# document that comes out with one page is regenerated with a larger font and spacing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
textdir=${TEXTDIR:-$root/samples/text}
outdir=${OUTDIR:-$root/samples/pdf}
mkdir -p "$outdir"

for tool in python3 soffice pdfinfo; do
    command -v "$tool" >/dev/null || { echo "make-pdfs: $tool not found" >&2; exit 2; }
done
[ -f /usr/share/hyphen/hyph_de_DE.dic ] ||
    echo "make-pdfs: warning: hyphen-de not installed, no automatic hyphenation" >&2

work=$(mktemp -d /tmp/ratsdoc-make-pdfs.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fodt" "$work/pdf"
profile="file://$work/lo-profile"
export TZ=UTC LC_ALL=C.UTF-8 SAL_USE_VCLPLUGIN=svp

if [ $# -gt 0 ]; then
    files=("$@")
else
    shopt -s nullglob
    files=("$textdir"/*.txt)
    shopt -u nullglob
fi
[ ${#files[@]} -gt 0 ] || { echo "make-pdfs: no input files" >&2; exit 1; }

convert() {   # convert FODT files into $work/pdf
    timeout 900 soffice -env:UserInstallation="$profile" --headless --norestore \
        --nologo --nodefault --convert-to pdf:writer_pdf_Export --outdir "$work/pdf" "$@" \
        >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; return 1; }
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

declare -A loose
fodts=()
for f in "${files[@]}"; do
    stem=$(basename "$f" .txt)
    python3 "$here/text2fodt.py" "$f" "$work/fodt/$stem.fodt"
    loose[$stem]=0
    fodts+=("$work/fodt/$stem.fodt")
done
convert "${fodts[@]}"

status=0
for f in "${files[@]}"; do
    stem=$(basename "$f" .txt)
    pdf=$work/pdf/$stem.pdf
    if [ ! -s "$pdf" ]; then
        echo "make-pdfs: FAILED $stem (no PDF written)" >&2; status=1; continue
    fi
    # short documents: larger font and spacing until there are two pages
    while [ "$(pages "$pdf")" -lt 2 ] && [ "${loose[$stem]}" -lt 3 ]; do
        loose[$stem]=$((loose[$stem] + 1))
        python3 "$here/text2fodt.py" --loose "${loose[$stem]}" "$f" "$work/fodt/$stem.fodt"
        convert "$work/fodt/$stem.fodt"
    done
    python3 "$here/normalize-pdf.py" "$pdf" "$outdir/$stem.pdf"
    if [ -n "${KEEP_FODT:-}" ]; then mkdir -p "$KEEP_FODT"; cp "$work/fodt/$stem.fodt" "$KEEP_FODT/"; fi
    printf '%-28s %3s pages %8s bytes  loose=%s  %s\n' "$stem.pdf" "$(pages "$outdir/$stem.pdf")" \
        "$(stat -c %s "$outdir/$stem.pdf")" "${loose[$stem]}" \
        "$(pdfinfo "$outdir/$stem.pdf" | sed -n 's/^Title: *//p')"
done
exit $status
