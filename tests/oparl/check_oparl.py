#!/usr/bin/env python3
"""Checks a static OParl 1.1 dump written by `ratsdoc export oparl`.

Usage: check_oparl.py DIR [--base-url URL] [--schema-dir DIR] [--max-problems N]

Every JSON file under DIR is either an OParl object or a list page. The
checker validates every object, embedded ones included, against the official
schema of its type (../shared/oparl-spec-1.1/schema, draft-04-like: read with
a Draft 4 validator, with format checkers for `date`, `date-time` and the
non-standard `url`; the OParl-only keywords `schema`, `references`, … are
ignored by the validator, so embedded objects are validated on their own),
and then the rules OParl consumers trip over most:

  * every object has `type`, `id`, `created` and `modified`;
  * date-times carry a zone and no fractions, dates are YYYY-MM-DD;
  * no empty strings, no nulls, no empty arrays (except required lists);
  * keys the schema does not define are vendor-prefixed (`vendor:key`, no `@`);
  * every URL a schema property `references` names an object of the dump, and
    every object is on the pages of its Body list (System.body for a Body);
  * every list page has `data`, `pagination` and `links`, and `next` is given
    on every page but the last;
  * the Body has all the list URLs OParl 1.1 requires;
  * superordinatedPaper and subordinatedPaper mirror each other;
  * an object under --base-url lies in DIR/<path of its URL>.json.

Exit status: 0 the dump passes; 1 it does not (the problems are printed);
2 wrong usage or nothing to check.
"""
import argparse
import json
import os
import re
import sys
import urllib.parse

import jsonschema

SCHEMA_URL = "https://schema.oparl.org/1.1/"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
# The Body's lists (property → the type of its objects); all required since 1.1.
BODY_LISTS = {
    "organization": "Organization", "person": "Person", "meeting": "Meeting", "paper": "Paper",
    "agendaItem": "AgendaItem", "consultation": "Consultation", "file": "File", "locationList": "Location",
    "legislativeTermList": "LegislativeTerm", "membership": "Membership",
}
COMMON = ("type", "id", "created", "modified")


def format_checker():
    checker = jsonschema.FormatChecker()

    @checker.checks("url")
    def is_url(value):
        if not isinstance(value, str):
            return True
        parts = urllib.parse.urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value

    @checker.checks("date")
    def is_date(value):
        return not isinstance(value, str) or bool(DATE.match(value))

    @checker.checks("date-time")
    def is_date_time(value):
        return not isinstance(value, str) or bool(DATE_TIME.match(value))

    return checker


