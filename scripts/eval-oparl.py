#!/usr/bin/env python3
"""Measure `ratsdoc process --oparl` on a real archive with its OParl dump.

Usage:
    scripts/eval-oparl.py [ARCHIVE] [--grammar FILE] [--sample N] [--errors N]
                          [--check] [--ratsdoc PATH]

ARCHIVE is a directory with papers/*.json and meetings/*.json (the OParl
dump) and texts/<fileId>.txt (one text per File), as in
../shared/corpus/real/karlsruhe-archive; by default its development half is
unpacked to /tmp/karlsruhe-archive (once, see eval-archive.py). Without it the
script prints "skipped: …" and exits 0.

ratsdoc is run once: `process --oparl ARCHIVE` over the texts (all, or with
--sample N the texts of every k-th paper, about N texts, whole families kept
together so their links stay inside the sample). The truth is the dump, read
here independently of ratsdoc:
  paper's ID  every text of a paper (empty ones too) has an ID that is its
              paper's: the reference (white space removed), an Anlage of it
              (reference + "/Anlage…"), or the meeting of one of its
              consultations ("<Meeting.name>/<date>") for a minutes extract;
  kind        of the paper texts (the File's name says it is the paper) of the
              paperTypes eval-archive.py maps: the kind of the paperType;
  warnings    how many texts the RIS and the text disagree on (number, date);
and ratsdoc's own summary lines about the join, the dump's flaws and the
links. --check exits 1 when a share is below 0.99 (issue 14), or, with
--export-check, when the graph written back as an OParl dump is not valid.
"""
import argparse
import collections
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THRESHOLD = 0.99

spec = importlib.util.spec_from_file_location("eval_archive", os.path.join(ROOT, "scripts", "eval-archive.py"))
eval_archive = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_archive)
NS = eval_archive.NS


def load(directory):
    out = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".json"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                out.append(json.load(f))
    return out


def texts_of(archive, papers, meetings):
    """One entry per text file of a paper: path, the paper, the File, the IDs it may have."""
    meeting_ids = {}
    for meeting in meetings:
        name = " ".join((meeting.get("name") or meeting["id"].rsplit("/", 1)[-1]).split())
        start = (meeting.get("start") or "")[:10]
        meeting_ids[meeting["id"]] = f"{name}/{start}" if start else name
    items = []
    for paper in papers:
        files = paper.get("auxiliaryFile") or []
        if isinstance(files, dict):
            files = [files]
        reference = eval_archive.squeeze(paper.get("reference", ""))
        meetings_of = {meeting_ids[c["meeting"]] for c in paper.get("consultation") or []
                       if isinstance(c, dict) and c.get("meeting") in meeting_ids}
        for file in files:
            if not isinstance(file, dict) or not file.get("id"):
                continue
            path = os.path.join(archive, "texts", file["id"].rstrip("/").rsplit("/", 1)[-1] + ".txt")
            if not os.path.isfile(path):
                continue
            items.append({
                "path": path, "paper": paper["id"], "reference": reference,
                "paper_type": paper.get("paperType", ""), "name": paper.get("name", ""),
                "meetings": meetings_of, "file_name": file.get("name", ""),
                "role": "budget" if eval_archive.BUDGET_PAPER.search(paper.get("name", ""))
                else eval_archive.role_of(file.get("name", "")),
            })
    return items


