#!/usr/bin/env bash
# Regenerates the golden normalised texts and graphs from the samples. Run it after a
# change to ingest, normalisation, grammars or references, then read the diff (git diff tests/golden)
# before committing: every changed line must be an improvement.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${RATSDOC:-build/ratsdoc}
mkdir -p tests/golden/text tests/golden/pdf
for f in samples/text/*.txt; do "$bin" text "$f" > "tests/golden/text/$(basename "$f")"; done
for f in samples/pdf/*.pdf; do "$bin" text "$f" > "tests/golden/pdf/$(basename "${f%.pdf}").txt"; done
mkdir -p tests/golden/graph
"$bin" process samples/text -o tests/golden/graph/text.xml
"$bin" process samples/pdf -o tests/golden/graph/pdf.xml
echo "golden texts written to tests/golden/{text,pdf}, graphs to tests/golden/graph"