class Dump:
    def __init__(self, directory, base_url, schema_dir):
        self.directory = directory
        self.base = base_url if base_url.endswith("/") else base_url + "/"
        self.schemas = {}
        for name in os.listdir(schema_dir):
            if name.endswith(".json"):
                with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                    self.schemas[name[:-5]] = json.load(f)
        self.checker = format_checker()
        self.problems = []
        self.files = {}    # relative path → parsed JSON
        self.objects = {}  # id → object (top-level and embedded)
        self.where = {}    # id → file it was found in

    def problem(self, where, what):
        self.problems.append(f"{where}: {what}")

    def file_of(self, url):
        """The file of `url` relative to the directory (docs/oparl.md)."""
        def safe(path):
            return "/".join("_" + s if s in ("", ".", "..") else s for s in path.split("/"))
        if url.startswith(self.base):
            return safe(urllib.parse.unquote(url[len(self.base):])) + ".json"
        rest = url.split("://", 1)[-1].replace("?", "_").replace("#", "_")
        return "_external/" + safe(rest) + ".json"

    def load(self):
        for root, _, names in os.walk(self.directory):
            for name in sorted(names):
                if not name.endswith(".json"):
                    continue
                path = os.path.join(root, name)
                relative = os.path.relpath(path, self.directory)
                try:
                    with open(path, "rb") as f:
                        raw = f.read()
                    if raw.startswith(b"\xef\xbb\xbf"):
                        self.problem(relative, "starts with a byte order mark")
                    self.files[relative] = json.loads(raw.decode("utf-8"))
                except (ValueError, UnicodeDecodeError) as error:
                    self.problem(relative, f"is not UTF-8 JSON: {error}")

    @staticmethod
    def type_name(obj):
        kind = obj.get("type") if isinstance(obj, dict) else None
        if isinstance(kind, str) and kind.startswith(SCHEMA_URL):
            return kind[len(SCHEMA_URL):]
        return None

    def walk_objects(self, value, where, top_level):
        """Registers every OParl object in `value`, embedded ones too."""
        if isinstance(value, list):
            for item in value:
                self.walk_objects(item, where, False)
            return
        if not isinstance(value, dict):
            return
        if "type" in value or "id" in value:
            identifier = value.get("id")
            if isinstance(identifier, str):
                self.objects.setdefault(identifier, value)
                if top_level:
                    self.where[identifier] = where
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                self.walk_objects(item, where, False)

    def check_values(self, value, where, path, required=False):
        """No nulls, empty strings or empty arrays anywhere."""
        if value is None:
            self.problem(where, f"{path} is null (leave an absent value out)")
        elif isinstance(value, str) and value == "":
            self.problem(where, f"{path} is an empty string (leave an absent value out)")
        elif isinstance(value, list):
            if not value and not required:
                self.problem(where, f"{path} is an empty array (leave an absent value out)")
            for index, item in enumerate(value):
                self.check_values(item, where, f"{path}[{index}]")
        elif isinstance(value, dict):
            schema = self.schemas.get(self.type_name(value) or "", {})
            for key, item in value.items():
                self.check_values(item, where, f"{path}.{key}", key in schema.get("required", []))

    def check_object(self, obj, where):
        name = self.type_name(obj)
        label = f"{where}: {obj.get('id', '?')}"
        for key in COMMON:
            if key not in obj:
                self.problem(label, f"has no {key}")
        if name not in self.schemas:
            self.problem(label, f"has an unknown type {obj.get('type')!r}")
            return
        schema = self.schemas[name]
        validator = jsonschema.Draft4Validator(schema, format_checker=self.checker)
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.path)):
            location = "/".join(str(p) for p in error.path) or "(object)"
            self.problem(label, f"{name} schema: {location}: {error.message}")
        for key, value in obj.items():
            prop = schema["properties"].get(key)
            if prop is None:
                if ":" not in key or key.startswith(":") or "@" in key.split(":", 1)[0]:
                    self.problem(label, f"{key!r} is neither an OParl {name} property nor vendor-prefixed")
                continue
            target = prop.get("references")
            if target and target != "externalList":
                for url in value if isinstance(value, list) else [value]:
                    if isinstance(url, str) and url not in self.objects:
                        self.problem(label, f"{key} links {url}, which is not in the dump")
                    elif isinstance(url, str) and self.type_name(self.objects[url]) != target:
                        self.problem(label, f"{key} links {url}, which is not a {target}")
            embedded = prop.get("schema") or prop.get("items", {}).get("schema")
            if embedded and prop.get("references") != "externalList":
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict):
                        self.check_object(item, where)
        if name == "Body":
            for key in list(BODY_LISTS) + ["legislativeTerm"]:
                if key not in obj:
                    self.problem(label, f"Body has no {key} (required since OParl 1.1)")

    def list_members(self, url, where):
        """IDs on every page of the list at `url`; problems for broken pages."""
        members, seen_pages = [], set()
        while url:
            if url in seen_pages:
                self.problem(where, f"the list pages loop at {url}")
                break
            seen_pages.add(url)
            page = self.files.get(self.file_of(url))
            if page is None:
                self.problem(where, f"the list page {url} is not in the dump ({self.file_of(url)})")
                break
            for key in ("data", "pagination", "links"):
                if key not in page:
                    self.problem(self.file_of(url), f"the list page has no {key}")
            data = page.get("data", [])
            members.extend(item.get("id") for item in data if isinstance(item, dict))
            links = page.get("links", {})
            pagination = page.get("pagination", {})
            last = pagination.get("currentPage") == pagination.get("totalPages")
            if not last and "next" not in links:
                self.problem(self.file_of(url), "a list page before the last has no links.next")
            url = links.get("next")
        return members

    def check(self):
        self.load()
        if not self.files:
            self.problem(self.directory, "holds no JSON files")
            return
        objects, pages = {}, {}
        for relative, content in self.files.items():
            if isinstance(content, dict) and "type" not in content and "data" in content:
                pages[relative] = content
            elif isinstance(content, dict):
                objects[relative] = content
                self.walk_objects(content, relative, True)
            else:
                self.problem(relative, "is neither an object nor a list page")
        for relative, page in pages.items():
            self.walk_objects(page.get("data", []), relative, False)
        for relative, content in objects.items():
            self.check_values(content, relative, "$")
            self.check_object(content, relative)
            identifier = content.get("id")
            if isinstance(identifier, str) and self.file_of(identifier) != relative:
                self.problem(relative, f"holds {identifier}, whose file is {self.file_of(identifier)}")
        for relative, page in pages.items():  # `data` is required, so it may be empty
            for key, value in page.items():
                self.check_values(value, relative, f"$.{key}", key == "data")
        # Every object of the dump, embedded or not, has its own file and is on its list.
        for identifier, obj in self.objects.items():
            if identifier.startswith(self.base) and self.file_of(identifier) not in self.files:
                self.problem(identifier, f"has no file of its own ({self.file_of(identifier)})")
        systems = [o for o in objects.values() if self.type_name(o) == "System"]
        bodies = [o for o in self.objects.values() if self.type_name(o) == "Body"]
        if len(systems) != 1:
            self.problem(self.directory, f"holds {len(systems)} System objects, not one")
        listed = {}  # type → ids on its lists
        for system in systems:
            listed.setdefault("Body", set()).update(self.list_members(system.get("body"), "System.body"))
        for body in bodies:
            for key, kind in BODY_LISTS.items():
                if isinstance(body.get(key), str):
                    listed.setdefault(kind, set()).update(self.list_members(body[key], f"Body.{key}"))
        for identifier, obj in self.objects.items():
            kind = self.type_name(obj)
            if kind == "System":
                continue
            if kind and identifier not in listed.get(kind, set()):
                self.problem(identifier, f"is a {kind} on no list of the Body")
        # Super- and subordinated papers mirror each other.
        for identifier, obj in self.objects.items():
            if self.type_name(obj) != "Paper":
                continue
            for key, mirror in (("subordinatedPaper", "superordinatedPaper"),
                                ("superordinatedPaper", "subordinatedPaper")):
                for other in obj.get(key, []):
                    if identifier not in self.objects.get(other, {}).get(mirror, []):
                        self.problem(identifier, f"lists {other} in {key}, which does not list it in {mirror}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--base-url", default="https://ratsdoc.invalid/oparl/")
    parser.add_argument("--schema-dir",
                        default=os.path.join(here, "..", "..", "..", "shared", "oparl-spec-1.1", "schema"))
    parser.add_argument("--max-problems", type=int, default=40)
    args = parser.parse_args()
    if not os.path.isdir(args.schema_dir):
        print(f"skipped: no OParl schemas at {args.schema_dir}", file=sys.stderr)
        return 2
    if not os.path.isdir(args.directory):
        print(f"check_oparl: {args.directory} is not a directory", file=sys.stderr)
        return 2
    dump = Dump(args.directory, args.base_url, args.schema_dir)
    dump.check()
    for line in dump.problems[: args.max_problems]:
        print(line)
    if len(dump.problems) > args.max_problems:
        print(f"… and {len(dump.problems) - args.max_problems} more problems")
    count = len(dump.objects)
    if dump.problems:
        print(f"check_oparl: {args.directory}: {len(dump.problems)} problems in {count} objects")
        return 1
    print(f"check_oparl: {args.directory}: {count} objects, {len(dump.files)} files: valid OParl 1.1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
