#!/usr/bin/env bash
# Regenerates the golden normalised texts from the samples. Run it after a
# change to ingest or normalisation, then read the diff (git diff tests/golden)
# before committing: every changed line must be an improvement.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${RATSDOC:-build/ratsdoc}
mkdir -p tests/golden/text tests/golden/pdf
for f in samples/text/*.txt; do "$bin" text "$f" > "tests/golden/text/$(basename "$f")"; done
for f in samples/pdf/*.pdf; do "$bin" text "$f" > "tests/golden/pdf/$(basename "${f%.pdf}").txt"; done
echo "golden texts written to tests/golden/{text,pdf}"
