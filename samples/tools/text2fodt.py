#!/usr/bin/env python3
"""text2fodt.py - rebuild the "original" document behind a ratsdoc sample text.

The files in samples/text/ are converter output (pdftotext / a Markdown converter) of
Magdeburg council papers, complete with the converter's artifacts.  This script reads
such a file, interprets the artifacts as the formatting they came from, and writes a
Flat ODT (.fodt) document that LibreOffice turns into a PDF that looks like what the
Ratsinformationssystem publishes:

  * "## x", "### x", a line wholly in "**...**"          -> bold heading paragraph
  * "**x**" / "<b>x</b>" inside a line                    -> bold x
  * "\\*" and other Markdown escapes                       -> the literal character
  * "[text](#)"                                            -> text
  * consecutive lines containing TABs                      -> one bordered table
  * lines starting with "- " (or a Wingdings bullet)       -> list items
  * hard-wrapped files (lines ending in spaces)            -> re-flowed paragraphs, line-end
                                                              hyphenation undone
  * a page number alone on a line, running header lines    -> dropped; the running header
    repeated in the middle of the text                        becomes the real page header

Page set-up: A4, 2 cm margins, Liberation Sans 11 pt, justified body text, automatic
German hyphenation, a running header and a "Seite N von M" footer on every page.

Python 3 standard library only.

Usage:
  text2fodt.py INPUT.txt OUTPUT.fodt [--loose N]   write the FODT
  text2fodt.py --plain INPUT.txt                   print the plain text the PDF should
                                                   contain (artifacts removed), for checks
"""

import argparse
import os
import re
import statistics
import sys
from xml.sax.saxutils import escape

# --------------------------------------------------------------------------------------
# Per-file knowledge: the running header (left part is always the city) and the PDF
# title.  Keys are prefixes of the file stem.  Files not listed get a header derived
# from their text (derive_header below).
# --------------------------------------------------------------------------------------
KNOWN = {
    "000_": {"right": "Stellungnahme S0056/23",
             "title": "Stellungnahme S0056/23 – Schließung IQ-Netzwerk Magdeburg"},
    "001_": {"right": "Information – Bedarfsgerechte Aus- und Weiterbildung",
             "title": "Information – Bedarfsgerechte Aus- und Weiterbildung"},
    "002_": {"right": "Netzwerkkonferenz Integration – Ablauf und Ergebnisse",
             "title": "Netzwerkkonferenz Integration – Ablauf und Ergebnisse"},
    "003_": {"title": "Ergebnisprotokoll der 2. öffentlichen Sitzung des Beirates für "
                      "Integration und Migration am 19.04.2023"},
    "004_": {"right": "Anlage 2 zur DS0583/21",
             "title": "Anlage 2 zur DS0583/21 – Integrationskonzept der "
                      "Landeshauptstadt Magdeburg ab 2022"},
}

CITY = "Landeshauptstadt Magdeburg"
FIXED_DATE = "2023-01-01T12:00:00"

# Wingdings / Symbol code points that PDF converters leak as private-use characters.
PUA_MAP = {
    "\uf0d8": "\u27a2",  # Wingdings arrow bullet -> U+27A2 (used as a list bullet)
    "\uf0e0": "\u2192",  # right arrow
    "\uf0df": "\u2190",  # left arrow
    "\uf0b7": "\u2022",  # Symbol bullet
    "\uf0a7": "\u25aa",  # Wingdings square bullet
}
BULLET_CHARS = "\u27a2\u2022\u25aa"

TIME_RE = re.compile(r"^(\d{1,2}[.:]\d{2}\s+Uhr)\s+(.*)$")
LIST_RE = re.compile(r"^[-–•]\s+(.*)$")
BULLET_RE = re.compile(r"^([" + BULLET_CHARS + r"])\s+(.*)$")
ENUM_PAREN_RE = re.compile(r"^\d{1,2}\)\s")
PAGE_NO_RE = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
SEITE_RE = re.compile(r"^\s*Seite\s+\d+\s+(?:von|/)\s+\d+\s*$", re.I)
FURN = "\x00"          # marks where page furniture (a page break) was removed
CONJ = {"und", "oder", "bzw.", "bzw", "sowie", "bis", "als", "wie", "u.", "noch"}
TERMINAL = ".!?:"


