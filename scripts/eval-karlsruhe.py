#!/usr/bin/env python3
"""Evaluate the Karlsruhe reference grammar on the real Karlsruhe corpus.

Usage:
    scripts/eval-karlsruhe.py [CORPUS] [--engine ratsdoc|python|both]
                              [--grammar FILE] [--labels FILE] [--quiet]

CORPUS defaults to ../shared/corpus/real/karlsruhe relative to the repository
root (index.json, papers/*.json, texts/*.txt; provenance in ../SOURCES.md).
If it is absent the script prints "skipped: … not found" and exits 0.

Engines:
  ratsdoc  (default) runs `build/ratsdoc --grammar G parse TEXT` on every text
           and reads the document XML (urn:ratsdoc:graph:1).
  python   a prototype of the C++ references stage (src/references/*.cc) in
           Python's `re`, run on the normalised text from `build/ratsdoc text`:
           the same candidate order (earliest first, at the same start the
           longest; a match inside a kept one is dropped), own number (first
           candidate a `self` relation fires for), templates, relations and
           context resolution. It was used to tune the grammar before the C++
           stage existed and is kept to cross-check it.
  both     runs both, scores the C++ engine and lists every difference.

Ground truth, scoring and the hand labels are documented in
docs/karlsruhe-evaluation.md; in short, per text T (unit: one distinct target
per text, however often it occurs):

  relevant(T) = the paper references of index.json that occur in T's raw text
                (T's own paper, its sub-/superordinated papers, any other paper
                of the index), plus every target hand-labelled `ref` for T in
                scripts/karlsruhe-labels.tsv;
  a found target is a TP if it is in relevant(T) (or is an Anlage
                "P/AnlageN" of an index paper P that has a file named
                "Anlage N…"), an FP if it is labelled `not-ref` for T or is
                judged by nothing (then it is flagged UNLABELLED — label it);
                a target with resolved="false" ("?/Anlage1") is listed but not
                scored;
  recall      = found relevant / relevant; precision = TP / (TP + FP).
  The own number (document/@id) counts as a found target; it is also checked
  against the expected own number (the index paper's reference when it stands
  in the first 15 non-blank lines of a text that is not minutes, or a
  `self` hand label).

Exit status: 0 evaluated (or corpus absent), 2 build/ratsdoc missing or the
grammar does not load.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RATSDOC = os.path.join(REPO, "build", "ratsdoc")
NS = "{urn:ratsdoc:graph:1}"

# paperType (OParl, Karlsruhe) -> kind of SPEC's vocabulary
PAPER_KIND = {
    "Beschlussvorlage": "drucksache",
    "Informationsvorlage": "information",
    "Antrag": "antrag",
    "Änderungs-/Ergänzungsantrag": "antrag",
    "Anfrage": "anfrage",
}


def paper_kind(paper_type: str) -> str:
    if paper_type.startswith("Haushalt"):
        return "antrag"  # "Haushalt THH 5000": a Haushaltsantrag DHH/…
    return PAPER_KIND.get(paper_type, "drucksache")


# ---------------------------------------------------------------------------
# Running build/ratsdoc (the binary may be relinked while we run: retry).

def run_ratsdoc(args: list[str], attempts: int = 5) -> subprocess.CompletedProcess:
    last = None
    for attempt in range(attempts):
        try:
            last = subprocess.run([RATSDOC] + args, capture_output=True, text=True)
        except (PermissionError, OSError) as error:  # "Text file busy" while linking
            last = subprocess.CompletedProcess(args, 126, "", str(error))
        if last.returncode in (0, 1):
            return last
        if last.returncode in (2, 3):  # usage error / grammar does not load: no retry
            return last
        time.sleep(2 + attempt)
    return last


# ---------------------------------------------------------------------------
# The Python prototype of the references stage.

class Template:
    FIELD = re.compile(r"\{([^{}]*)\}")

    def __init__(self, text: str | None):
        self.text = (text or "").strip()

    def empty(self) -> bool:
        return not self.text

    def fill(self, lookup, missing: str | None = None) -> str | None:
        if self.empty():
            return None
        out, pos = [], 0
        for m in self.FIELD.finditer(self.text):
            out.append(self.text[pos:m.start()])
            pos = m.end()
            spec = m.group(1)
            from_self = spec.startswith("self:")
            if from_self:
                spec = spec[5:]
            name, _, transform = spec.partition(":")
            value = lookup(name, from_self)
            if value is None:
                value = missing
            if value is None:
                return None
            if transform == "text":
                value = " ".join(value.split())
            else:
                value = "".join(value.split())
            if transform.isdigit():
                value = value.rjust(int(transform), "0")
            elif transform == "upper":
                value = value.upper()
            elif transform == "roman":
                value = value.replace("l", "I").upper()
            out.append(value)
        out.append(self.text[pos:])
        return "".join(out)


def re2_to_python(pattern: str) -> str:
    # RE2's \pL (any letter); Python's re has no Unicode classes. Latin letters
    # are all German texts need.
    return pattern.replace(r"\p{L}", r"[A-Za-zÀ-ÖØ-öø-ɏ]").replace(r"\pL", r"[A-Za-zÀ-ÖØ-öø-ɏ]")


def compile_re(pattern: str) -> re.Pattern:
    # RE2's \b, \w, \d, \s are ASCII: so are Python's with re.ASCII. (Python's
    # (?i) then folds ASCII letters only; RE2 folds Ä/ä too.)
    return re.compile(re2_to_python(pattern), re.ASCII)


class GrammarError(Exception):
    pass


class Grammar:
    def __init__(self, path: str):
        self.defines: dict[str, str] = {}
        self.rules: list[dict] = []
        self.relations: list[dict] = []
        self.attachment_id = Template("{paper}/Anlage{attachment}")
        self.measure_id = Template("{attachment}#{measure}")
        self.attachment_parents: list[str] = []
        self.warnings: list[str] = []
        self._seen: set[str] = set()
        self._load(os.path.abspath(path))

    def _find_include(self, href: str, base_dir: str) -> str:
        for candidate in (os.path.join(base_dir, href), os.path.join(REPO, "grammars", href)):
            if os.path.exists(candidate):
                return os.path.abspath(candidate)
        raise GrammarError(f"included file '{href}' was not found")

    def _expand(self, pattern: str, where: str) -> str:
        def repl(m):
            name = m.group(1)
            if name not in self.defines:
                raise GrammarError(f"{where}: {{{{{name}}}}} is not defined")
            return "(?:" + self.defines[name] + ")"
        return re.sub(r"\{\{([^{}]*)\}\}", repl, pattern)

    def _load(self, path: str) -> None:
        if path in self._seen:
            return
        self._seen.add(path)
        root = ET.parse(path).getroot()
        for child in root:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "include":
                self._load(self._find_include(child.get("href"), os.path.dirname(path)))
            elif child.tag == "define":
                self.defines[child.get("name")] = self._expand(child.text or "", child.get("name"))
            elif child.tag == "references":
                self._load_references(child, path)
            elif child.tag == "relations":
                self._load_relations(child)

    def _compile_checked(self, node, name: str) -> re.Pattern:
        pattern_node = node.find("pattern")
        regex = compile_re(self._expand(pattern_node.text or "", name))
        for example in node.findall("example"):
            if not regex.fullmatch(example.text or ""):
                raise GrammarError(f"rule '{name}': pattern does not match its example {example.text!r}")
        for counter in node.findall("counterexample"):
            if regex.fullmatch(counter.text or ""):
                raise GrammarError(f"rule '{name}': pattern matches its counterexample {counter.text!r}")
            # ratsdoc only checks that a counterexample is not matched WHOLE; a
            # rule that still finds a reference inside it is worth a warning.
            inside = regex.search(counter.text or "")
            if inside:
                self.warnings.append(f"rule '{name}': counterexample {counter.text!r} still yields a reference: {inside.group(0)!r}")
        return regex

    def _load_references(self, section, path: str) -> None:
        if section.get("attachment-id"):
            self.attachment_id = Template(section.get("attachment-id"))
        if section.get("measure-id"):
            self.measure_id = Template(section.get("measure-id"))
        if section.get("attachment-parents"):
            self.attachment_parents = section.get("attachment-parents").split()
        for node in section:
            if node.tag != "rule":
                continue
            name = node.get("name")
            rule = {
                "name": name,
                "kind": node.get("kind"),
                "part": node.get("part", "paper"),
                "regex": self._compile_checked(node, name),
            }
            for slot in ("id", "paper", "attachment", "measure"):
                child = node.find(slot)
                rule[slot] = Template(child.text if child is not None else None)
            lst = node.find("list")
            rule["list_group"] = lst.get("group") if lst is not None else None
            rule["list_item"] = compile_re(self._expand(lst.get("item"), name)) if lst is not None else None
            self.rules.append(rule)

    def _load_relations(self, section) -> None:
        for node in section:
            if node.tag != "relation":
                continue
            cues = []
            for cue in node:
                if cue.tag == "line-start":
                    cues.append(("line-start", int(cue.get("within-lines")), None))
                else:
                    cues.append((cue.tag, 0, compile_re(self._expand(cue.text or "", node.get("name")))))
            self.relations.append({
                "name": node.get("name"),
                "document_kinds": (node.get("document-kinds") or "").split(),
                "target_kinds": (node.get("target-kinds") or "").split(),
                "cues": cues,
            })


def contains(words: list[str], word: str) -> bool:
    return not words or word in words


class Candidate:
    def __init__(self, rule: dict, m: re.Match, begin: int, end: int, item: str | None = None):
        self.rule, self.m, self.begin, self.end, self.item = rule, m, begin, end, item

    def group(self, name: str) -> str | None:
        if name not in self.rule["regex"].groupindex:
            return None
        return self.m.group(name)


class Layout:
    CUE_WINDOW = 200

    def __init__(self, text: str):
        self.text = text
        self.line_starts, self.non_blank = [], []
        index, start = -1, 0
        while True:
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            self.line_starts.append(start)
            if text[start:end].strip():
                index += 1
            self.non_blank.append(max(index, 0))
            if end == len(text):
                break
            start = end + 1

    def _line_index(self, offset: int) -> int:
        import bisect
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_at(self, offset: int) -> tuple[int, int]:
        begin = self.line_starts[self._line_index(offset)]
        end = self.text.find("\n", begin)
        return begin, (len(self.text) if end < 0 else end)

    def non_blank_index(self, offset: int) -> int:
        return self.non_blank[self._line_index(offset)]

    def before(self, begin: int) -> str:
        line_begin, _ = self.line_at(begin)
        return self.text[max(line_begin, begin - self.CUE_WINDOW):begin]

    def after(self, begin: int, end: int) -> str:
        _, line_end = self.line_at(begin)
        return self.text[end:min(line_end, end + self.CUE_WINDOW)]

    def column_label(self, offset: int) -> str | None:
        begin, end = self.line_at(offset)
        if "\t" not in self.text[begin:end] or begin == 0:
            return None
        column = self.text[begin:offset].count("\t")
        above_begin, above_end = self.line_at(begin - 1)
        cells = self.text[above_begin:above_end].split("\t")
        if len(cells) < 2 or column >= len(cells):
            return None
        return cells[column].strip()


def find_candidates(text: str, grammar: Grammar) -> list[Candidate]:
    matches = []
    for rule in grammar.rules:
        regex, pos = rule["regex"], 0
        while pos <= len(text):
            m = regex.search(text, pos)
            if not m:
                break
            if m.end() > m.start():
                matches.append(Candidate(rule, m, m.start(), m.end()))
            pos = m.end() if m.end() > pos else pos + 1
    matches.sort(key=lambda c: (c.begin, -c.end))  # stable, as std::stable_sort
    out, covered = [], 0
    for c in matches:
        if c.begin < covered:
            continue
        covered = c.end
        if c.rule["list_item"] is not None and c.group(c.rule["list_group"]) is not None:
            group = c.rule["list_group"]
            items = []
            for im in c.rule["list_item"].finditer(c.m.group(group)):
                if not im.group(0):
                    break
                start = c.m.start(group) + im.start()
                items.append(Candidate(c.rule, c.m, start, start + len(im.group(0)), im.group(0)))
            if items:
                items[0].begin, items[-1].end = c.begin, c.end
                out.extend(items)
        else:
            out.append(c)
    return out


def python_engine(text: str, grammar: Grammar) -> dict:
    """Mirror of src/references/extract.cc (no headings: one section)."""
    layout = Layout(text)
    state = {"self": None, "id": "", "kind": "sonstiges", "parent": "", "paper": None,
             "attachment": None, "subject": ""}

    def fill(t: Template, c: Candidate, missing=None):
        def lookup(name, from_self):
            if from_self:
                return state["self"].group(name) if state["self"] is not None else None
            if name == "item" and c.item:
                return c.item
            return c.group(name)
        return t.fill(lookup, missing)

    def compose_attachment(paper: str, number: str) -> str:
        value = grammar.attachment_id.fill(lambda n, s: paper if n == "paper" else number if n == "attachment" else None)
        return value if value is not None else f"{paper}/{number}"

    def compose_measure(attachment: str, number: str) -> str:
        value = grammar.measure_id.fill(lambda n, s: attachment if n == "attachment" else number if n == "measure" else None)
        return value if value is not None else f"{attachment}#{number}"

    def cue_fires(cue, c: Candidate) -> bool:
        where, within, regex = cue
        if where == "before":
            return regex.search(layout.before(c.begin)) is not None
        if where == "after":
            return regex.search(layout.after(c.begin, c.end)) is not None
        if where == "column":
            label = layout.column_label(c.begin)
            return label is not None and regex.fullmatch(label) is not None
        line_begin, _ = layout.line_at(c.begin)
        return not text[line_begin:c.begin].strip() and layout.non_blank_index(c.begin) < within

    def relation_fires(relation, c: Candidate) -> bool:
        if not contains(relation["target_kinds"], c.rule["kind"]):
            return False
        return any(cue_fires(cue, c) for cue in relation["cues"])

    candidates = find_candidates(text, grammar)
    for c in candidates:  # the own number
        if not any(r["name"] == "self" and relation_fires(r, c) for r in grammar.relations):
            continue
        rule, own = c.rule, None
        if rule["part"] == "paper":
            own = fill(rule["id"], c)
        elif rule["part"] == "attachment":
            paper, number = fill(rule["paper"], c), fill(rule["attachment"], c)
            if paper is not None and number is not None:
                own = compose_attachment(paper, number)
                state["parent"] = paper
        if own is None:
            continue
        state["self"], state["id"], state["kind"] = c, own, rule["kind"]
        break

    def in_section(at: int, offset: int) -> bool:
        return 0 <= at <= offset

    def subject_paper() -> str:
        if state["parent"]:
            return state["parent"]
        own = state["self"]
        if own is not None and own.rule["part"] == "paper" and contains(grammar.attachment_parents, state["kind"]):
            return state["id"]
        return state["subject"]

    def context_paper(offset: int):
        best = None
        if state["attachment"] and in_section(state["attachment"][2], offset):
            best = (state["attachment"][1], state["attachment"][2])
        if state["paper"] and in_section(state["paper"][1], offset) and (best is None or state["paper"][1] > best[1]):
            best = state["paper"]
        if best is not None:
            return best[0]
        return subject_paper() or None

    references = []
    if state["self"] is not None and state["parent"]:
        references.append({"target": state["parent"], "relation": "attachment-of", "kind": "?",
                           "resolved": True, "text": text[state["self"].begin:state["self"].end]})
    for c in candidates:
        if c is state["self"]:
            continue
        rule, at = c.rule, c.begin
        ref = {"kind": rule["kind"], "resolved": True, "text": text[c.begin:c.end]}
        if rule["part"] == "paper":
            target = fill(rule["id"], c)
            if target is None:
                ref["resolved"] = False
                target = fill(rule["id"], c, "?") or "?"
            ref["target"] = target
            if ref["resolved"] and contains(grammar.attachment_parents, rule["kind"]):
                state["paper"] = (target, at)
        elif rule["part"] == "attachment":
            number = fill(rule["attachment"], c) or "?"
            paper = fill(rule["paper"], c)
            if paper is None:
                paper = context_paper(at)
            ref["resolved"] = paper is not None
            ref["target"] = compose_attachment(paper if paper is not None else "?", number)
            if paper is not None:
                state["attachment"] = (ref["target"], paper, at)
        else:  # measure
            measure = fill(rule["measure"], c) or "?"
            number = fill(rule["attachment"], c)
            attachment = paper = None
            if number is not None:
                paper = fill(rule["paper"], c)
                if paper is None:
                    paper = context_paper(at)
                attachment = compose_attachment(paper if paper is not None else "?", number)
            elif state["attachment"] and in_section(state["attachment"][2], at):
                attachment, paper = state["attachment"][0], state["attachment"][1]
            elif state["parent"]:
                attachment, paper = state["id"], state["parent"]
            ref["resolved"] = paper is not None and attachment is not None
            ref["target"] = compose_measure(attachment if attachment else "?", measure)
            if ref["resolved"]:
                state["attachment"] = (attachment, paper, at)
        if ref["resolved"] and ref["target"] == state["id"]:
            continue  # its own number
        relation = "cites"
        for r in grammar.relations:
            if r["name"] == "self" or not contains(r["document_kinds"], state["kind"]):
                continue
            if relation_fires(r, c):
                relation = r["name"]
                break
        if relation in ("answers", "decides"):
            # A paper answers or decides one subject, the first one named;
            # later ones only cite (extract.cc, since commit 3feb37f).
            if not state["subject"]:
                state["subject"] = ref["target"]
            if ref["target"] != state["subject"]:
                relation = "cites"
        ref["relation"] = relation
        references.append(ref)
    return {"id": state["id"] or "sha256:(none)", "kind": state["kind"], "references": references}


def ratsdoc_engine(path: str, grammar_path: str) -> dict:
    result = run_ratsdoc(["--grammar", grammar_path, "parse", path])
    if result.returncode not in (0, 1):
        raise RuntimeError(f"ratsdoc parse {path} failed ({result.returncode}): {result.stderr.strip()}")
    root = ET.fromstring(result.stdout)
    references = []
    for e in root.iter(NS + "reference"):
        references.append({
            "target": e.get("target"), "relation": e.get("relation"), "kind": e.get("kind"),
            "resolved": e.get("resolved", "true") != "false", "text": e.get("text"),
        })
    return {"id": root.get("id", ""), "kind": root.get("kind", ""), "references": references}


# ---------------------------------------------------------------------------
# Ground truth

def ref_regex(reference: str) -> re.Pattern:
    body = r"\s*/\s*".join(re.escape(part) for part in reference.split("/"))
    return re.compile(r"(?<![\w/])" + body + r"(?!\d|\s*/\s*\d)")


def load_labels(path: str) -> tuple[dict, dict]:
    """scripts/karlsruhe-labels.tsv: file, target, label (ref|not-ref|self|no-self), kind, note."""
    labels: dict[tuple[str, str], tuple[str, str, str]] = {}
    selfs: dict[str, str] = {}
    if not os.path.exists(path):
        return labels, selfs
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < 3 or cells[2] not in ("ref", "not-ref", "self", "no-self"):
                sys.exit(f"{path}:{number}: expected file<TAB>target<TAB>ref|not-ref|self|no-self[<TAB>kind<TAB>note]")
            file, target, label = cells[0], cells[1], cells[2]
            kind = cells[3] if len(cells) > 3 else ""
            note = cells[4] if len(cells) > 4 else ""
            if label in ("self", "no-self"):
                selfs[file] = target if label == "self" else ""
            if label in ("ref", "not-ref", "self"):
                labels[(file, target)] = ("ref" if label == "self" else label, kind, note)
    return labels, selfs


class Truth:
    def __init__(self, corpus: str, labels_path: str):
        self.index = json.load(open(os.path.join(corpus, "index.json"), encoding="utf-8"))
        self.by_id = {p["paperId"]: p for p in self.index}
        self.paper_of_text = {}
        self.known_refs = {}  # reference -> kind
        self.attachments = set()  # "P/AnlageN" of index papers
        for p in self.index:
            self.known_refs[p["reference"]] = paper_kind(p["paperType"])
            for f in p["textFiles"]:
                self.paper_of_text[f["fileId"]] = p
                m = re.match(r"Anlage\s*(\d{1,2})\b", f["name"])
                if m:
                    self.attachments.add(f"{p['reference']}/Anlage{m.group(1)}")
        self.labels, self.selfs = load_labels(labels_path)

    def family(self, paper: dict) -> list[str]:
        ids = paper.get("subordinatedPaper", []) + paper.get("superordinatedPaper", [])
        return [self.by_id[i]["reference"] for i in ids if i in self.by_id]

    def relevant(self, file_id: str, raw: str) -> dict[str, str]:
        """target -> why ('own', 'family', 'index', 'label'), with its kind."""
        out = {}
        paper = self.paper_of_text.get(file_id)
        if paper is not None:
            for ref in [paper["reference"]] + self.family(paper) + list(self.known_refs):
                if ref in out or not ref_regex(ref).search(raw):
                    continue
                why = "own" if ref == paper["reference"] else "family" if ref in self.family(paper) else "index"
                out[ref] = why
        for (file, target), (label, _, _) in self.labels.items():
            if file == file_id and label == "ref":
                out.setdefault(target, "label")
        return out

    def expected_kind(self, file_id: str, target: str) -> str:
        label = self.labels.get((file_id, target))
        if label and label[1]:
            return label[1]
        if target in self.known_refs:
            return self.known_refs[target]
        if "/Anlage" in target:
            return "anlage"
        return "?"

    def expected_self(self, file_id: str, raw: str) -> str:
        if file_id in self.selfs:
            return self.selfs[file_id]
        paper = self.paper_of_text.get(file_id)
        lines = [l.strip() for l in raw.splitlines() if l.strip()][:15]
        if paper is None or not lines or lines[0].startswith("Niederschrift"):
            return ""
        head = "\n".join(lines)
        return paper["reference"] if ref_regex(paper["reference"]).search(head) else ""


# ---------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(REPO, "..", "shared", "corpus", "real", "karlsruhe"))
    parser.add_argument("--engine", choices=("ratsdoc", "python", "both"), default="ratsdoc")
    parser.add_argument("--grammar", default=os.path.join(REPO, "grammars", "karlsruhe.xml"))
    parser.add_argument("--labels", default=os.path.join(REPO, "scripts", "karlsruhe-labels.tsv"))
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()

    corpus = os.path.normpath(args.corpus)
    if not os.path.exists(os.path.join(corpus, "index.json")):
        print(f"skipped: Karlsruhe corpus {corpus} not found")
        return 0
    if not os.path.exists(RATSDOC):  # (briefly not executable while being relinked: run_ratsdoc retries)
        print(f"build/ratsdoc not found: build it first with\n"
              f"  cmake -S {REPO} -B {REPO}/build -DCMAKE_BUILD_TYPE=Release && cmake --build {REPO}/build -j")
        return 2

    grammar = None
    if args.engine in ("python", "both"):
        try:
            grammar = Grammar(args.grammar)
        except (GrammarError, ET.ParseError, re.error) as error:
            print(f"grammar does not load (python prototype): {error}")
            return 2
    if args.engine in ("ratsdoc", "both"):
        probe = run_ratsdoc(["--grammar", args.grammar, "text", os.devnull])
        if probe.returncode == 3:
            print(f"grammar does not load (ratsdoc): {probe.stderr.strip()}")
            return 2

    for warning in (grammar.warnings if grammar else []):
        print(f"warning: {warning}")
    truth = Truth(corpus, args.labels)
    texts_dir = os.path.join(corpus, "texts")
    files = sorted(f for f in os.listdir(texts_dir) if f.endswith(".txt"))
    primary = "python" if args.engine == "python" else "ratsdoc"

    totals = collections.Counter()
    found_by_kind = collections.defaultdict(collections.Counter)   # kind as typed by the grammar
    truth_by_kind = collections.defaultdict(collections.Counter)   # kind of the ground truth
    relations = collections.Counter()
    by_source = collections.defaultdict(collections.Counter)  # own / family / index / label
    fps, fns, unresolved, unlabelled, self_errors, diffs, kind_errors = [], [], [], [], [], [], []

    for name in files:
        file_id = name[:-4]
        path = os.path.join(texts_dir, name)
        raw = open(path, encoding="utf-8", errors="replace").read()
        results = {}
        if args.engine in ("ratsdoc", "both"):
            results["ratsdoc"] = ratsdoc_engine(path, args.grammar)
        if args.engine in ("python", "both"):
            normalised = run_ratsdoc(["--grammar", args.grammar, "text", path])
            if normalised.returncode not in (0, 1):
                raise RuntimeError(f"ratsdoc text {path} failed: {normalised.stderr.strip()}")
            results["python"] = python_engine(normalised.stdout, grammar)
        if args.engine == "both":
            def signature(r):
                return collections.Counter((x["target"], x["relation"], x["kind"], x["resolved"]) for x in r["references"]) + \
                    collections.Counter([("@id", r["id"] if not r["id"].startswith("sha256:") else "-", r["kind"], True)])
            a, b = signature(results["ratsdoc"]), signature(results["python"])
            if a != b:
                diffs.append((file_id, sorted((a - b).elements()), sorted((b - a).elements())))
        result = results[primary]

        # what was found, one entry per distinct target
        found: dict[str, dict] = {}
        own = result["id"] if result["id"] and not result["id"].startswith("sha256:") else ""
        if own:
            found[own] = {"target": own, "kind": result["kind"], "relation": "self", "text": "(own number)", "resolved": True}
        for ref in result["references"]:
            relations[ref["relation"]] += 1
            if not ref["resolved"]:
                unresolved.append((file_id, ref))
                continue
            found.setdefault(ref["target"], ref)

        expected_self = truth.expected_self(file_id, raw)
        if own != expected_self:
            self_errors.append((file_id, expected_self or "(none)", own or "(none)"))
            totals["self-wrong"] += 1
        else:
            totals["self-right"] += 1

        relevant = truth.relevant(file_id, raw)
        for target, ref in found.items():
            label = truth.labels.get((file_id, target))
            kind = ref["kind"]
            found_by_kind[kind]["found"] += 1
            if target in relevant or (label is None and target in truth.attachments):
                totals["tp"] += 1
                found_by_kind[kind]["tp"] += 1
                if ref["relation"] != "self":
                    expected_kind = truth.expected_kind(file_id, target)
                    totals["kind-checked"] += 1
                    if expected_kind == kind:
                        totals["kind-right"] += 1
                    else:
                        kind_errors.append((file_id, target, expected_kind, kind, ref.get("text", "")))
            else:
                totals["fp"] += 1
                found_by_kind[kind]["fp"] += 1
                why = label[2] if label else "UNLABELLED: judge it and add it to scripts/karlsruhe-labels.tsv"
                fps.append((file_id, target, kind, ref.get("text", ""), why))
                if not label:
                    unlabelled.append((file_id, target))
        for target, why in relevant.items():
            by_source[why]["relevant"] += 1
            by_source[why]["found"] += target in found
            kind = truth.expected_kind(file_id, target)
            truth_by_kind[kind]["relevant"] += 1
            totals["relevant"] += 1
            if target in found:
                truth_by_kind[kind]["found"] += 1
                totals["found-relevant"] += 1
            else:
                truth_by_kind[kind]["fn"] += 1
                fns.append((file_id, target, kind, why, (truth.labels.get((file_id, target)) or ("", "", ""))[2]))

    def ratio(a, b):
        return f"{a / b:.3f}" if b else "n/a"

    tp, fp = totals["tp"], totals["fp"]
    print(f"Karlsruhe reference grammar: {args.grammar}")
    print(f"engine: {primary}" + (" (python prototype cross-checked)" if args.engine == "both" else ""))
    print(f"corpus: {corpus} — {len(files)} texts, {len(truth.index)} papers")
    print()
    print("found targets by kind (as the grammar typed them):")
    print(f"  {'kind':<20}{'found':>7}{'TP':>6}{'FP':>6}{'precision':>11}")
    for kind in sorted(found_by_kind):
        c = found_by_kind[kind]
        print(f"  {kind:<20}{c['found']:>7}{c['tp']:>6}{c['fp']:>6}{ratio(c['tp'], c['tp'] + c['fp']):>11}")
    print()
    print("relevant targets by kind (ground truth):")
    print(f"  {'kind':<20}{'relevant':>9}{'found':>7}{'FN':>5}{'recall':>9}")
    for kind in sorted(truth_by_kind):
        c = truth_by_kind[kind]
        print(f"  {kind:<20}{c['relevant']:>9}{c['found']:>7}{c['fn']:>5}{ratio(c['found'], c['relevant']):>9}")
    print()
    print("relations of the references (occurrences): " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    print(f"own number (document/@id): {totals['self-right']} as expected, {totals['self-wrong']} not")
    print(f"kind of the other true references: {totals['kind-right']} of {totals['kind-checked']} as the ground truth says")
    print()
    print(f"precision {ratio(tp, tp + fp)}  ({tp} TP, {fp} FP)")
    print(f"recall    {ratio(totals['found-relevant'], totals['relevant'])}  ({totals['found-relevant']} of {totals['relevant']} relevant, {len(fns)} FN)")
    print("recall by source of the ground truth: " + ", ".join(
        f"{why} {by_source[why]['found']}/{by_source[why]['relevant']}" for why in ("own", "family", "index", "label")))
    if not args.quiet:
        print()
        print(f"false positives ({len(fps)}):")
        for file_id, target, kind, text, why in fps:
            print(f"  {file_id}  {target}  [{kind}]  text={text!r}  — {why}")
        print(f"false negatives ({len(fns)}):")
        for file_id, target, kind, why, note in fns:
            print(f"  {file_id}  {target}  [{kind}]  ({why}{'; ' + note if note else ''})")
        print(f"own number not as expected ({len(self_errors)}):")
        for file_id, expected, got in self_errors:
            print(f"  {file_id}  expected {expected}, got {got}")
        print(f"kind differs from the ground truth ({len(kind_errors)}; not counted as errors above):")
        for file_id, target, expected, got, text in kind_errors:
            print(f"  {file_id}  {target}  expected {expected}, typed {got}  text={text!r}")
        print(f"unresolved, not scored ({len(unresolved)}):")
        for file_id, ref in unresolved:
            print(f"  {file_id}  {ref['target']}  [{ref['kind']}]  text={ref.get('text', '')!r}")
    if args.engine == "both":
        print()
        if diffs:
            print(f"ratsdoc and the python prototype DISAGREE on {len(diffs)} texts:")
            for file_id, only_c, only_py in diffs:
                print(f"  {file_id}: only ratsdoc {only_c}; only python {only_py}")
        else:
            print(f"ratsdoc and the python prototype agree on all {len(files)} texts "
                  "(own number, kind and every reference's target, relation, kind, resolved).")
    if unlabelled:
        print()
        print(f"note: {len(unlabelled)} found targets are judged by nothing (counted as FP above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
