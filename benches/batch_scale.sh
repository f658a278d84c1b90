#!/usr/bin/env bash
# Runs JSON Lines batches of mixed requests through the release binary twice: on one core
# (`taskset -c 0` when it is available, and RAYON_NUM_THREADS=1), then on every core (rayon's
# default pool). Reports each run's wall time, requests per second and peak memory (max RSS),
# the ratio of the two rates, and fails unless both runs wrote the same bytes and exit code.
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3. Each answer is about 26 KB
# of JSON, so N lines need about 2 × N × 26 KB of free space where the answers go (both outputs
# are kept until they are compared).
# Usage: benches/batch_scale.sh [LINES...]   (default: 100000)
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
    read -r s1 k1 c1 < <(run serial env RAYON_NUM_THREADS=1 "${pin[@]}")
    read -r sp kp cp < <(run parallel env -u RAYON_NUM_THREADS)
    if [ "$c1" != "$cp" ] || ! cmp -s "$work/serial.jsonl" "$work/parallel.jsonl"; then
        echo "$n requests: the one-core and every-core outputs differ (exit $c1 vs $cp)" >&2
        exit 1
    fi
    out_lines=$(wc -l < "$work/parallel.jsonl")
    out_bytes=$(wc -c < "$work/parallel.jsonl")
    python3 - "$n" "$s1" "$k1" "$sp" "$kp" "$out_lines" "$out_bytes" "$cp" <<'PY'
import sys
n, s1, k1, sp, kp, lines, size, code = sys.argv[1:]
n, s1, sp = int(n), float(s1), float(sp)
print(f"{n:>9} requests ({int(lines)} result lines, {int(size) / 1e9:.2f} GB, exit {code}; "
      "identical on one core and on every core)")
print(f"  one core:   {s1:6.2f} s, {n / s1:9,.0f} requests/s, peak RSS {int(k1) / 1024:.1f} MiB")
print(f"  every core: {sp:6.2f} s, {n / sp:9,.0f} requests/s, peak RSS {int(kp) / 1024:.1f} MiB")
print(f"  ratio: {s1 / sp:.2f}x")
PY
    rm -f "$work/serial.jsonl" "$work/parallel.jsonl"
done