# --------------------------------------------------------------------------------------
# Reading and page furniture
# --------------------------------------------------------------------------------------
def read_lines(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    for k, v in PUA_MAP.items():
        text = text.replace(k, v)
    return text.split("\n")


def furniture_key(line):
    k = line.replace("*", "").replace("#", "")
    return re.sub(r"\s+", " ", k).strip()


def is_upper_line(key):
    letters = [c for c in key if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def remove_furniture(lines):
    """Drop page numbers, 'Seite N von M' lines and repeated upper-case running headers.

    Returns (lines, letterhead) where letterhead is the list of header lines (as first
    seen) or None."""
    counts = {}
    for ln in lines:
        if "\t" in ln:
            continue
        k = furniture_key(ln)
        if k and is_upper_line(k):
            counts[k] = counts.get(k, 0) + 1
    header_keys = {k for k, c in counts.items() if c >= 2}
    letterhead = None
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        k = furniture_key(ln)
        if "\t" not in ln and k in header_keys:
            group = []
            while i < len(lines) and "\t" not in lines[i] and \
                    furniture_key(lines[i]) in header_keys:
                group.append(furniture_key(lines[i]))
                i += 1
            if letterhead is None:
                letterhead = group
            out.append(FURN)
            continue
        if "\t" not in ln and (PAGE_NO_RE.match(ln) and ln.strip()) :
            out.append(FURN)
            i += 1
            continue
        if "\t" not in ln and SEITE_RE.match(ln):
            out.append(FURN)
            i += 1
            continue
        out.append(ln)
        i += 1
    return out, letterhead


def is_hard_wrapped(lines):
    nonblank = [l for l in lines if l.strip() and "\t" not in l and l != FURN]
    if len(nonblank) < 5:
        return False
    trailing = sum(1 for l in nonblank if l.endswith(" "))
    return trailing / len(nonblank) > 0.4


# --------------------------------------------------------------------------------------
# Block model
# --------------------------------------------------------------------------------------
class Block:
    def __init__(self, kind, **kw):
        self.kind = kind          # h, p, agenda, list, table, title
        self.__dict__.update(kw)


def collapse(s):
    return re.sub(r"[ \u00a0]{2,}", " ", s).strip()


def join_wrapped(prev, cur):
    """Join two hard-wrapped line fragments, undoing line-end hyphenation."""
    if not prev:
        return cur
    if not cur:
        return prev
    m = re.search(r"(\w)-$", prev)
    if m:
        first = cur.split(" ", 1)[0]
        if first in CONJ:
            return prev + " " + cur          # suspended compound: "Integrations- und"
        if cur[0].islower():
            return prev[:-1] + cur           # "Wirtschafts-" + "förderung"
        return prev + cur                    # "IQ-" + "Netzwerk" -> "IQ-Netzwerk"
    return prev + " " + cur


def parse_table(rows_raw):
    rows = []
    for ln in rows_raw:
        cells = [c.strip() for c in ln.rstrip("\n").split("\t")]
        # drop Markdown separator rows ("--\t----\t---") and wholly empty rows
        if all(re.fullmatch(r"[-:|\s]*", c) for c in cells):
            continue
        rows.append(cells)
    if not rows:
        return None
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    return Block("table", rows=rows, ncol=ncol)


def strip_bold_wrapper(s):
    s = s.strip()
    m = re.fullmatch(r"\*\*(.+?)\*\*", s)
    if m and "**" not in m.group(1):
        return m.group(1).strip()
    return s


def bridge_page_breaks(lines):
    """Where page furniture was removed, re-join what the page break had split: a
    paragraph continuing in lower case, a list or a table continuing on the next page."""
    out = []
    i = 0
    n = len(lines)
    while i < n:
        if lines[i] != FURN:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and (lines[j] == FURN or not lines[j].strip()):
            j += 1
        k = len(out) - 1
        while k >= 0 and not out[k].strip():
            k -= 1
        prev = out[k] if k >= 0 else ""
        nxt = lines[j] if j < n else ""
        ps, ns = prev.strip(), nxt.strip()
        if ps and ns:
            if ("\t" in prev and "\t" in nxt) or \
                    ((LIST_RE.match(ps) or BULLET_RE.match(ps)) and
                     (LIST_RE.match(ns) or BULLET_RE.match(ns))):
                del out[k + 1:]                       # table / list continues
                i = j
                continue
            if "\t" not in prev and "\t" not in nxt and ns[0].islower() and \
                    ps[-1] not in TERMINAL and not ps.startswith("#"):
                del out[k:]
                out.append(prev.rstrip() + " " + nxt.lstrip())   # paragraph continues
                i = j + 1
                continue
        out.append("")
        i = j
    return out


def parse_structured(lines):
    """Files whose lines are already paragraphs (000, 003, 004 ...)."""
    lines = bridge_page_breaks(lines)
    blocks = []
    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i]
        line = raw.rstrip()
        s = line.strip()
        if not s:
            i += 1
            continue
        if "\t" in line:
            grp = []
            while i < n and "\t" in lines[i]:
                grp.append(lines[i])
                i += 1
            t = parse_table(grp)
            if t:
                blocks.append(t)
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", s)
        if m:
            blocks.append(Block("h", level=min(len(m.group(1)), 5),
                                lines=[strip_bold_wrapper(m.group(2))]))
            i += 1
            continue
        if s.startswith("**") and "**" not in s[2:]:
            # bold span over several lines -> one multi-line heading
            grp = [s[2:].strip()]
            i += 1
            while i < n and lines[i].strip() and "**" not in lines[i]:
                grp.append(lines[i].strip())
                i += 1
            if i < n and "**" in lines[i]:
                grp.append(lines[i].strip().replace("**", "").strip())
                i += 1
            blocks.append(Block("h", level=1, lines=grp))
            continue
        if re.fullmatch(r"\*\*(.+)\*\*", s) and "**" not in s[2:-2]:
            blocks.append(Block("h", level=2, lines=[s[2:-2].strip()]))
            i += 1
            continue
        if LIST_RE.match(s) or BULLET_RE.match(s):
            items = []
            bullet = None
            while i < n:
                t = lines[i].strip()
                m1 = BULLET_RE.match(t)
                m2 = LIST_RE.match(t)
                if m1 and bullet in (None, m1.group(1)):
                    bullet = m1.group(1)
                    items.append(m1.group(2))
                elif m2 and bullet in (None, "–"):
                    bullet = "–"
                    items.append(m2.group(1))
                else:
                    break
                i += 1
            blocks.append(Block("list", bullet=bullet, items=items))
            continue
        m = TIME_RE.match(s)
        if m:
            blocks.append(Block("agenda", time=collapse(m.group(1)), text=collapse(m.group(2))))
            i += 1
            continue
        blocks.append(Block("p", text=collapse(s)))
        i += 1
    return blocks


def parse_reflow(lines):
    """Hard-wrapped files (001, 002): re-flow lines into paragraphs."""
    lines = ["" if l == FURN else l for l in lines]
    # annotate lines
    L = []
    for raw in lines:
        if "\t" in raw:
            L.append(("tab", raw, 0))
            continue
        if not raw.strip():
            L.append(("blank", "", 0))
            continue
        lead = len(raw) - len(raw.lstrip(" "))
        L.append(("text", collapse(raw), lead))
    lens = sorted(len(t) for k, t, _ in L if k == "text")
    width = lens[int(len(lens) * 0.9)] if lens else 80
    short = 0.72 * width

    def block_start(text, lead):
        return (lead == 1 or TIME_RE.match(text) or LIST_RE.match(text)
                or BULLET_RE.match(text) or ENUM_PAREN_RE.match(text))

    def ends_para(text):
        return len(text) < short and text[-1] in TERMINAL + ")\"“”"

    def heading_like(text):
        last = text.split()[-1]
        return (len(text) < 0.8 * width and text[-1] not in ",;-–" + TERMINAL
                and not last[0].islower()
                and "www." not in text and "://" not in text)

    blocks = []
    cur = None   # dict(kind, text, last)

    def flush():
        nonlocal cur
        if cur is None:
            return
        if cur["kind"] == "agenda":
            m = TIME_RE.match(cur["text"])
            blocks.append(Block("agenda", time=collapse(m.group(1)), text=m.group(2)))
        elif cur["kind"] == "list":
            if blocks and blocks[-1].kind == "list" and blocks[-1].bullet == cur["bullet"] \
                    and cur.get("adjacent"):
                blocks[-1].items.append(cur["text"])
            else:
                blocks.append(Block("list", bullet=cur["bullet"], items=[cur["text"]]))
        elif cur["nlines"] == 1 and heading_like(cur["text"]) and not cur.get("forced_p"):
            blocks.append(Block("h", level=4, lines=[cur["text"]]))
        else:
            blocks.append(Block("p", text=cur["text"]))
        cur = None

    i = 0
    n = len(L)
    blank_run = 0
    last_kind_closed = None
    while i < n:
        kind, text, lead = L[i]
        if kind == "blank":
            blank_run += 1
            i += 1
            continue
        if kind == "tab":
            flush()
            grp = []
            while i < n and L[i][0] == "tab":
                grp.append(L[i][1])
                i += 1
            t = parse_table(grp)
            if t:
                blocks.append(t)
            blank_run = 0
            continue
        starts = block_start(text, lead)
        cont = False
        if cur is not None and not starts:
            if blank_run == 0:
                cont = not cur["closed"]
            elif blank_run == 1:
                cont = text[0].islower() or (
                    cur["kind"] == "list" and cur["last"][-1] not in TERMINAL)
        if cont:
            cur["text"] = join_wrapped(cur["text"], text)
            cur["last"] = text
            cur["nlines"] += 1
            cur["closed"] = ends_para(text)
        else:
            prev_was_list = cur is not None and cur["kind"] == "list"
            flush()
            mt = TIME_RE.match(text)
            ml = LIST_RE.match(text)
            mb = BULLET_RE.match(text)
            if mt:
                cur = {"kind": "agenda", "text": text}
            elif mb:
                cur = {"kind": "list", "bullet": mb.group(1), "text": mb.group(2)}
            elif ml:
                cur = {"kind": "list", "bullet": "–", "text": ml.group(1)}
            else:
                cur = {"kind": "p", "text": text}
            cur["adjacent"] = prev_was_list and blank_run <= 1
            cur["last"] = text
            cur["nlines"] = 1
            cur["closed"] = ends_para(text)
            # a short heading-like line directly followed by text is its own paragraph
            nxt = L[i + 1] if i + 1 < n else None
            if cur["kind"] == "p" and nxt and nxt[0] == "text" and heading_like(text) \
                    and not nxt[1][0].islower():
                cur["closed"] = True
        blank_run = 0
        i += 1
    flush()
    return blocks


# --------------------------------------------------------------------------------------
# Inline markup
# --------------------------------------------------------------------------------------
ESC_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG_RE = re.compile(r"</?(?:b|strong|i|em|u|span|font|p)\b[^>]*>|<br\s*/?>", re.I)


def inline_segments(s):
    """Return [(text, bold)] for one paragraph's source text."""
    esc = {}

    def keep(m):
        key = "\ue000%d\ue001" % len(esc)
        esc[key] = m.group(1)
        return key
    s = ESC_RE.sub(keep, s)
    s = LINK_RE.sub(lambda m: m.group(1), s)
    # bold toggles
    toks = re.split(r"(\*\*|</?(?:b|strong)>|<br\s*/?>|</?(?:i|em|u|span|font|p)\b[^>]*>)", s,
                    flags=re.I)
    # count ** to know whether they pair up; an unpaired one is just dropped
    segs = []
    bold = False
    for t in toks:
        if t is None or t == "":
            continue
        tl = t.lower()
        if t == "**":
            bold = not bold
        elif tl in ("<b>", "<strong>"):
            bold = True
        elif tl in ("</b>", "</strong>"):
            bold = False
        elif TAG_RE.fullmatch(t):
            if tl.startswith("<br"):
                segs.append(("\n", bold))
        else:
            segs.append((t, bold))
    out = []
    for t, b in segs:
        for k, v in esc.items():
            t = t.replace(k, v)
        out.append((t, b))
    return out


def plain(s):
    return "".join(t for t, _ in inline_segments(s))


def xml_text(t):
    t = escape(t)
    t = t.replace("\t", "<text:tab/>").replace("\n", "<text:line-break/>")
    t = re.sub(r" {2,}", lambda m: " <text:s text:c=\"%d\"/>" % (len(m.group(0)) - 1), t)
    return t


URL_RE = re.compile(r"(?:https?://|www\.)\S+")


def xml_text_nohyph_urls(t):
    """xml_text, but web addresses are never hyphenated (as in a word processor)."""
    out, pos = [], 0
    for m in URL_RE.finditer(t):
        out.append(xml_text(t[pos:m.start()]))
        out.append('<text:span text:style-name="NoHyph">%s</text:span>' % xml_text(m.group(0)))
        pos = m.end()
    out.append(xml_text(t[pos:]))
    return "".join(out)


def inline_xml(s, bold_all=False):
    parts = []
    for t, b in inline_segments(s):
        x = xml_text_nohyph_urls(t)
        if b and not bold_all:
            parts.append('<text:span text:style-name="Bold">%s</text:span>' % x)
        else:
            parts.append(x)
    return "".join(parts)


# --------------------------------------------------------------------------------------
# Header derivation for files not in KNOWN
# --------------------------------------------------------------------------------------
KINDS = [
    (r"\bAnlage\s+\d+\s+zur?\s+(?:DS|Drucksache)\s?\d{3,4}/\d{2}", None, "anlage"),
    (r"\bStellungnahme\b", r"\bS\s?\d{4}/\d{2}\b", "Stellungnahme"),
    (r"\bAnfrage\b", r"\bF\s?\d{4}/\d{2}\b", "Anfrage"),
    (r"\bÄnderungsantrag\b", r"\bDS\s?\d{4}/\d{2}/\d+\b", "Änderungsantrag"),
    (r"\bAntrag\b", r"\bA\s?\d{4}/\d{2}\b", "Antrag"),
    (r"\bInformation\b", r"\bI\s?\d{4}/\d{2}\b", "Information"),
    (r"\bBeschlussvorlage\b", r"\bDS\s?\d{4}/\d{2}\b", "Drucksache"),
    (r"\bDrucksache\b", r"\bDS\s?\d{4}/\d{2}\b", "Drucksache"),
    (r"\bNiederschrift\b", r"\b[A-Z]{1,4}/\d{3}\([IVX]+\)/\d{2}\b", "Niederschrift"),
    (r"\bErgebnisprotokoll\b", None, "Ergebnisprotokoll"),
    (r"\bProtokoll\b", r"\b[A-Z]{1,4}/\d{3}\([IVX]+\)/\d{2}\b", "Protokoll"),
    (r"\bBeschluss(?:ausfertigung)?\b", r"\b\d{3,4}-\d{3}\([IVX]+\)\d{2}", "Beschluss"),
]


def derive_header(lines):
    """'Kind Number' for the running header: the kind word that occurs first near the
    top of the document, with the first number of that kind's format."""
    texts = [plain(collapse(l.replace("\t", " "))) for l in lines if l.strip() and l != FURN]
    head = " \n".join(texts[:15])
    wide = " \n".join(texts[:40])
    best = None
    for order, (kw, num, label) in enumerate(KINDS):
        m = re.search(kw, head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), order, m, num, label)
    if best is None:
        return ""
    _, _, m, num, label = best
    if num is None:
        if label == "anlage":
            return re.sub(r"\s+", " ", m.group(0)).replace("Drucksache ", "DS")
        return label
    mn = re.search(num, wide)
    if mn:
        return "%s %s" % (label, mn.group(0).replace(" ", ""))
    return label


