#!/usr/bin/env bash
# Runs 100,000 and 1,000,000-line JSON Lines batches through the release binary on one core and
# reports wall time, requests per second and peak memory (max RSS). Needs GNU time
# (/usr/bin/time, Debian package `time`).
# Usage: benches/batch_scale.sh [LINES...]   (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/mesomix
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lines=("$@")
[ ${#lines[@]} -gt 0 ] || lines=(100000 1000000)
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
    # One core: taskset pins the process when it is available.
    pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
    /usr/bin/time -q -f "%e %M" -o "$work/time" "${pin[@]}" "$bin" formulate --batch "$work/requests.jsonl" > "$work/out.jsonl" || true
    read -r secs kib < "$work/time"
    out_lines=$(wc -l < "$work/out.jsonl")
    python3 -c "import sys; n,s,k,o=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),int(sys.argv[4]); print(f'{n:>9} requests: {s:.2f} s, {n/s:,.0f} requests/s, peak RSS {k/1024:.1f} MiB, {o} result lines')" "$n" "$secs" "$kib" "$out_lines"
done
