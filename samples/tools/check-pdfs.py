#!/usr/bin/env python3
"""check-pdfs.py [TEXT_FILE...] - verify samples/pdf/<stem>.pdf against samples/text/<stem>.txt

For each pair it reports: page count, whether every page has the running header and a
"Seite N von M" footer, the line-end hyphenations found in the PDF's text layer
(pdftotext), converter artifacts left over (**, \*, <b>, [..](#), #, private-use
characters), and every word of the text file (artifacts removed, see text2fodt.py
--plain) that cannot be found in the PDF text.  Exit status 1 if a check failed.
Needs poppler-utils (pdftotext, pdfinfo).  Python 3 standard library only."""

import collections
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import text2fodt  # noqa: E402

WORD_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+")


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


def check(txt):
    stem = os.path.splitext(os.path.basename(txt))[0]
    pdf = os.path.join(ROOT, "samples", "pdf", stem + ".pdf")
    if not os.path.exists(pdf):
        print("%s: MISSING %s" % (stem, pdf))
        return False
    ok = True
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    blocks, header, title, _ = text2fodt.build(txt)
    head_text = header["letterhead"][0] if header.get("letterhead") else text2fodt.CITY
    if header.get("letterhead"):
        head_lines = set(header["letterhead"])
    else:
        head_lines = {(text2fodt.CITY + " " + header.get("right", "")).strip()}
    raw = pdftotext(pdf, "-layout")
    page_texts = raw.split("\f")[:pages]
    problems = []
    for i, pt in enumerate(page_texts, 1):
        if head_text not in pt:
            problems.append("page %d: no running header" % i)
        if "Seite %d von %d" % (i, pages) not in pt:
            problems.append("page %d: no footer 'Seite %d von %d'" % (i, i, pages))
    if pages < 2:
        problems.append("only %d page" % pages)
    # line-end hyphenations in the text layer
    hyph = re.findall(r"(\S*[A-Za-zÄÖÜäöüß]-)\n\s*(\S+)", raw)
    gaps = re.findall(r"(\S*[a-zäöüß]) -\n\s*([a-zäöüß]\S*)", raw)
    if gaps:
        problems.append("hyphen separated from its word: %s" % "; ".join(
            "%s -|%s" % g for g in gaps))
    # words: every word of the text must appear in the PDF text layer.  Read in content
    # order (-raw, keeps table cells together), running header and footer removed, line-end
    # hyphenation undone both ways (joined and hyphen kept).
    body = []
    for pt in pdftotext(pdf, "-raw").split("\f")[:pages]:
        lines = pt.split("\n")
        lines = [l for l in lines if not re.fullmatch(r"\s*Seite \d+ von \d+\s*", l)]
        while lines and (not lines[0].strip() or lines[0].strip() in head_lines):
            lines.pop(0)
        body.append("\n".join(lines))
    rawtext = "\n".join(body)
    joined = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", rawtext)
    kept = re.sub(r"(\w)-\n\s*(\w)", r"\1-\2", rawtext)
    pdf_words = collections.Counter(WORD_RE.findall(joined)) + \
        collections.Counter(WORD_RE.findall(kept)) + collections.Counter(WORD_RE.findall(rawtext))
    want = collections.Counter(WORD_RE.findall(text2fodt.blocks_plain(blocks)))
    missing = sorted(w for w in want if w not in pdf_words)
    # a word hyphenated at the end of a table-row part that continues on the next page is
    # not adjacent in content order ("Übersetzungs-" ... "pools"): accept prefix + suffix
    prefixes = set(re.findall(r"(\w+)-\n", rawtext))
    suffixes = set(re.findall(r"(?m)^(\w+)", rawtext))
    split = [w for w in missing
             if any(w.startswith(p) and w[len(p):] in suffixes for p in prefixes)]
    missing = [w for w in missing if w not in split]
    # converter artifacts that must not survive into the PDF
    for name, rx in (("Markdown emphasis", r"\*\*"), ("escaped star", r"\\\*"),
                     ("HTML tag", r"</?b>"), ("Markdown link", r"\]\(#\)"),
                     ("Markdown heading", r"(?m)^\s*#{1,6} "),
                     ("private-use character", "[\ue000-\uf8ff]")):
        if re.search(rx, raw):
            problems.append("artifact left in PDF text: " + name)
    if missing:
        problems.append("words missing from PDF: %s" % ", ".join(missing[:30]))
    # table wrapping: measure-table cells continuing on the next line
    print("%s: %d pages, %d line-end hyphenations, e.g. %s" % (
        stem, pages, len(hyph),
        "; ".join("%s|%s" % h for h in hyph[:6]) or "-"))
    if split:
        print("   note: hyphenated across a page break inside a table row: " + ", ".join(split))
    for p in problems:
        print("   PROBLEM: " + p)
        ok = False
    return ok


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "samples", "text", "*.txt")))
    ok = all([check(f) for f in files])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