# --------------------------------------------------------------------------------------
# FODT writer
# --------------------------------------------------------------------------------------
USABLE_CM = 17.0
CHAR_CM_10PT = 0.195     # average glyph advance of Liberation Sans 10 pt (incl. digits)


def column_widths(rows, ncol):
    """Column widths in cm: short columns get what their longest cell needs, the rest
    share the remaining width in proportion to their average content length."""
    need, mean, longest_cell = [], [], []
    pad = 0.45
    for c in range(ncol):
        cells = [r[c] for r in rows if r[c]]
        plain_cells = [plain(x) for x in cells] or [""]
        words = [w for x in plain_cells for w in x.split()] or [""]
        need.append(max(len(w) for w in words) * CHAR_CM_10PT + pad)
        mean.append(statistics.mean(len(x) for x in plain_cells) if cells else 1)
        longest_cell.append(max(len(x) for x in plain_cells) * CHAR_CM_10PT + pad)
    widths = [None] * ncol
    for c in range(ncol):
        if longest_cell[c] <= 0.16 * USABLE_CM:
            widths[c] = max(longest_cell[c], 2.0)
    rest = [c for c in range(ncol) if widths[c] is None]
    if not rest:          # all columns short: spread proportionally to their need
        tot = sum(widths)
        return [w * USABLE_CM / tot for w in widths]
    remaining = USABLE_CM - sum(w for w in widths if w)
    if remaining < 2.0 * len(rest):
        # too many short columns: scale everything proportionally to need
        widths = [max(need[c], mean[c] * CHAR_CM_10PT) for c in range(ncol)]
        tot = sum(widths)
        return [w * USABLE_CM / tot for w in widths]
    weights = [max(mean[c], 4) for c in rest]
    tot = sum(weights)
    for c, w in zip(rest, weights):
        widths[c] = remaining * w / tot
    # enforce minimum for the longest word, taking from the widest column
    for c in rest:
        if widths[c] < need[c]:
            widest = max(rest, key=lambda k: widths[k])
            d = need[c] - widths[c]
            if widest != c and widths[widest] - d > need[widest]:
                widths[c] += d
                widths[widest] -= d
    return widths


