#!/usr/bin/env python3
"""measure_layouts.py - how well ratsdoc reads papers rendered in the standard layouts.

Renders every paper of samples/text and tests/corpus/text in every layout of
tests/layout/layout_writer.cc (with build/tests/render_layouts) and compares
`ratsdoc text` of each PDF with `ratsdoc text` of the paper's text. Per layout:
  paragraphs  text paragraphs found verbatim as PDF paragraphs / all text paragraphs
  hyphens     PDF words ending in "-" that the text does not have (split words left)
  header      running-header lines left in the PDF text (beyond those the text has)
  words       papers whose PDF gives exactly the text's words / papers

Usage: tests/layout/measure_layouts.py [BUILD_DIR]   (default: build)
"""
import collections
import glob
import os
import subprocess
import sys
import tempfile

build = sys.argv[1] if len(sys.argv) > 1 else "build"
ratsdoc = os.path.join(build, "ratsdoc")
render = os.path.join(build, "tests", "render_layouts")
HEADERS = ["Landeshauptstadt Magdeburg \u2013 Der Oberb\u00fcrgermeister",
           "Dezernat V \u2013 Soziales, Jugend und Gesundheit", "Landeshauptstadt Magdeburg"]


def text_of(path):
    return subprocess.run([ratsdoc, "text", path], capture_output=True, text=True).stdout


papers = sorted(glob.glob("samples/text/*.txt") + glob.glob("tests/corpus/text/*.txt"))
stats = collections.defaultdict(lambda: collections.Counter())
with tempfile.TemporaryDirectory() as out:
    for paper in papers:
        subprocess.run([render, paper, out], check=True, capture_output=True)
        text = text_of(paper)
        text_paragraphs = [l for l in text.split("\n") if l]
        text_words = text.split()
        stem = os.path.splitext(os.path.basename(paper))[0]
        for pdf in sorted(glob.glob(os.path.join(out, stem + ".*.pdf"))):
            layout = pdf[len(os.path.join(out, stem)) + 1:-4]
            got = text_of(pdf)
            got_paragraphs = collections.Counter(l for l in got.split("\n") if l)
            s = stats[layout]
            s["paragraphs"] += len(text_paragraphs)
            s["paragraphs right"] += sum((collections.Counter(text_paragraphs) & got_paragraphs).values())
            s["hyphens"] += sum((collections.Counter(w for w in got.split() if w.endswith("-")) -
                                 collections.Counter(w for w in text_words if w.endswith("-"))).values())
            s["header"] += sum(max(0, got.count(h) - text.count(h)) for h in HEADERS[:2])
            s["papers"] += 1
            s["words right"] += got.split() == text_words
print(f"{'layout':40} {'paragraphs':>17} {'hyphens':>8} {'header':>7} {'words':>8}")
for layout, s in sorted(stats.items()):
    print(f"{layout:40} {s['paragraphs right']:>8}/{s['paragraphs']:<8} {s['hyphens']:>8} {s['header']:>7} "
          f"{s['words right']:>4}/{s['papers']:<3}")
