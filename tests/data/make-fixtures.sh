#!/usr/bin/env bash
# make-fixtures.sh - (re)build the small test fixtures in tests/data/pdf and tests/data/text.
# What each fixture is and what a reader should get from it: tests/data/README.md.
#
# Needs: python3, soffice (libreoffice-writer), hyphen-de, fonts-liberation2, qpdf,
# img2pdf, poppler-utils.  Uses samples/tools/text2fodt.py for the document layout and
# samples/pdf/000_f587a7394770ebb2.pdf (built with samples/tools/make-pdfs.sh if missing)
# as the "sample PDF" the damaged/encrypted/scanned fixtures are made from.
#
# hyphenation.pdf - the body is ONE left-aligned paragraph without automatic hyphenation
# whose lines are ended by explicit line breaks (text:line-break), so every line ends
# exactly where intended.  The intended line ends ("|" = line break):
#     Wirtschafts-|förderung           ordinary hyphenation        -> "Wirtschaftsförderung"
#     Woh-|nen                         ordinary hyphenation        -> "Wohnen"
#     Beschluss-Nr. 5384-|057(VII)22   reference broken at its hyphen -> "5384-057(VII)22"
#     Hochschule Magdeburg-|Stendal    real hyphen (name)          -> "Magdeburg-Stendal"
#     IQ-|Netzwerk                     real hyphen (compound)      -> "IQ-Netzwerk"
#     Sozial-|und Wohnungsamt          suspended compound          -> "Sozial- und Wohnungsamt"
#     Antrag A0038/|07                 reference broken after "/"  -> "A0038/07"
#     Aus- und Weiter-|bildung         hyphenation after a suspended compound
#                                                                  -> "Aus- und Weiterbildung"
# plus, inside lines: a soft hyphen U+00AD in "Ver<SHY>waltung", the ligature U+FB01 in
# "Quali<fi>zierung" and a no-break space U+00A0 in "z.<NBSP>B." and "§<NBSP>5".
#
# Deterministic (same bytes on every run) except for the two encrypted files, which qpdf
# cannot make reproducibly; they are only rebuilt when missing or with REGEN_ENCRYPTED=1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
tools=$root/samples/tools
pdfdir=$here/pdf
textdir=$here/text
mkdir -p "$pdfdir" "$textdir"
export TZ=UTC LC_ALL=C.UTF-8 SAL_USE_VCLPLUGIN=svp

for tool in python3 soffice qpdf img2pdf pdftoppm pdftotext pdfinfo; do
    command -v "$tool" >/dev/null || { echo "make-fixtures: $tool not found" >&2; exit 2; }
done

sample=$root/samples/pdf/000_f587a7394770ebb2.pdf
if [ ! -s "$sample" ]; then
    "$tools/make-pdfs.sh" "$root/samples/text/000_f587a7394770ebb2.txt"
fi

work=$(mktemp -d /tmp/ratsdoc-fixtures.XXXXXX)
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- FODT documents
python3 - "$tools" "$root/samples/text/004_0c4ff60752e64775.txt" "$work" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import text2fodt as t
src004, work = sys.argv[2], sys.argv[3]
B = t.Block

# --- hyphenation.fodt: forced line ends, see the comment at the top of make-fixtures.sh
lines = [
    "Bereits in der Vergangenheit gab es umfassende Gespräche der Wirtschafts-",
    "förderung mit der Agentur für Arbeit. Gefördert werden Arbeit und Woh-",
    "nen sowie die Quali\ufb01zierung junger Menschen (Beschluss-Nr. 5384-",
    "057(VII)22 vom 08.12.2022). Die Studie erstellte die Hochschule Magdeburg-",
    "Stendal; die Anerkennungsberatung leistete bisher das IQ-",
    "Netzwerk Sachsen-Anhalt. Zuständig für die Umsetzung sind das Sozial-",
    "und Wohnungsamt und die Koordination Integration, vgl. Antrag A0038/",
    "07 zur bedarfsgerechten Aus- und Weiter-",
    "bildung. Die Ver\u00adwaltung stellt nach \u00a7\u00a05 der Richtlinie z.\u00a0B. Räume",
    "und Sprachmittlung für den Beirat bereit.",
]
blocks = [
    B("h", level=2, lines=["Information zur Umsetzung des Integrationskonzeptes"]),
    B("p", text="\n".join(lines), style="Text_20_left"),
]
with open(work + "/hyphenation.fodt", "w", encoding="utf-8") as f:
    f.write(t.render(blocks, {"right": "Information (Testdokument Silbentrennung)"},
                     "Testdokument Silbentrennung", {}))

