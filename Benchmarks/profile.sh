#!/usr/bin/env bash
# Profile one `citypulse run --jobs 1 --full` of the benchmark pipeline with `perf record -g`
# (frame-pointer call graphs) and print the top of the profile: by shared object, by symbol
# (self time) and by symbol including callees, names demangled.
#
#   Benchmarks/profile.sh [--pages N] [--csv-rows N] [--top N] [--pipeline FILE] [--dwarf]
#
# --dwarf unwinds with DWARF (at 249 Hz) instead of frame pointers: slower and bigger, but callers
# of libxml2 and libc functions (built without frame pointers) are then attributed correctly.
#
# Run Benchmarks/run.sh first (it builds the binary and the corpus). Writes
# Benchmarks/work/perf.data and Benchmarks/work/profile.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
work=$here/work
pages=2000 csv_rows=1000000 seed=42 top=25 pipeline=$here/pipeline/bench.yml
callgraph=(-g -F 999)
while [[ $# -gt 0 ]]; do
  case $1 in
    --pages) pages=$2; shift ;;
    --csv-rows) csv_rows=$2; shift ;;
    --top) top=$2; shift ;;
    --pipeline) pipeline=$2; shift ;;
    --dwarf) callgraph=(--call-graph dwarf,32768 -F 249) ;;
    *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
corpus=$work/corpus-p$pages-r$csv_rows-s$seed
[[ -d $corpus ]] || { echo "profile.sh: no corpus at $corpus (run Benchmarks/run.sh --pages $pages --csv-rows $csv_rows first)" >&2; exit 1; }
bin=$(cd "$repo" && swift build -c release --show-bin-path)/citypulse
command -v perf > /dev/null || { apt-get install -y linux-perf >&2 || { apt-get update >&2 && apt-get install -y linux-perf >&2; }; }
demangle() {
  if command -v swift-demangle > /dev/null; then swift-demangle --simplified; else swift demangle --simplified; fi |
    sed -E 's/[[:space:]]+-[[:space:]]+-[[:space:]]*$//; s/[[:space:]]+$//'
}

rm -rf "$work/perf-out"
generic='_dispatch_|start_thread|\] clone3?( |$)|swift_job_run|runJobInEstablishedExecutorContext|__libc_start|\] _start( |$)|completeTaskWithClosure|ProcessTask|swift::runJob'
cmd=("$bin" run --input-root "$corpus" --output-root "$work/perf-out" --as-of 2025-06-30 --jobs 1 --full --no-progress "$pipeline")
perf record "${callgraph[@]}" -o "$work/perf.data" -- "${cmd[@]}" 2> "$work/perf-record.log" \
  || { tail -n 5 "$work/perf-record.log" >&2; exit 1; }
# Whole reports to files first: `head` on a live pipe would end perf report with SIGPIPE.
report() { perf report -i "$work/perf.data" --stdio -g none --percent-limit 0.3 "$@" 2> /dev/null | grep -v '^#' | grep -v '^$' > "$work/perf-report.tmp" || true; }
{
  echo "command: perf record ${callgraph[*]} -- ${cmd[*]}"
  grep 'run finished' "$work/perf-record.log" || true
  echo
  echo "== by shared object (self)"
  report --no-children --sort dso; head -n 15 "$work/perf-report.tmp"
  echo
  echo "== top $top symbols, self"
  report --no-children --sort dso,symbol; head -n "$top" "$work/perf-report.tmp" | demangle
  echo
  echo "== top $top symbols, inclusive (children)"
  report --children --sort symbol
  echo "(thread and executor frames left out: $generic)"
  grep -Ev "$generic" "$work/perf-report.tmp" > "$work/perf-report.tmp2" || true
  head -n "$top" "$work/perf-report.tmp2" | demangle
} | tee "$work/profile.txt"
rm -f "$work/perf-report.tmp" "$work/perf-report.tmp2"
