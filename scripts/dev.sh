#!/usr/bin/env bash
# ratsdoc's one entry point for a fresh Debian 12 machine:
#   scripts/dev.sh samples   install what is missing, build, run ratsdoc on samples/
#   scripts/dev.sh test      install what is missing, build, run the whole test suite; then the
#                            whole suite again under ASan+UBSan (build-asan/), the parallel tests
#                            under ThreadSanitizer (build-tsan/), and each fuzz target briefly
#   scripts/dev.sh fuzz [SECONDS] [TARGET...]
#                            run fuzz targets (default: all, 900 s each) on seeds from samples/
#                            and grammars/; findings go to build-fuzz/findings/
# With CI=true the build treats warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian 12 packages the build and the tests need (README.md says why each).
PACKAGES=(build-essential cmake pkg-config libpoppler-cpp-dev libicu-dev libre2-dev
          libpugixml-dev libgtest-dev libcli11-dev libssl-dev nlohmann-json3-dev
          libxml2-utils libcairo2-dev fonts-dejavu-core poppler-utils pdfgrep time bsdutils
          clang libclang-rt-14-dev python3 python3-jsonschema
          libtesseract-dev libleptonica-dev tesseract-ocr-deu tesseract-ocr-osd zlib1g-dev)

install_missing() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRATSDOC_WERROR="$werror" > /dev/null
  cmake --build build -j"$(nproc)"
}

run_samples() {
  local file status
  printf '%-44s %-6s %-7s %5s  %s\n' FILE FORMAT STATUS PAGES "FIRST LINE OF THE NORMALISED TEXT"
  for file in samples/text/*.txt samples/pdf/*.pdf; do
    status=0
    xml=$(build/ratsdoc parse "$file") || status=$?
    printf '%-44s %-6s %-7s %5s  %s\n' "$file" \
      "$(sed -n 's/.* format="\([a-z]*\)".*/\1/p' <<< "$xml" | head -1)" \
      "$(sed -n 's/.* status="\([a-z]*\)".*/\1/p' <<< "$xml" | head -1)" \
      "$(sed -n 's/.* pages="\([0-9]*\)".*/\1/p' <<< "$xml" | head -1)" \
      "$(build/ratsdoc text "$file" | head -1 | cut -c1-60)"
    [ "$status" -eq 0 ] || echo "  (exit status $status)"
  done
  echo
  echo "Full text of any sample: build/ratsdoc text samples/pdf/000_f587a7394770ebb2.pdf"
  echo
  status=0
  build/ratsdoc process samples/text samples/pdf -o build/samples-graph.xml || status=$?
  echo "Cross-reference graph of all samples: build/samples-graph.xml (exit status $status):" \
       "$(grep -c '<document ' build/samples-graph.xml) documents," \
       "$(grep -c '<reference ' build/samples-graph.xml) references," \
       "$(grep -c '<node ' build/samples-graph.xml) nodes, $(grep -c '<edge ' build/samples-graph.xml) edges"
  echo
  echo '$ build/ratsdoc cites "Maßnahme 3.32 der Anlage 2 zur DS0583/21" --graph build/samples-graph.xml'
  build/ratsdoc cites "Maßnahme 3.32 der Anlage 2 zur DS0583/21" --graph build/samples-graph.xml
}

# The tests of parallel runs, in a ThreadSanitizer build of the library, the
# command line and those tests: any data race fails them.
test_threads() {
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRATSDOC_TSAN=ON -DRATSDOC_BUILD_TESTS=ON > /dev/null
  cmake --build build-tsan -j"$(nproc)" --target ratsdoc_cli archive_archive_test
  TSAN_OPTIONS="halt_on_error=1 exitcode=66" build-tsan/tests/archive_archive_test
}

# The whole test suite in an AddressSanitizer + UndefinedBehaviorSanitizer build.
test_sanitized() {
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRATSDOC_SANITIZE=ON > /dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS="detect_leaks=1" LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" UBSAN_OPTIONS="print_stacktrace=1" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
}

FUZZ_TARGETS=(ingest normalize references grammar graph_xml)

# Seeds: the samples (PDF and text), the grammars, the golden graphs.
fuzz_seeds() {
  local target=$1 dir=build-fuzz/corpus/$1
  mkdir -p "$dir"
  case "$target" in
    ingest) cp samples/pdf/*.pdf samples/text/*.txt tests/data/pdf/*.pdf "$dir"/ 2>/dev/null || true ;;
    normalize|references) cp samples/text/*.txt tests/corpus/text/*.txt tests/data/text/* "$dir"/ 2>/dev/null || true ;;
    grammar) cp grammars/*.xml grammars/*/*.xml grammars/*/*/*.xml "$dir"/ 2>/dev/null || true ;;
    graph_xml) cp tests/golden/graph/*.xml schema/examples/*.xml "$dir"/ 2>/dev/null || true ;;
  esac
}

# Builds the fuzz targets (clang, ASan, UBSan) and runs each for $1 seconds.
run_fuzz() {
  local seconds=$1; shift
  local targets=("$@") target
  [ ${#targets[@]} -eq 0 ] && targets=("${FUZZ_TARGETS[@]}")
  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRATSDOC_FUZZ=ON \
    -DRATSDOC_BUILD_TESTS=OFF -DRATSDOC_BUILD_BENCH=OFF > /dev/null
  cmake --build build-fuzz -j"$(nproc)"
  mkdir -p build-fuzz/findings
  for target in "${targets[@]}"; do
    fuzz_seeds "$target"
    # The grammar's words and examples (fuzz/make_dictionary.cc) steer the
    # targets that read text toward what the grammar matches.
    local dictionary=()
    case "$target" in
      ingest|normalize|references) dictionary=(-dict=build-fuzz/fuzz/ratsdoc.dict) ;;
    esac
    echo "fuzz_$target: $seconds s ${dictionary[*]}"
    local status=0
    ASAN_OPTIONS="detect_leaks=1" LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" \
      build-fuzz/fuzz/fuzz_"$target" "${dictionary[@]}" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
      -max_len=1048576 -artifact_prefix=build-fuzz/findings/"$target"- -print_final_stats=1 \
      build-fuzz/corpus/"$target" > build-fuzz/"$target".log 2>&1 || status=$?
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb|SUMMARY)" \
      build-fuzz/"$target".log | sed 's/^/  /'
    if [ "$status" -ne 0 ]; then
      tail -40 build-fuzz/"$target".log >&2
      echo "fuzz_$target found a problem (exit $status): build-fuzz/findings/, build-fuzz/$target.log" >&2
      return 1
    fi
  done
}

case "${1:-}" in
  samples) install_missing; build; run_samples ;;
  test) install_missing; build; ctest --test-dir build --output-on-failure -j"$(nproc)"
        test_sanitized; test_threads; run_fuzz 15 ;;
  fuzz) install_missing; shift; run_fuzz "${1:-900}" "${@:2}" ;;
  *) echo "usage: scripts/dev.sh samples|test|fuzz [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