def is_header_row(row, nrows):
    if nrows < 2:
        return False
    texts = [plain(c) for c in row]
    if any("<b>" in c.lower() for c in row):
        return True
    if texts[0].strip() in ("Nr.", "Nr", "Lfd. Nr.", "TOP"):
        return True
    return (all(len(t) <= 40 for t in texts) and not any(re.search(r"\d", t) for t in texts)
            and sum(1 for t in texts if t) == len(texts)
            and any(re.search(r"\b(Name|Teilnahme|Fraktion|Verantwortlich|Maßnahme|Struktur)", t)
                    for t in texts))


def render(blocks, header, title, opts):
    loose = opts.get("loose", 0)
    # "loose" documents keep the 11 pt font (LibreOffice 7.4 leaves a visible gap before
    # the hyphen of hyphenated justified lines at 12 pt) and get more leading instead
    body_pt = 11
    table_pt = 10
    lh = 115 + 25 * loose
    pspace = 0.21 + 0.25 * loose
    out = []
    w = out.append
    t_n = 0
    auto_styles = []

    body = []
    b = body.append
    for blk in blocks:
        if blk.kind == "h":
            style = "Heading_20_%d" % blk.level
            x = "<text:line-break/>".join(inline_xml(l, bold_all=True) for l in blk.lines)
            b('<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>'
              % (style, blk.level, x))
        elif blk.kind == "p":
            b('<text:p text:style-name="%s">%s</text:p>'
              % (getattr(blk, "style", "Text_20_body"), inline_xml(blk.text)))
        elif blk.kind == "agenda":
            b('<text:p text:style-name="Agenda">%s<text:tab/>%s</text:p>'
              % (xml_text(blk.time), inline_xml(blk.text)))
        elif blk.kind == "list":
            lst = "L_arrow" if blk.bullet == "\u27a2" else (
                "L_bullet" if blk.bullet in "\u2022\u25aa" else "L_dash")
            b('<text:list text:style-name="%s">' % lst)
            for it in blk.items:
                b('<text:list-item><text:p text:style-name="List_20_Paragraph">%s</text:p>'
                  '</text:list-item>' % inline_xml(collapse(it)))
            b("</text:list>")
        elif blk.kind == "table":
            t_n += 1
            name = "Tabelle%d" % t_n
            widths = column_widths(blk.rows, blk.ncol)
            auto_styles.append(
                '<style:style style:name="%s" style:family="table">'
                '<style:table-properties style:width="%.2fcm" table:align="left" '
                'fo:margin-top="0.1cm" fo:margin-bottom="0.3cm" '
                'table:border-model="collapsing"/></style:style>' % (name, USABLE_CM))
            for c, wd in enumerate(widths):
                auto_styles.append(
                    '<style:style style:name="%s.C%d" style:family="table-column">'
                    '<style:table-column-properties style:column-width="%.3fcm"/>'
                    '</style:style>' % (name, c, wd))
            b('<table:table table:name="%s" table:style-name="%s">' % (name, name))
            for c in range(blk.ncol):
                b('<table:table-column table:style-name="%s.C%d"/>' % (name, c))
            rows = blk.rows
            start = 0
            if is_header_row(rows[0], len(rows)):
                b("<table:table-header-rows>")
                b(render_row(rows[0], True))
                b("</table:table-header-rows>")
                start = 1
            for r in rows[start:]:
                b(render_row(r, False, opts.get("keep_rows", False)))
            b("</table:table>")

    # header / footer
    if header.get("letterhead"):
        hdr = ('<text:p text:style-name="Letterhead">%s</text:p>'
               % "<text:line-break/>".join(xml_text(l) for l in header["letterhead"]))
    else:
        right = header.get("right", "")
        hdr = ('<text:p text:style-name="Header">%s%s</text:p>'
               % (xml_text(CITY), ("<text:tab/>" + xml_text(right)) if right else ""))
    ftr = ('<text:p text:style-name="Footer">Seite <text:page-number text:select-page='
           '"current">1</text:page-number> von <text:page-count>1</text:page-count></text:p>')

    w('<?xml version="1.0" encoding="UTF-8"?>')
    w('<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">')
    w('<office:meta><dc:title>%s</dc:title><dc:creator>Landeshauptstadt Magdeburg</dc:creator>'
      '<meta:initial-creator>Landeshauptstadt Magdeburg</meta:initial-creator>'
      '<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>'
      '<dc:language>de-DE</dc:language></office:meta>'
      % (escape(title), FIXED_DATE, FIXED_DATE))
    w('<office:font-face-decls>'
      '<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" '
      'style:font-family-generic="swiss" style:font-pitch="variable"/>'
      '<style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;" '
      'style:font-family-generic="swiss" style:font-pitch="variable"/>'
      '</office:font-face-decls>')
    hyph = ('fo:hyphenate="true" fo:hyphenation-remain-char-count="2" '
            'fo:hyphenation-push-char-count="2" loext:hyphenation-no-caps="false"')
    w('<office:styles>')
    w('<style:default-style style:family="paragraph">'
      '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" '
      'style:tab-stop-distance="1.25cm" style:writing-mode="lr-tb"/>'
      '<style:text-properties style:font-name="Liberation Sans" fo:font-size="%dpt" '
      'fo:language="de" fo:country="DE" style:font-name-asian="DejaVu Sans" '
      'style:font-name-complex="DejaVu Sans" %s/></style:default-style>' % (body_pt, hyph))
    w('<style:default-style style:family="table-cell"><style:table-cell-properties '
      'style:decimal-places="2"/></style:default-style>')
    w('<style:style style:name="Standard" style:family="paragraph" style:class="text">'
      '<style:text-properties style:font-name="Liberation Sans" fo:font-size="%dpt" '
      'fo:language="de" fo:country="DE" %s/></style:style>' % (body_pt, hyph))
    w('<style:style style:name="Text_20_body" style:display-name="Text body" '
      'style:family="paragraph" style:parent-style-name="Standard" style:class="text">'
      '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="%.2fcm" '
      'fo:line-height="%d%%" fo:text-align="justify" style:justify-single-word="false" '
      'fo:hyphenation-ladder-count="no-limit"/>'
      '<style:text-properties %s/></style:style>' % (pspace, lh, hyph))
    w('<style:style style:name="Text_20_left" style:display-name="Text left" '
      'style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">'
      '<style:paragraph-properties fo:text-align="start"/>'
      '<style:text-properties fo:hyphenate="false"/></style:style>')
    w('<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" '
      'style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">'
      '<style:paragraph-properties fo:margin-bottom="%.2fcm"/></style:style>' % (pspace / 2))
    w('<style:style style:name="Agenda" style:family="paragraph" '
      'style:parent-style-name="Text_20_body">'
      '<style:paragraph-properties fo:margin-left="2.4cm" fo:text-indent="-2.4cm" '
      'fo:text-align="start"><style:tab-stops><style:tab-stop style:position="0cm"/>'
      '</style:tab-stops></style:paragraph-properties></style:style>')
    sizes = {1: 14, 2: 13, 3: 12, 4: 11, 5: 11}
    for lvl in range(1, 6):
        w('<style:style style:name="Heading_20_%d" style:display-name="Heading %d" '
          'style:family="paragraph" style:parent-style-name="Standard" '
          'style:next-style-name="Text_20_body" style:default-outline-level="%d" '
          'style:class="text"><style:paragraph-properties fo:margin-top="%.2fcm" '
          'fo:margin-bottom="%.2fcm" fo:text-align="start" fo:keep-with-next="always"/>'
          '<style:text-properties fo:font-size="%dpt" fo:font-weight="bold" '
          'fo:hyphenate="false"%s/></style:style>'
          % (lvl, lvl, lvl, 0.35 + 0.2 * loose, 0.2 + 0.1 * loose, sizes[lvl],
             ' fo:font-style="italic"' if lvl == 5 else ""))
    w('<style:style style:name="Table_20_Contents" style:display-name="Table Contents" '
      'style:family="paragraph" style:parent-style-name="Standard" style:class="extra">'
      '<style:paragraph-properties fo:text-align="start" fo:margin-top="0cm" '
      'fo:margin-bottom="0cm" fo:line-height="110%%"/>'
      '<style:text-properties fo:font-size="%dpt" %s/></style:style>' % (table_pt, hyph))
    w('<style:style style:name="Table_20_Heading" style:display-name="Table Heading" '
      'style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">'
      '<style:text-properties fo:font-weight="bold"/></style:style>')
    w('<style:style style:name="Header" style:family="paragraph" '
      'style:parent-style-name="Standard" style:class="extra">'
      '<style:paragraph-properties fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #000000">'
      '<style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/>'
      '</style:tab-stops></style:paragraph-properties>'
      '<style:text-properties fo:font-size="9pt" fo:hyphenate="false"/></style:style>')
    w('<style:style style:name="Letterhead" style:family="paragraph" '
      'style:parent-style-name="Standard" style:class="extra">'
      '<style:paragraph-properties fo:text-align="center" fo:padding-bottom="0.1cm" '
      'fo:border-bottom="0.5pt solid #000000"/>'
      '<style:text-properties fo:font-size="11pt" fo:font-weight="bold" '
      'fo:hyphenate="false"/></style:style>')
    w('<style:style style:name="Footer" style:family="paragraph" '
      'style:parent-style-name="Standard" style:class="extra">'
      '<style:paragraph-properties fo:text-align="center"/>'
      '<style:text-properties fo:font-size="9pt" fo:hyphenate="false"/></style:style>')
    w('<style:style style:name="Bold" style:family="text">'
      '<style:text-properties fo:font-weight="bold"/></style:style>')
    w('<style:style style:name="NoHyph" style:family="text">'
      '<style:text-properties fo:hyphenate="false" fo:language="zxx" fo:country="none"/></style:style>')
    for name, char, font in (("L_dash", "–", "Liberation Sans"),
                             ("L_bullet", "•", "Liberation Sans"),
                             ("L_arrow", "\u27a2", "DejaVu Sans")):
        w('<text:list-style style:name="%s"><text:list-level-style-bullet text:level="1" '
          'text:bullet-char="%s"><style:list-level-properties '
          'text:list-level-position-and-space-mode="label-alignment">'
          '<style:list-level-label-alignment text:label-followed-by="listtab" '
          'text:list-tab-stop-position="0.63cm" fo:text-indent="-0.63cm" '
          'fo:margin-left="0.63cm"/></style:list-level-properties>'
          '<style:text-properties style:font-name="%s"/>'
          '</text:list-level-style-bullet></text:list-style>' % (name, char, font))
    w('</office:styles>')
    w('<office:automatic-styles>')
    w('<style:style style:name="Cell" style:family="table-cell">'
      '<style:table-cell-properties fo:padding="0.15cm" fo:border="0.5pt solid #000000" '
      'style:vertical-align="top"/></style:style>')
    w('<style:style style:name="HeadCell" style:family="table-cell">'
      '<style:table-cell-properties fo:padding="0.15cm" fo:border="0.5pt solid #000000" '
      'fo:background-color="#d9d9d9" style:vertical-align="top"/></style:style>')
    w('<style:style style:name="KeepRow" style:family="table-row">'
      '<style:table-row-properties fo:keep-together="always"/></style:style>')
    out.extend(auto_styles)
    w('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
      'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" '
      'fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
      '<style:header-style><style:header-footer-properties fo:min-height="0cm" '
      'fo:margin-bottom="0.6cm"/></style:header-style>'
      '<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
      'fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>')
    w('</office:automatic-styles>')
    w('<office:master-styles><style:master-page style:name="Standard" '
      'style:page-layout-name="pm1"><style:header>%s</style:header>'
      '<style:footer>%s</style:footer></style:master-page></office:master-styles>'
      % (hdr, ftr))
    w('<office:body><office:text>')
    out.extend(body)
    w('</office:text></office:body></office:document>')
    return "\n".join(out) + "\n"


