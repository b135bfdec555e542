#!/usr/bin/env bash
# bench/run.sh [--documents N] [--graph-documents M] [--seed S] [--build-jobs J] [--runs R]
#
# Builds a Release ratsdoc in build-bench/, generates a synthetic archive of N
# papers (text and PDF, bench/generate_archive) and times on the same files:
# the Poppler floor, pdftotext per file, pdfgrep -r, ratsdoc process on the
# PDFs (-j1, -j$(nproc), --cache cold and warm) and on the texts, and
# ratsdoc cites on a graph of M text papers. Prints a markdown table (also
# written to build-bench/results.md). See bench/README.md for how to read it.
set -euo pipefail

documents=1000
graph_documents=100000
seed=1
build_jobs=$(nproc)
runs=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --documents) documents=$2; shift 2 ;;
    --graph-documents) graph_documents=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build-jobs) build_jobs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench
cores=$(nproc)
for tool in cmake pdftotext pdfgrep /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install -y cmake poppler-utils pdfgrep time)" >&2; exit 3; }
done

# --- build -------------------------------------------------------------------
echo "run.sh: building Release in $build (-j$build_jobs)" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRATSDOC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$build_jobs" --target ratsdoc_cli ratsdoc_generate_archive ratsdoc_poppler_floor >/dev/null
tools=$build/bench
ratsdoc=$build/ratsdoc
generate=$tools/generate_archive
floor=$tools/poppler_floor

# --- archives ----------------------------------------------------------------
# An archive is reused when it was made with the same documents, seed and
# formats by the current generator (which is deterministic).
make_archive() {  # DIR N FORMATS
  local dir=$1 n=$2 formats=$3
  if [[ -f $dir/manifest.tsv && $dir/manifest.tsv -nt $generate && -f $dir/.formats-$formats &&
    $(($(wc -l <"$dir/manifest.tsv") - 1)) -eq $n ]]; then
    return
  fi
  rm -rf "$dir"
  "$generate" --documents "$n" --seed "$seed" --formats "$formats" --out "$dir" >&2
  touch "$dir/.formats-$formats"
}
archive=$build/archive-$documents-seed$seed
make_archive "$archive" "$documents" text,pdf
out=$build/out
rm -rf "$out"
mkdir -p "$out"
pdf_files=$(find "$archive/pdf" -name '*.pdf' | wc -l)
pdf_pages=$(awk -F'\t' 'NR > 1 { p += $4 } END { print p }' "$archive/manifest.tsv")
text_bytes=$(du -sb "$archive/text" | cut -f1)
# The most cited paper of the archive: the reference pdfgrep looks for.
# (No `| head` in these pipelines: with pipefail, SIGPIPE would end the script.)
most_cited() {  # EXPECTED-EDGES → the Drucksache cited most often (ties: the smallest ID)
  awk -F'\t' 'NR > 1 && $3 == "cites" && $2 ~ /^DS[0-9]+\/[0-9]+$/ { n[$2]++ }
    END { for (t in n) if (n[t] > best || (n[t] == best && t < id)) { best = n[t]; id = t }; print id }' "$1"
}
reference=$(most_cited "$archive/expected-edges.tsv")

# --- measuring ---------------------------------------------------------------
rows=()
floor_cpu=
# measure NAME FILES SEPARATOR-NOTE COMMAND...: one row, timed by /usr/bin/time.
measure() {
  local name=$1 files=$2 note=$3
  shift 3
  echo "run.sh: $name" >&2
  local log=$out/time.log status=0
  /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" >"$out/stdout.log" 2>"$out/stderr.log" || status=$?
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "run.sh: $name failed (exit $status):" >&2
    tail -5 "$out/stderr.log" >&2
  fi
  read -r wall user sys rss_kb < <(tail -1 "$log")
  local cpu ratio=– rate
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  rate=–
  if [[ $name != *cites* ]]; then  # a query's rate in documents is meaningless
    rate=$(awk -v n="$files" -v w="$wall" 'BEGIN { if (n > 0 && w > 0) printf "%.0f", n / w; else print "–" }')
  fi
  if [[ $name == "Poppler floor"* ]]; then floor_cpu=$cpu; fi
  if [[ -n $floor_cpu && $name != *cites* && $name != *"text/"* ]]; then
    ratio=$(awk -v c="$cpu" -v f="$floor_cpu" 'BEGIN { if (f > 0) printf "%.2f", c / f; else print "–" }')
  fi
  rows+=("| $name | $files | $wall | $cpu | $((rss_kb / 1024)) | $rate | $ratio | $note |")
  last_wall=$wall last_cpu=$cpu
}

pdf_list=$out/pdfs.txt
find "$archive/pdf" -name '*.pdf' | sort >"$pdf_list"
measure "Poppler floor (one process)" "$pdf_files" "load + page::text(), $pdf_pages pages" "$floor" - <"$pdf_list"
measure "pdftotext per file" "$pdf_files" "one process per file" \
  sh -c 'xargs -d "\n" -I{} pdftotext -q {} /dev/null <"$1"' sh "$pdf_list"
