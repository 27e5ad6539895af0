#!/usr/bin/env bash
# CityPulse benchmark: the release binary against the Python peer and the libxml2 floor, on the
# corpus that ../shared/peer/make_corpus.py generates. See Benchmarks/README.md.
#
#   Benchmarks/run.sh [--tenfold] [--skip-build] [--skip-peer] [--regen]
#                     [--pages N] [--csv-rows N] [--seed N] [--as-of YYYY-MM-DD]
#
#   --tenfold     also time the CSV-only pipeline on ten times the CSV rows (about 600 MB of CSV)
#                 to check that peak memory stays flat
#   --skip-build  use the release binary as it is
#   --skip-peer   leave out the two Python peer runs (ratios against the peer are then blank)
#   --regen       generate the corpus again even when one with the same arguments is there
#
# Environment: RUNS (default 1; the fastest of RUNS runs of each command is kept),
# PYTHON (interpreter for the peer when its requirements are already installed; default python3),
# CITYPULSE_SHARED (the shared folder; default ../shared beside the repository).
#
# Everything it makes goes to Benchmarks/work/ (git-ignored); the table is printed and written to
# Benchmarks/work/results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${CITYPULSE_SHARED:-$repo/../shared}
if [[ ! -f $shared/peer/make_corpus.py ]]; then
  echo "run.sh: cannot find the shared folder (expected $shared/peer/make_corpus.py); set CITYPULSE_SHARED" >&2
  exit 2
fi
shared=$(cd "$shared" && pwd)
peer=$shared/peer
work=$here/work
runs=${RUNS:-1}

pages=2000 csv_rows=1000000 seed=42 as_of=2025-06-30
tenfold=0 skip_build=0 skip_peer=0 regen=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --tenfold) tenfold=1 ;;
    --skip-build) skip_build=1 ;;
    --skip-peer) skip_peer=1 ;;
    --regen) regen=1 ;;
    --pages) pages=$2; shift ;;
    --csv-rows) csv_rows=$2; shift ;;
    --seed) seed=$2; shift ;;
    --as-of) as_of=$2; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