def render_row(cells, head, keep=False):
    cs = "HeadCell" if head else "Cell"
    ps = "Table_20_Heading" if head else "Table_20_Contents"
    x = ['<table:table-row table:style-name="KeepRow">' if keep else "<table:table-row>"]
    for c in cells:
        x.append('<table:table-cell table:style-name="%s" office:value-type="string">'
                 '<text:p text:style-name="%s">%s</text:p></table:table-cell>'
                 % (cs, ps, inline_xml(collapse(c))))
    x.append("</table:table-row>")
    return "".join(x)


# --------------------------------------------------------------------------------------
def build(path):
    lines = read_lines(path)
    lines, letterhead = remove_furniture(lines)
    reflow = is_hard_wrapped(lines)
    blocks = parse_reflow(lines) if reflow else parse_structured(lines)
    stem = os.path.splitext(os.path.basename(path))[0]
    known = next((v for k, v in KNOWN.items() if stem.startswith(k)), None)
    header = {}
    if letterhead:
        header["letterhead"] = letterhead
    if known and "right" in known:
        header["right"] = known["right"]
    elif not letterhead:
        header["right"] = derive_header(lines)
    title = (known or {}).get("title") or header.get("right") or \
        (" ".join(letterhead) if letterhead else stem)
    return blocks, header, title, reflow


