#!/usr/bin/env bash
# CityPulse's own CSV reader against yaslab/CSV.swift 2.5.2 and swiftcsv/SwiftCSV 0.10.0, on the same
# file and doing the same work: every record read, records and fields counted, and the last field of each
# record summed where it is a plain integer. Each reader runs in its own process, so that /usr/bin/time's
# peak RSS is that reader's alone. See the section "CSV reader against libraries" in ../README.md.
#
#   Benchmarks/csv-readers/run.sh [--skip-build] [--tenfold] [FILE]
#
#   FILE          default: the benchmark corpus's record log,
#                 Benchmarks/work/corpus-p2000-r1000000-s42/csv/hr_graduate_retention_log.csv
#                 (made by Benchmarks/run.sh)
#   --skip-build  use the release binary as it is
#   --tenfold     also read ten copies of the quote-free file's rows in one file (about 380 MB for the
#                 default FILE), once per reader, to see whether peak memory grows with the file
#
# Three passes: FILE as it is; FILE without the lines that contain a double quote (in the corpus those
# are exactly its unterminated-quote rows, on which the libraries stop or run on to the end of the file,
# so only this pass compares the same work); and with --tenfold the tenfold copy.
#
# Environment: RUNS (default 3): each reader runs RUNS times per file; the best wall time and the best
# in-process read time are kept, and the highest peak RSS.
#
# Made files go to Benchmarks/work/csv-readers/ (git-ignored); the tables are printed and written to
# Benchmarks/work/csv-readers/results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench=$(cd "$here/.." && pwd)
work=$bench/work/csv-readers
runs=${RUNS:-3}

skip_build=0 tenfold=0 file=
while [[ $# -gt 0 ]]; do
  case $1 in
    --skip-build) skip_build=1 ;;
    --tenfold) tenfold=1 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    *) file=$1 ;;
  esac
  shift
done

if [[ -z $file ]]; then
  file=$bench/work/corpus-p2000-r1000000-s42/csv/hr_graduate_retention_log.csv
  if [[ ! -f $file ]]; then
    echo "run.sh: no corpus at $file" >&2
    echo "run.sh: run Benchmarks/run.sh first (it generates the corpus), or pass a CSV file" >&2
    exit 1
  fi
fi
[[ -f $file ]] || { echo "run.sh: no such file: $file" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

mkdir -p "$work"
log() { printf '== %s\n' "$*" >&2; }

if [[ $skip_build -eq 0 ]]; then
  log "building csv-readers (swift build -c release --package-path Benchmarks/csv-readers)"
  swift build -c release --package-path "$here" >&2
fi
bin=$(swift build -c release --package-path "$here" --show-bin-path)/csv-readers
[[ -x $bin ]] || { echo "run.sh: no release binary at $bin (run without --skip-build)" >&2; exit 1; }

# What each reader does with the file, whatever the run shows.
declare -A how=(
  [citypulse]="streams in 1 MiB chunks; fields are byte views"
  [csvswift]="streams (64 KiB buffer), scalar by scalar into Strings"
  [swiftcsv]="cannot stream: loads the whole file as one String; rows enumerated, not kept"
  [swiftcsv-rows]="cannot stream: loads the whole file and keeps every row as [String] (its README's way), padded to the longest row's field count"
)

field() { # KEY LINE -> value of KEY=… in LINE
  sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"
}

results=$work/results.md
: > "$results"

measure() { # TITLE FILE RUNS READER...
  local title=$1 f=$2 n=$3
  shift 3
  local bytes mb
  bytes=$(stat -c %s "$f")
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  {
    printf '\n%s: `%s`, %s MiB, best of %s\n\n' "$title" "${f#"$bench/"}" "$mb" "$n"
    printf '| reader | wall s | read s | MB/s | peak RSS MiB | records | fields | sum | notes |\n'
    printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n'
  } | tee -a "$results"
  local reader i
  for reader in "$@"; do
    local best_wall= best_read= peak=0 line= err= status=0
    for ((i = 1; i <= n; i++)); do
      log "$reader on ${f##*/} (run $i of $n)"
      status=0
      /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" "$reader" "$f" >"$work/out.txt" 2>"$work/err.txt" || status=$?
      local wall rss
      read -r wall rss < <(tail -n 1 "$work/time.txt")
      if (( rss > peak )); then peak=$rss; fi
      if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
      line=$(cat "$work/out.txt")
      err=$(head -n 1 "$work/err.txt" | sed "s/\\\\'/'/g")  # Swift's description escapes apostrophes
      if [[ -n $line ]]; then
        local s
        s=$(field seconds "$line")
        if [[ -z $best_read ]] || awk -v a="$s" -v b="$best_read" 'BEGIN { exit !(a < b) }'; then best_read=$s; fi
      fi
    done
    local records=- fields=- sum=- problems=0 longest=0 mbps=- notes=${how[$reader]}
    if [[ -n $line ]]; then
      records=$(field records "$line")
      fields=$(field fields "$line")
      sum=$(field sum "$line")
      problems=$(field problems "$line")
      longest=$(field longest "$line")
      mbps=$(awk -v b="$bytes" -v s="$best_read" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
    else
      best_read=-
    fi
    if [[ $status -ne 0 ]]; then
      notes+="; exit $status: ${err#csv-readers $reader: }"
    elif [[ $problems == -1 ]]; then
      mbps=-  # it stopped early: bytes over time would not be a rate
      notes+="; ${err#swiftcsv: }"
    elif [[ $problems -gt 0 ]]; then
      notes+="; $problems rows handed out as unterminated quotes (no fields), reading went on"
    fi
    if (( longest > 1048576 )); then
      notes+="; its longest field is $(awk -v b="$longest" 'BEGIN { printf "%.1f", b / 1048576 }') MiB: a quote that never closed took the rest of the file"
    fi
    local peak_mib
    peak_mib=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$reader" "$best_wall" "$best_read" "$mbps" "$peak_mib" "$records" "$fields" "$sum" "$notes" | tee -a "$results"
  done
}

all=(citypulse csvswift swiftcsv swiftcsv-rows)
measure "As it is" "$file" "$runs" "${all[@]}"

base=$(basename "$file" .csv)
clean=$work/$base-noquotes.csv
log "writing $clean (lines with a double quote left out)"
grep -v '"' "$file" > "$clean" || true
measure "Lines with a double quote left out" "$clean" "$runs" "${all[@]}"

if [[ $tenfold -eq 1 ]]; then
  big=$work/$base-noquotes-x10.csv
  if [[ ! -f $big || $big -ot $clean ]]; then
    log "writing $big (the header, then the rows ten times)"
    { head -n 1 "$clean"; for _ in 1 2 3 4 5 6 7 8 9 10; do tail -n +2 "$clean"; done; } > "$big"
  fi
  # swiftcsv-rows is left out here: it keeps every row, so its memory only grows further.
  measure "Ten copies of the rows" "$big" 1 citypulse csvswift swiftcsv
fi

log "tables written to $results"