mkdir -p "$work"
log() { printf '== %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# 1. Release binary
# ---------------------------------------------------------------------------------------------
if [[ $skip_build -eq 0 ]]; then
  log "building the release binary (swift build -c release --product citypulse)"
  (cd "$repo" && swift build -c release --product citypulse)
fi
bin=$(cd "$repo" && swift build -c release --show-bin-path)/citypulse
[[ -x $bin ]] || { echo "run.sh: no release binary at $bin (run without --skip-build)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# 2. Corpus (regenerated only when its arguments change)
# ---------------------------------------------------------------------------------------------
make_corpus() { # OUT PAGES CSV_ROWS
  local out=$1 stamp="pages=$2 csv_rows=$3 seed=$seed"
  if [[ $regen -eq 1 || ! -f $out/.stamp || $(cat "$out/.stamp") != "$stamp" ]]; then
    log "generating corpus $out ($stamp)"
    rm -rf "$out"
    python3 "$peer/make_corpus.py" --src-html "$shared/corpus/html" --src-csv "$shared/corpus/csv" \
      --out "$out" --pages "$2" --csv-rows "$3" --seed "$seed" | tee "$out.log" >&2
    echo "$stamp" > "$out/.stamp"
  else
    log "corpus $out is up to date ($stamp)"
  fi
}
corpus=$work/corpus-p$pages-r$csv_rows-s$seed
make_corpus "$corpus" "$pages" "$csv_rows"

# ---------------------------------------------------------------------------------------------
# 3. The peer's requirements: the interpreter as it is if it has the pinned versions, else a venv
# ---------------------------------------------------------------------------------------------
py=${PYTHON:-python3}
if [[ $skip_peer -eq 0 ]]; then
  has_requirements() {
    "$1" - "$peer/requirements.txt" <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version, PackageNotFoundError
bad = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, want = line.partition("==")
    try:
        have = version(name.strip())
    except PackageNotFoundError:
        have = None
    if have != want.strip():
        bad.append(f"{name}=={want} (have {have})")
if bad:
    print("missing or other versions: " + ", ".join(bad), file=sys.stderr)
    sys.exit(1)
EOF
  }
  if has_requirements "$py"; then
    log "peer requirements present in $($py -c 'import sys; print(sys.executable)')"
  else
    venv=$work/venv
    if [[ ! -x $venv/bin/python ]] || ! has_requirements "$venv/bin/python"; then
      log "installing the peer's requirements into $venv"
      python3 -m venv "$venv"
      "$venv/bin/python" -m pip install --quiet --upgrade pip
      "$venv/bin/python" -m pip install --quiet -r "$peer/requirements.txt"
    fi
    py=$venv/bin/python
  fi
fi

# ---------------------------------------------------------------------------------------------
# 4. The libxml2 floor, built into work/ (the shared folder stays read-only)
# ---------------------------------------------------------------------------------------------
if ! pkg-config --exists libxml-2.0 zlib 2>/dev/null; then
  log "installing libxml2-dev zlib1g-dev pkg-config"
  apt-get install -y libxml2-dev zlib1g-dev pkg-config >&2 || { apt-get update >&2 && apt-get install -y libxml2-dev zlib1g-dev pkg-config >&2; }
fi
floor=$work/bin/html_floor
mkdir -p "$work/bin"
if [[ ! -x $floor || $peer/floor/html_floor.c -nt $floor ]]; then
  log "building the floor"
  # shellcheck disable=SC2046
  ${CC:-cc} -O2 $(pkg-config --cflags libxml-2.0) -o "$floor" "$peer/floor/html_floor.c" $(pkg-config --libs libxml-2.0) -lz
fi

# ---------------------------------------------------------------------------------------------
# 5. Timing
# ---------------------------------------------------------------------------------------------
sum_sizes() { awk '{ s += $1 } END { print s + 0 }'; }
html=$corpus/html csv=$corpus/csv
n_pages=$(find "$html" -maxdepth 1 -type f ! -name '.*' | wc -l)
html_bytes=$(find "$html" -maxdepth 1 -type f ! -name '.*' -printf '%s\n' | sum_sizes)
csv_bytes=$(find "$csv" -maxdepth 1 -type f -name '*.csv' -printf '%s\n' | sum_sizes)
logs_bytes=$(find "$csv" -maxdepth 1 -type f \( -name 'hr_*_log.csv' -o -name 'commerce_*_log.csv' \) -printf '%s\n' | sum_sizes)

out=$work/out
rm -rf "$out" && mkdir -p "$out"
times=$out/times
mkdir -p "$times"
results=()   # "name wall cpu rss_kib"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# "h:mm:ss" or "m:ss.cc" -> seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }

# bench_once ROUND NAME PREPARE COMMAND...: runs PREPARE ROUND (untimed), then COMMAND under
# /usr/bin/time -v, and keeps the run if it is the fastest of NAME so far. Exit code 65 (published,
# data-quality check failed) counts as a finished run; anything else non-zero stops the benchmark.
declare -A best_wall=() best_cpu=() best_rss=()
bench_once() {
  local r=$1 name=$2 prepare=$3
  shift 3
  "$prepare" "$r"
  local rc=0
  /usr/bin/time -v -o "$times/$name.time" "$@" > "$out/$name.log" 2>&1 || rc=$?
  if [[ $rc -ne 0 && $rc -ne 65 ]]; then
    echo "run.sh: $name failed (exit $rc); last lines of $out/$name.log:" >&2
    tail -n 5 "$out/$name.log" >&2
    exit 1
  fi
  local wall cpu rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$times/$name.time" | to_seconds)
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$times/$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$times/$name.time")
  if [[ -z ${best_wall[$name]:-} ]] || awk -v a="$wall" -v b="${best_wall[$name]}" 'BEGIN { exit !(a < b) }'; then
    best_wall[$name]=$wall best_cpu[$name]=$cpu best_rss[$name]=$rss
  fi
}

# Adds NAME's fastest run to the results.
keep() {
  local name=$1
  printf '%-24s %6ss  %s\n' "$name" "${best_wall[$name]}" "$(tail -n 1 "$out/$name.log" | cut -c1-200)" >&2
  results+=("$name ${best_wall[$name]} ${best_cpu[$name]} ${best_rss[$name]}")
}

# bench NAME PREPARE COMMAND...: NAME's RUNS runs one after the other, the fastest kept.
bench() {
  local r
  for ((r = 1; r <= runs; r++)); do bench_once "$r" "$@"; done
  keep "$1"
}
noop() { :; }

# Read the corpus once so that every run finds it in the page cache.
log "warming the page cache"
find "$html" "$csv" -maxdepth 1 -type f -exec cat {} + > /dev/null

log "timing ($runs run(s) each); machine load before: $load_before"
run_args=(run --input-root "$corpus" --as-of "$as_of" --no-progress)
pipeline=$here/pipeline/bench.yml
csv_pipeline=$here/pipeline/bench-csv.yml
peer_run() { rm -rf "$out/peer-$1" && mkdir -p "$out/peer-$1"; }
prep_w1() { peer_run w1; }
prep_w2() { peer_run w2; }
# The commands the ratios compare run in rounds (peer, floor, CityPulse with 1 and 2 jobs, then again),
# not each RUNS times in a row: on a shared machine whose speed drifts over minutes, every command
# then meets the same slow and fast spells, and the fastest run of each is taken from all of them.
for ((round = 1; round <= runs; round++)); do
  if [[ $skip_peer -eq 0 ]]; then
    bench_once "$round" peer-w1 prep_w1 "$py" "$peer/peer_pipeline.py" --html "$html" --csv "$csv" --out "$out/peer-w1" --workers 1
    bench_once "$round" peer-w2 prep_w2 "$py" "$peer/peer_pipeline.py" --html "$html" --csv "$csv" --out "$out/peer-w2" --workers 2
  fi
  bench_once "$round" floor-html noop "$floor" -o "$out/floor-text.gz" "$html"
  bench_once "$round" citypulse-j1-full noop "$bin" "${run_args[@]}" --output-root "$out/j1" --jobs 1 --full "$pipeline"
  bench_once "$round" citypulse-j2-full noop "$bin" "${run_args[@]}" --output-root "$out/j2" --jobs 2 --full "$pipeline"
done
if [[ $skip_peer -eq 0 ]]; then keep peer-w1; keep peer-w2; fi
keep floor-html
keep citypulse-j1-full
keep citypulse-j2-full
# The outputs of the full run, before the reruns below publish over them.
cp -r "$out/j1/bench" "$out/j1-full"

# Reruns on the cache the --jobs 1 full run left.
bench citypulse-rerun-nochange noop "$bin" "${run_args[@]}" --output-root "$out/j1" --jobs 1 "$pipeline"
cp -r "$out/j1/bench" "$out/j1-nochange"

# 1% of the pages (at least one), evenly spread in name order: every 100th of 2000.
n_touch=$(( n_pages / 100 > 0 ? n_pages / 100 : 1 ))
mapfile -t touched < <(find "$html" -maxdepth 1 -type f ! -name '.*' | sort | awk -v step=$((n_pages / n_touch)) 'NR % step == 0')
backup=$work/touched-backup
rm -rf "$backup" && mkdir -p "$backup"
for f in "${touched[@]}"; do cp -p "$f" "$backup/"; done
restore_touched() { for f in "${touched[@]}"; do cp -p "$backup/$(basename "$f")" "$f"; done; }
# Only the modification time changes: the files are hashed again, and found in the cache.
prep_touch() { for f in "${touched[@]}"; do touch -m "$f"; done; }
bench citypulse-rerun-touch1pct prep_touch "$bin" "${run_args[@]}" --output-root "$out/j1" --jobs 1 "$pipeline"
# The content changes (a comment appended, unique per run): the files are parsed and extracted again.
prep_edit() {
  restore_touched
  local stamp="$1.$(date +%s%N)" f
  for f in "${touched[@]}"; do printf '\n<!-- benchmark edit %s -->\n' "$stamp" >> "$f"; done
}
bench citypulse-rerun-edit1pct prep_edit "$bin" "${run_args[@]}" --output-root "$out/j1" --jobs 1 "$pipeline"
restore_touched
rm -rf "$backup"

# The CSV stage alone: the three record logs, one job.
bench citypulse-csv-j1 noop "$bin" "${run_args[@]}" --output-root "$out/csv" --jobs 1 --full "$csv_pipeline"

if [[ $tenfold -eq 1 ]]; then
  corpus10=$work/corpus-p0-r$((csv_rows * 10))-s$seed
  make_corpus "$corpus10" 0 $((csv_rows * 10))
  logs10_bytes=$(find "$corpus10/csv" -maxdepth 1 -type f \( -name 'hr_*_log.csv' -o -name 'commerce_*_log.csv' \) -printf '%s\n' | sum_sizes)
  find "$corpus10/csv" -maxdepth 1 -type f -exec cat {} + > /dev/null
  bench citypulse-csv10x-j1 noop "$bin" run --input-root "$corpus10" --as-of "$as_of" --no-progress \
    --output-root "$out/csv10x" --jobs 1 --full "$csv_pipeline"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------
# 6. Byte identity: --jobs 1 against --jobs 2, and the no-change rerun against the full run
# ---------------------------------------------------------------------------------------------
compare() { # A B -> one line per output file
  local a=$1 b=$2 f
  for f in metrics.json.gz facts.ndjson.gz report.html rejects.csv manifest.json; do
    if [[ ! -f $a/$f || ! -f $b/$f ]]; then
      echo "| \`$f\` | missing |"
    elif cmp -s "$a/$f" "$b/$f"; then
      echo "| \`$f\` | identical |"
    elif [[ $f == *.gz ]] && cmp -s <(gzip -dc "$a/$f") <(gzip -dc "$b/$f"); then
      echo "| \`$f\` | same content, different gzip bytes |"
    elif [[ $f == *.gz ]]; then
      echo "| \`$f\` | DIFFERENT: $(diff <(gzip -dc "$a/$f" | tr ',' '\n') <(gzip -dc "$b/$f" | tr ',' '\n') | grep -c '^[<>]') lines differ after splitting at commas |"
    elif [[ $f == manifest.json ]]; then
      local keys
      keys=$(diff <(tr ',' '\n' < "$a/$f") <(tr ',' '\n' < "$b/$f") | sed -n 's/^[<>] *"\([a-z_]*\)".*/\1/p' | sort -u | tr '\n' ' ')
      echo "| \`$f\` | differs in: ${keys:-(values only)} |"
    else
      echo "| \`$f\` | DIFFERENT: $(diff "$a/$f" "$b/$f" | grep -c '^[<>]') lines differ |"
    fi
  done
}
identity_j=$(compare "$out/j1-full" "$out/j2/bench")
identity_r=$(compare "$out/j1-full" "$out/j1-nochange")

# ---------------------------------------------------------------------------------------------
# 7. Table
# ---------------------------------------------------------------------------------------------
get() { # NAME FIELD(2 wall, 3 cpu, 4 rss)
  local row
  for row in "${results[@]}"; do
    read -r -a f <<< "$row"
    if [[ ${f[0]} == "$1" ]]; then echo "${f[$(($2 - 1))]}"; return; fi
  done
  echo ""
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.2f", a / b }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.1f", 100 * a / b }'; }
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { if (v == "–" || v == "") print "n/a"; else if ((dir == ">=" && v + 0 >= t) || (dir == "<=" && v + 0 <= t)) print "PASS"; else print "FAIL" }'; }

peer_w1=$(get peer-w1 2)
floor_w=$(get floor-html 2)
peer_w1_cpu=$(get peer-w1 3)
floor_cpu=$(get floor-html 3)
j1=$(get citypulse-j1-full 2)
j2=$(get citypulse-j2-full 2)
csv_w=$(get citypulse-csv-j1 2)
speed_peer=$(ratio "$peer_w1" "$j1")
vs_floor=$(ratio "$j1" "$floor_w")
jobs_speedup=$(ratio "$j1" "$j2")
csv_mbs=$(awk -v b="$logs_bytes" -v w="$csv_w" 'BEGIN { printf "%.1f", (w > 0 ? b / 1e6 / w : 0) }')
nochange_pct=$(pct "$(get citypulse-rerun-nochange 2)" "$j1")
touch_pct=$(pct "$(get citypulse-rerun-touch1pct 2)" "$j1")
edit_pct=$(pct "$(get citypulse-rerun-edit1pct 2)" "$j1")
rss_csv_mib=$(awk -v k="$(get citypulse-csv-j1 4)" 'BEGIN { printf "%.1f", k / 1024 }')
rss_peak_mib=$(for row in "${results[@]}"; do read -r name _ _ rss <<< "$row"; if [[ $name == citypulse-* ]]; then awk -v k="$rss" 'BEGIN { printf "%.1f\n", k / 1024 }'; fi; done | sort -g | tail -n 1)
all_j_identical=yes
grep -v manifest.json <<< "$identity_j" | grep -qv '| identical |' && all_j_identical=no

{
  echo "# CityPulse benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- Sources Package.swift || echo ' (with uncommitted source changes)')"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average before: $load_before, after: $load_after"
  echo "- corpus: $n_pages pages, $(awk -v b="$html_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB HTML; $(awk -v b="$csv_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB CSV ($(awk -v b="$logs_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of it the three record logs, $csv_rows rows); seed $seed; --as-of $as_of"
  echo "- runs per command: $runs (fastest kept); binary: $bin"
  echo
  echo "| command | wall s | CPU s (user+sys) | peak RSS MiB | × peer-w1 (speed-up) | × floor (wall / floor wall) | CPU × peer-w1 | CPU × floor |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${results[@]}"; do
    read -r name wall cpu rss <<< "$row"
    printf '| %s | %.2f | %.2f | %.1f | %s | %s | %s | %s |\n' "$name" "$wall" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" \
      "$(ratio "$peer_w1" "$wall")" "$(ratio "$wall" "$floor_w")" "$(ratio "$peer_w1_cpu" "$cpu")" "$(ratio "$cpu" "$floor_cpu")"
  done
  echo
  echo "| target | measured | goal | verdict |"
  echo "|---|---:|---:|---|"
  echo "| end to end, 1 job, speed-up over peer with 1 worker | ${speed_peer}× | ≥ 25× | $(verdict "$speed_peer" 25 '>=') |"
  echo "| end to end, 1 job, wall / libxml2 floor wall | ${vs_floor}× | ≈ 1× or below | $(verdict "$vs_floor" 1.0 '<=') |"
  echo "| the same in CPU time (less sensitive to a busy machine) | $(ratio "$peer_w1_cpu" "$(get citypulse-j1-full 3)")× over peer, $(ratio "$(get citypulse-j1-full 3)" "$floor_cpu")× floor | ≥ 25×, ≈ 1× | – |"
  echo "| 2 jobs speed-up over 1 job | ${jobs_speedup}× | ≥ 1.85× | $(verdict "$jobs_speedup" 1.85 '>=') |"
  echo "| CSV-only pipeline, 1 job (record-log MB / wall s) | ${csv_mbs} MB/s | ≥ 150 MB/s | $(verdict "$csv_mbs" 150 '>=') |"
  echo "| peak RSS (largest of all citypulse runs) | ${rss_peak_mib} MiB | ≤ 150 MiB | $(verdict "$rss_peak_mib" 150 '<=') |"
  if [[ $tenfold -eq 1 ]]; then
    rss10_mib=$(awk -v k="$(get citypulse-csv10x-j1 4)" 'BEGIN { printf "%.1f", k / 1024 }')
    flat=$(ratio "$rss10_mib" "$rss_csv_mib")
    csv10_mbs=$(awk -v b="$logs10_bytes" -v w="$(get citypulse-csv10x-j1 2)" 'BEGIN { printf "%.1f", (w > 0 ? b / 1e6 / w : 0) }')
    echo "| peak RSS, CSV ×10 / CSV ×1 | ${flat}× (${rss10_mib} vs ${rss_csv_mib} MiB) | ≈ 1× (flat), and ≤ 150 MiB | $(verdict "$rss10_mib" 150 '<=') |"
    echo "| CSV-only pipeline on ×10 rows | ${csv10_mbs} MB/s | ≥ 150 MB/s | $(verdict "$csv10_mbs" 150 '>=') |"
  else
    echo "| peak RSS, CSV ×10 / CSV ×1 | not run (--tenfold) | ≈ 1× | n/a |"
  fi
  echo "| no-change rerun / full run (1 job) | ${nochange_pct}% | ≤ 5% | $(verdict "$nochange_pct" 5 '<=') |"
  echo "| rerun after touching the mtime of 1% of pages / full run | ${touch_pct}% | ≈ no-change + hashing 1% | – |"
  echo "| rerun after editing 1% of pages / full run | ${edit_pct}% | ≈ no-change + 1% of the page work | – |"
  echo "| outputs of --jobs 1 and --jobs 2 byte-identical (manifest aside) | $all_j_identical | yes | $([[ $all_j_identical == yes ]] && echo PASS || echo FAIL) |"
  echo
  echo "Outputs of \`--jobs 1 --full\` against \`--jobs 2 --full\`:"
  echo
  echo "| file | result |"
  echo "|---|---|"
  echo "$identity_j"
  echo
  echo "Outputs of \`--jobs 1 --full\` against the no-change rerun that followed it:"
  echo
  echo "| file | result |"
  echo "|---|---|"
  echo "$identity_r"
  echo
  echo "Each run's last log line and \`/usr/bin/time -v\` output are in \`$out/\`."
} > "$work/results.md"
cp "$work/results.md" "$work/results-$(date -u +%Y%m%d-%H%M).md"

echo
cat "$work/results.md"
