#!/usr/bin/env bash
# Runs JSON Lines batches of mixed requests through the release binary on one core (`taskset -c 0`
# when it is available, and RAYON_NUM_THREADS=1) and on every core (rayon's default pool), taking
# turns for ROUNDS rounds (default 3; MESOMIX_BENCH_ROUNDS). Reports for each the fastest and the
# median run's wall time, requests per second and peak memory (max RSS), the ratio of the two
# fastest runs and of the two medians, and fails unless every run wrote the same bytes and exit
# code. Taking turns and keeping the fastest run leaves out most of what other work on the machine
# adds to one run and not the other (on a shared virtual machine a single pair of runs can be off
# by a third either way).
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3. Each answer is about 26 KB
# of JSON, so N lines need about 2 × N × 26 KB of free space where the answers go (a round's two
# outputs are kept until they are compared; later rounds are compared with the first by checksum).
# Usage: [MESOMIX_BENCH_ROUNDS=R] benches/batch_scale.sh [LINES...]   (default: 100000 lines,
# 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/mesomix
# The answers go to memory (/dev/shm) when it is there: a disk's writeback would otherwise set
# the rate, and it varies with everything else the machine writes. MESOMIX_BENCH_DIR chooses
# another folder.
if [ -n "${MESOMIX_BENCH_DIR:-}" ]; then
    work=$(mktemp -d -p "$MESOMIX_BENCH_DIR")
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
    work=$(mktemp -d -p /dev/shm)
else
    work=$(mktemp -d)
fi
trap 'rm -rf "$work"' EXIT
rounds=${MESOMIX_BENCH_ROUNDS:-3}
lines=("$@")
[ ${#lines[@]} -gt 0 ] || lines=(100000)
pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
else
    echo "taskset not found: the one-core run uses one thread but is not pinned" >&2
fi
echo "cores: $(nproc)"

# Runs the batch with the environment and prefix given, into $work/$name.jsonl; prints
# "seconds kib exit".
run() {
    local name=$1
    shift
    local code=0
    /usr/bin/time -q -f "%e %M" -o "$work/$name.time" "$@" "$bin" formulate \
        --batch "$work/requests.jsonl" > "$work/$name.jsonl" || code=$?
    read -r secs kib < "$work/$name.time"
    echo "$secs $kib $code"
}

for n in "${lines[@]}"; do
    python3 - "$n" > "$work/requests.jsonl" <<'PY'
import sys
requests = [
    '{"goals": ["local_fat", "cellulite"], "zone": "abdomen"}',
    '{"goals": ["rejuvenation", "hydration"], "zone": "face"}',
    '{"goals": ["hair_loss"], "zone": "scalp"}',
    '{"goals": ["cellulite"], "zone": "thighs", "patient": {"conditions": ["gallstones"]}}',
    '{"goals": ["hyperpigmentation", "rejuvenation"], "zone": "face", "allow_caution": true}',
    '{"goals": ["stretch_marks", "skin_laxity"], "zone": "abdomen", "patient": {"medications": ["warfarin"]}}',
    '{"goals": ["scars", "hydration"], "zone": "face", "alternatives": 2}',
    '{"goals": ["rejuvenation"], "zone": "face", "patient": {"conditions": ["pregnancy"]}}',
]
n = int(sys.argv[1])
out = sys.stdout
for i in range(n):
    out.write(requests[i % len(requests)] + "\n")
PY
    : > "$work/serial.runs"
    : > "$work/parallel.runs"
    for ((round = 1; round <= rounds; round++)); do
        run serial env RAYON_NUM_THREADS=1 "${pin[@]}" >> "$work/serial.runs"
        run parallel env -u RAYON_NUM_THREADS >> "$work/parallel.runs"
        if [ "$(cut -d' ' -f3 "$work/serial.runs" | tail -1)" != \
            "$(cut -d' ' -f3 "$work/parallel.runs" | tail -1)" ] ||
            ! cmp -s "$work/serial.jsonl" "$work/parallel.jsonl"; then
            echo "$n requests, round $round: the one-core and every-core outputs differ" >&2
            exit 1
        fi
        sum=$(sha256sum < "$work/parallel.jsonl")
        if [ "$round" -eq 1 ]; then
            first=$sum
            out_lines=$(wc -l < "$work/parallel.jsonl")
            out_bytes=$(wc -c < "$work/parallel.jsonl")
        elif [ "$sum" != "$first" ]; then
            echo "$n requests, round $round: the output differs from round 1's" >&2
            exit 1
        fi
        rm -f "$work/serial.jsonl" "$work/parallel.jsonl"
    done
    python3 - "$n" "$work/serial.runs" "$work/parallel.runs" "$out_lines" "$out_bytes" <<'PY'
import statistics, sys
n, serial, parallel, lines, size = sys.argv[1:]
n = int(n)
def runs(path):
    # "seconds kib exit" per run, in the order they ran.
    return [(float(s), int(k), c) for s, k, c in (line.split() for line in open(path))]
one, every = runs(serial), runs(parallel)
code = one[0][2]
print(f"{n:>9} requests ({int(lines)} result lines, {int(size) / 1e9:.2f} GB, exit {code}; "
      f"identical on one core and on every core in all {len(one)} rounds)")
def line(name, rs):
    best = min(rs)
    median = statistics.median(r[0] for r in rs)
    peak = max(r[1] for r in rs) / 1024
    print(f"  {name} fastest {best[0]:6.2f} s ({n / best[0]:7,.0f} requests/s), "
          f"median {median:6.2f} s ({n / median:7,.0f}/s), peak RSS {peak:.1f} MiB")
    return best[0], median
b1, m1 = line("one core:  ", one)
bp, mp = line("every core:", every)
print(f"  ratio: {b1 / bp:.2f}x fastest to fastest, {m1 / mp:.2f}x median to median "
      f"(each round: {', '.join(f'{s[0] / p[0]:.2f}x' for s, p in zip(one, every))})")
PY
done