# --- table.fodt: text of Handlungsfeld 3 from seed 004, then a measure table with the
# rows 3.26, 3.32 (Handlungsfeld 3) and 4.5 (Handlungsfeld 4); two pages, the table
# crosses the page break
blocks004, _, _, _ = t.build(src004)
rows = {}
header_row = None
for b in blocks004:
    if b.kind == "table":
        for r in b.rows:
            num = t.plain(r[0]).strip()
            if num == "Nr.":
                header_row = header_row or [t.plain(c) for c in r]
            rows[num] = r
start = next(i for i, b in enumerate(blocks004)
             if b.kind == "h" and b.lines[0].startswith("Handlungsfeld 3"))
end = next(i for i in range(start, len(blocks004)) if blocks004[i].kind == "table")
body = [B("h", level=1, lines=["Anlage 2 zur DS0583/21:",
                               "„Integrationskonzept der Landeshauptstadt Magdeburg ab 2022“"])]
# the sections "Höherqualifizierte" and "Interkulturelles Personalmanagement ..." are left
# out so that the table starts on page 1 and crosses the page break after row 3.32 (the
# header row is repeated on page 2, rows are never split)
sel = [b for b in blocks004[start:end]]
cut = [i for i, b in enumerate(sel) if b.kind == "h" and
       (b.lines[0].startswith("Höherqualifizierte") or b.lines[0].startswith("Interkulturelles"))]
for i in reversed(cut):
    del sel[i:i + 2]                         # the heading and its list
body += sel
body.append(B("table", rows=[header_row, rows["3.26"], rows["3.32"], rows["4.5"]], ncol=3))
body.append(B("p", text="Die Maßnahmen 4.5, 4.9 und 4.12 sind gemeinsam mit den Magdeburger "
                        "Wohnungsunternehmen zu untersetzen (Beschluss-Nr. 5384-057(VII)22)."))
with open(work + "/table.fodt", "w", encoding="utf-8") as f:
    f.write(t.render(body, {"right": "Anlage 2 zur DS0583/21"},
                     "Anlage 2 zur DS0583/21 – Auszug Maßnahmen", {"keep_rows": True}))

# --- empty-page.fodt: one blank A4 page, no header, no footer, no text
with open(work + "/empty-page.fodt", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:meta><meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>'
            '</office:meta><office:automatic-styles><style:page-layout style:name="pm1">'
            '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
            'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" '
            'fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>'
            '<office:master-styles><style:master-page style:name="Standard" '
            'style:page-layout-name="pm1"/></office:master-styles>'
            '<office:body><office:text><text:p/></office:text></office:body>'
            '</office:document>\n' % (t.FIXED_DATE, t.FIXED_DATE))
PY

timeout 600 soffice -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
    --nologo --nodefault --convert-to pdf:writer_pdf_Export --outdir "$work" \
    "$work/hyphenation.fodt" "$work/table.fodt" "$work/empty-page.fodt" >"$work/soffice.log" 2>&1 ||
    { cat "$work/soffice.log" >&2; exit 1; }
for n in hyphenation table empty-page; do
    python3 "$tools/normalize-pdf.py" "$work/$n.pdf" "$pdfdir/$n.pdf"
done

# ---------------------------------------------------------------- encrypted
# qpdf's AES-256 encryption uses random salts, so these two files differ on every run;
# they are only rebuilt when missing or with REGEN_ENCRYPTED=1 (keeps re-runs git-clean)
if [ -n "${REGEN_ENCRYPTED:-}" ] || [ ! -s "$pdfdir/encrypted-user-password.pdf" ] ||
        [ ! -s "$pdfdir/encrypted-owner-only.pdf" ]; then
    rm -f "$pdfdir"/encrypted-*.pdf
    # user password "geheim" (needed to open), owner password "ratsdoc-owner"
    qpdf --encrypt geheim ratsdoc-owner 256 -- "$sample" "$pdfdir/encrypted-user-password.pdf"
    # empty user password (opens without one), owner password set, everything restricted
    qpdf --encrypt "" ratsdoc-owner 256 --print=none --modify=none --extract=n --annotate=n \
        --form=n --assemble=n --modify-other=n -- "$sample" "$pdfdir/encrypted-owner-only.pdf"
fi