def sample(items, wanted):
    """The texts of every k-th paper, about `wanted` texts in all."""
    papers = sorted({i["paper"] for i in items})
    if not wanted or wanted >= len(items):
        return items
    step = max(1, round(len(items) / wanted))
    keep = set(papers[::step])
    return [i for i in items if i["paper"] in keep]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive", nargs="?")
    parser.add_argument("--grammar", default=os.path.join(ROOT, "grammars", "karlsruhe.xml"))
    parser.add_argument("--ratsdoc", default=os.path.join(ROOT, "build", "ratsdoc"))
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--errors", type=int, default=8)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--export-check", action="store_true",
                        help="also write the graph as an OParl dump (export oparl) and check it with "
                             "tests/oparl/check_oparl.py against the official schemas")
    args = parser.parse_args()

    archive = args.archive
    if archive is None:
        if not os.path.isfile(eval_archive.DEFAULT_TARBALL):
            print(f"skipped: {eval_archive.DEFAULT_TARBALL} not found")
            return 0
        archive = eval_archive.unpack(eval_archive.DEFAULT_TARBALL, eval_archive.DEFAULT_ARCHIVE)
    if not os.path.isdir(os.path.join(archive, "papers")):
        print(f"skipped: {archive}/papers not found")
        return 0
    if not os.access(args.ratsdoc, os.X_OK):
        sys.exit(f"{args.ratsdoc} not found: build it with `cmake --build build`")

    items = sample(texts_of(archive, load(os.path.join(archive, "papers")), load(os.path.join(archive, "meetings"))),
                   args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "inputs")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("".join(i["path"] + "\n" for i in items))
        graph = os.path.join(tmp, "graph.xml")
        command = [args.ratsdoc, "--grammar", args.grammar, "process", "--oparl", archive, "--files-from", listing,
                   "-o", graph, "--no-progress"]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode not in (0, 1):
            sys.exit(f"ratsdoc failed ({done.returncode}): {done.stderr[-2000:]}")
        root = ET.parse(graph).getroot()
        exported = None
        if args.export_check:
            dump = os.path.join(tmp, "export")
            run = subprocess.run([args.ratsdoc, "--grammar", args.grammar, "export", "oparl", "--graph", graph,
                                  "-o", dump], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if run.returncode == 0:
                run = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "oparl", "check_oparl.py"), dump],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            exported = (run.returncode, run.stdout.strip().splitlines()[-5:])
    documents = {d.get("source"): d for d in root.iter(NS + "document")}

    right = collections.Counter()
    total = collections.Counter()
    errors = collections.defaultdict(list)
    disagreements = collections.Counter()
    examples = collections.defaultdict(list)

    def score(what, ok, detail):
        total[what] += 1
        right[what] += 1 if ok else 0
        if not ok:
            errors[what].append(detail)

    for item in items:
        document = documents.get(item["path"])
        where = os.path.basename(item["path"])
        doc_id = document.get("id") if document is not None else ""
        ref = item["reference"]
        ok = bool(ref) and (doc_id == ref or doc_id.startswith(ref + "/Anlage") or doc_id in item["meetings"])
        score("paper's ID", ok, f"{where} ({item['file_name']!r}): expected {ref}, got {doc_id}")
        if item["role"] == "main" and item["paper_type"] in eval_archive.KINDS:
            want = eval_archive.expected_kind({**item, "reference": ref})
            kind = document.get("kind") if document is not None else ""
            error = document.find(NS + "error") if document is not None else None
            if error is None:
                score("kind", kind == want, f"{where}: expected {want}, got {kind}")
        if document is not None:
            for warning in document.iter(NS + "warning"):
                text = warning.text or ""
                for what, start in (("number", "The RIS says"), ("date", "The RIS dates")):
                    if text.startswith(start):
                        disagreements[what] += 1
                        if len(examples[what]) < 3:
                            examples[what].append(f"{where}: {text}")

    print(f"{len(items)} texts of {archive} with its OParl dump (grammar {os.path.relpath(args.grammar, ROOT)})")
    failed = False
    for what in ("paper's ID", "kind"):
        share = right[what] / total[what] if total[what] else 1.0
        mark = ""
        if args.check and share < THRESHOLD:
            failed = True
            mark = f"  BELOW {THRESHOLD:.2f}"
        print(f"{what:11s} {share:.3f}  ({right[what]}/{total[what]}){mark}")
        for line in errors[what][:args.errors]:
            print(f"    ! {line}")
    for what in ("number", "date"):
        print(f"RIS and text disagree on the {what}: {disagreements[what]} texts")
        for line in examples[what]:
            print(f"    {line}")
    edges = collections.Counter(e.get("relation") for e in root.iter(NS + "edge"))
    print("edges: " + ", ".join(f"{relation} {count}" for relation, count in sorted(edges.items())))
    for line in done.stderr.splitlines():
        if line.startswith("OParl"):
            print(line)
    if exported is not None:
        code, lines = exported
        print("export oparl: " + ("valid" if code == 0 else "INVALID") + " — " + " / ".join(lines))
        failed = failed or (args.check and code != 0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