measure "pdfgrep -r $reference" "$pdf_files" "" pdfgrep -r -c "$reference" "$archive/pdf"
matches=$(awk -F: '{ n += $NF } END { print n + 0 }' "$out/stdout.log")
rows[-1]=${rows[-1]%|*|}"| $matches lines in one spelling; ratsdoc reads all |"
measure "ratsdoc process pdf/ -j1" "$pdf_files" "" "$ratsdoc" process "$archive/pdf" -o "$out/pdf-j1.xml" -j1 --no-progress
measure "ratsdoc process pdf/ -j$cores" "$pdf_files" "" "$ratsdoc" process "$archive/pdf" -o "$out/pdf-jN.xml" -j"$cores" --no-progress
rm -rf "$out/cache"
measure "ratsdoc process --cache (cold) -j$cores" "$pdf_files" "" \
  "$ratsdoc" process "$archive/pdf" -o "$out/pdf-cold.xml" -j"$cores" --cache "$out/cache" --no-progress
cold=$last_wall
measure "ratsdoc process --cache (warm) -j$cores" "$pdf_files" "" \
  "$ratsdoc" process "$archive/pdf" -o "$out/pdf-warm.xml" -j"$cores" --cache "$out/cache" --no-progress
rows[-1]=${rows[-1]%|*|}"| warm/cold wall $(awk -v w="$last_wall" -v c="$cold" 'BEGIN { printf "%.2f", (c > 0 ? w / c : 0) }') |"
measure "ratsdoc process text/ -j1" "$pdf_files" "" "$ratsdoc" process "$archive/text" -o "$out/text-j1.xml" -j1 --no-progress
rows[-1]=${rows[-1]%|*|}"| $(awk -v b="$text_bytes" -v c="$last_cpu" 'BEGIN { printf "%.1f MB/s per core (%.1f MB)", (c > 0 ? b / 1e6 / c : 0), b / 1e6 }') |"

# Planted edges found (a check that the timed runs did the real work).
found_edges() {  # GRAPH → planted edges present in it
  grep -o '<edge [^>]*>' "$1" | sed -E 's/<edge from="([^"]*)" to="([^"]*)" relation="([^"]*)".*/\1\t\2\t\3/' |
    sed 's/&amp;/\&/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g' | sort -u |
    comm -12 - <(tail -n +2 "$archive/expected-edges.tsv" | sort -u) | wc -l
}
planted=$(($(wc -l <"$archive/expected-edges.tsv") - 1))
recall_note="planted edges found: pdf $(found_edges "$out/pdf-j1.xml")/$planted, text $(found_edges "$out/text-j1.xml")/$planted"

# --- cites on a large graph ----------------------------------------------------
cites_note=
if [[ $graph_documents -gt 0 ]]; then
  graph_archive=$build/graph-$graph_documents-seed$seed
  make_archive "$graph_archive" "$graph_documents" text
  graph=$graph_archive/graph.xml
  if [[ ! -f $graph || $graph -ot $ratsdoc || $graph -ot $graph_archive/manifest.tsv ]]; then
    measure "ratsdoc process text/ (graph) -j$cores" "$graph_documents" "builds the cites graph" \
      "$ratsdoc" process "$graph_archive/text" -o "$graph" -j"$cores" --no-progress
  fi
  target=$(most_cited "$graph_archive/expected-edges.tsv")
  graph_mb=$(($(stat -c %s "$graph") / 1000000))
  measure "ratsdoc cites (first call)" "$graph_documents" "graph $graph_mb MB" "$ratsdoc" cites "$target" --graph "$graph"
  hits=$(wc -l <"$out/stdout.log")
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --warmup 1 --export-json "$out/cites.json" -N \
      "$ratsdoc cites $target --graph $graph" >/dev/null 2>&1 ||
      hyperfine --runs "$runs" --warmup 1 --export-json "$out/cites.json" "$ratsdoc cites $target --graph $graph" >/dev/null
    median=$(grep -o '"median": *[0-9.e-]*' "$out/cites.json" | sed -n '1s/.*: *//p')
    how="hyperfine, $runs runs"
  else
    for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e' -o "$out/t" "$ratsdoc" cites "$target" --graph "$graph" >/dev/null
      cat "$out/t"
    done | sort -n >"$out/cites-times"
    median=$(awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$out/cites-times")
    how="$runs runs"
  fi
  rows+=("| ratsdoc cites (median) | $graph_documents | $(awk -v m="$median" 'BEGIN { printf "%.3f", m }') | | | | – | $how |")
  cites_note="cites target: $target ($hits citing lines)"
fi

# --- report ------------------------------------------------------------------
poppler_version=$(pkg-config --modversion poppler-cpp 2>/dev/null || pdftotext -v 2>&1 | sed -n 1p)
{
  echo "## ratsdoc benchmark ($(date -u +%Y-%m-%d))"
  echo
  echo "- machine: $(lscpu | sed -n '0,/^Model name: */s/^Model name: *//p'), $cores cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- system: kernel $(uname -r), Debian $(cat /etc/debian_version 2>/dev/null || echo ?), Poppler $poppler_version, $("$ratsdoc" --version 2>&1 | sed -n 1p)"
  echo "- archive: $documents papers (seed $seed), $pdf_files PDFs with $pdf_pages pages, $((text_bytes / 1000)) kB of text; $recall_note"
  [[ -n $cites_note ]] && echo "- $cites_note"
  echo
  echo "| run | files | wall s | CPU s | peak RSS MB | documents/s | CPU × floor | notes |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$build/results.md"