# ---------------------------------------------------------------- truncated / damaged
python3 - "$sample" "$pdfdir" <<'PY'
import random, re, sys
sample, out = sys.argv[1], sys.argv[2]
data = open(sample, "rb").read()
# truncated.pdf: the first 40 % of the bytes
open(out + "/truncated.pdf", "wb").write(data[: len(data) * 40 // 100])
# damaged.pdf: same length as the sample; deterministic garbage over
#  (1) the cross-reference table and the trailer ("xref" up to "startxref"),
#  (2) the middle 40 % of the file (page content streams, fonts, page objects),
#  (3) the first 64 bytes of every stream's data (so no Flate stream decodes).
rnd = random.Random(5384057)
buf = bytearray(data)
def garble(a, b):
    buf[a:b] = bytes(rnd.randrange(256) for _ in range(b - a))
x = data.rfind(b"\nxref")
s = data.rfind(b"startxref")
garble(x + 1, s)
garble(len(data) * 30 // 100, len(data) * 70 // 100)
for m in re.finditer(rb"stream\r?\n", data):
    if data[m.start() - 3:m.start()] == b"end":
        continue
    garble(m.end(), min(m.end() + 64, len(data)))
open(out + "/damaged.pdf", "wb").write(bytes(buf))
PY

# ---------------------------------------------------------------- scan (no text layer)
# page 1 of the sample at 100 dpi, gray; re-packed from 8 to 4 bits per pixel (16 gray
# levels, which is what text scans look like anyway) to keep the fixture under 100 KB
pdftoppm -r 100 -gray -png -f 1 -l 1 -singlefile "$sample" "$work/scan8"
python3 - "$work/scan8.png" "$work/scan.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, typ = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if typ == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif typ == b"IDAT":
        idat += body
    pos += 12 + n
w, h, depth, ctype, _, _, interlace = ihdr
assert depth == 8 and ctype in (0, 2) and interlace == 0, ihdr
bpp = 1 if ctype == 0 else 3          # pdftoppm -gray may write gray values as RGB
stride = w * bpp
raw = zlib.decompress(idat)
prev, out = bytearray(stride), bytearray()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):             # undo the PNG row filters
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1:
            line[x] = (line[x] + a) & 255
        elif f == 2:
            line[x] = (line[x] + b) & 255
        elif f == 3:
            line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    q = [v >> 4 for v in line[::bpp]] + [0]
    out.append(0)
    out.extend((q[i] << 4) | q[i + 1] for i in range(0, w, 2))
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
ppm = round(100 / 0.0254)               # 100 dpi in pixels per metre
open(sys.argv[2], "wb").write(
    b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 4, 0, 0, 0, 0)) +
    chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) +
    chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))
PY
img2pdf --nodate --title "Scan Stellungnahme S0056/23 (Seite 1)" -o "$work/scan.pdf" "$work/scan.png"
python3 "$tools/normalize-pdf.py" "$work/scan.pdf" "$pdfdir/scan.pdf"     # random /ID

# ---------------------------------------------------------------- non-PDF and text fixtures
cp "$pdfdir/hyphenation.pdf" "$textdir/renamed-pdf.txt"
python3 - "$textdir" <<'PY'
import random, sys
d = sys.argv[1]
open(d + "/not-a-pdf.bin", "wb").write(random.Random(20230207).randbytes(4096))
open(d + "/empty.txt", "wb").close()
original = (
    "Stellungnahme S0056/23 zur Anfrage F0322/22 – Schließung IQ-Netzwerk Magdeburg\n"
    "\n"
    "Die Oberbürgermeisterin wandte sich am 19.12.2022 schriftlich an den Bundesminister "
    "für Arbeit und Soziales und empfahl die dringende Überprüfung der Förderung. Für die "
    "Fortführung der Anerkennungsberatung („IQ-Netzwerk“) wären jährlich rund 250.000 € "
    "nötig; die Maßnahme 3.32 der Anlage 2 zur DS0583/21 bleibt davon unberührt. Äußerst "
    "bedauerlich für die Ratsuchenden – größere Änderungen sind nicht vorgesehen.\n")
# ISO-8859-1 has no „ “ – €: its original uses plain quotes, a hyphen and "EUR"
latin1_original = (original.replace("„", "\"").replace("“", "\"").replace(" – ", " - ")
                   .replace("€", "EUR"))
open(d + "/encoding-original.txt", "w", encoding="utf-8", newline="\n").write(original)
open(d + "/encoding-original-latin1.txt", "w", encoding="utf-8",
     newline="\n").write(latin1_original)
open(d + "/latin1.txt", "wb").write(latin1_original.encode("iso-8859-1"))
open(d + "/cp1252.txt", "wb").write(original.encode("cp1252"))
open(d + "/utf16le-bom.txt", "wb").write(b"\xff\xfe" + original.encode("utf-16-le"))
open(d + "/utf16be-bom.txt", "wb").write(b"\xfe\xff" + original.encode("utf-16-be"))
PY
mv "$textdir/not-a-pdf.bin" "$pdfdir/not-a-pdf.bin"

# ---------------------------------------------------------------- report
for f in "$pdfdir"/* "$textdir"/*; do
    pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
    printf '%-48s %7s bytes  %s\n' "${f#"$root"/}" "$(stat -c %s "$f")" \
        "${pages:+$pages page(s)}"
done