def blocks_plain(blocks):
    out = []
    for blk in blocks:
        if blk.kind == "h":
            out.append("\n".join(plain(l) for l in blk.lines))
        elif blk.kind == "p":
            out.append(plain(blk.text))
        elif blk.kind == "agenda":
            out.append(blk.time + " " + plain(blk.text))
        elif blk.kind == "list":
            out.extend(blk.bullet + " " + plain(collapse(i)) for i in blk.items)
        elif blk.kind == "table":
            out.extend("\t".join(plain(collapse(c)) for c in r) for r in blk.rows)
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output", nargs="?")
    ap.add_argument("--loose", type=int, default=0,
                    help="0 = normal; 1, 2 = larger font/spacing (short documents)")
    ap.add_argument("--plain", action="store_true",
                    help="print the expected plain text instead of writing FODT")
    ap.add_argument("--describe", action="store_true",
                    help="print the recognised block structure")
    a = ap.parse_args()
    blocks, header, title, reflow = build(a.input)
    if a.plain:
        sys.stdout.write(blocks_plain(blocks))
        return
    if a.describe:
        print("reflow=%s header=%r title=%r" % (reflow, header, title))
        for blk in blocks:
            d = {k: v for k, v in blk.__dict__.items() if k != "kind"}
            print(blk.kind, repr(d)[:200])
        return
    if not a.output:
        ap.error("OUTPUT.fodt missing")
    data = render(blocks, header, title, {"loose": a.loose})
    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(data)
    os.replace(tmp, a.output)


if __name__ == "__main__":
    main()
