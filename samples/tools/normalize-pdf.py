#!/usr/bin/env python3
"""normalize-pdf.py IN.pdf OUT.pdf [YYYYMMDDHHMMSS]

Make a LibreOffice PDF reproducible without re-writing it: the creation/modification
timestamps are replaced by a fixed date, the trailer /DocChecksum and /ID by MD5s of the
file's content.  Every replacement has exactly the length of what it replaces, so the
cross-reference offsets stay valid and the file keeps LibreOffice's own byte layout.
Python 3 standard library only."""

import hashlib
import re
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    stamp = (sys.argv[3] if len(sys.argv) == 4 else "20230101120000").encode()
    if not re.fullmatch(rb"\d{14}", stamp):
        sys.exit("date must be YYYYMMDDHHMMSS")
    data = open(src, "rb").read()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + stamp,
                  data)
    # XMP packets (only written for PDF/A) carry dates as text
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d",
                  lambda m: m.group(1) + b"%s-%s-%sT%s:%s:%s" % (
                      stamp[:4], stamp[4:6], stamp[6:8], stamp[8:10], stamp[10:12],
                      stamp[12:14]), data)
    # LibreOffice also writes a /DocChecksum (an MD5 that depends on the export time);
    # both it and the /ID are zeroed, then set from an MD5 of the zeroed file
    ck_re = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
    id_re = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")
    data = ck_re.sub(lambda m: m.group(1) + b"0" * 32, data)
    data = id_re.sub(lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) +
                     b"0" * len(m.group(4)) + m.group(5), data)
    digest = hashlib.md5(data).hexdigest().upper().encode()

    def fill(n):
        return (digest * (n // len(digest) + 1))[:n]
    data = ck_re.sub(lambda m: m.group(1) + digest, data)
    data = id_re.sub(lambda m: m.group(1) + fill(len(m.group(2))) + m.group(3) +
                     fill(len(m.group(4))) + m.group(5), data)
    with open(dst, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
