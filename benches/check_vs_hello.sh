#!/usr/bin/env bash
# Wall time of `mesomix check` on the embedded catalog against a hello-world Rust binary built
# with the same release profile, each run N times (default 200) in a loop; prints the mean per
# run and the ratio.
# Usage: benches/check_vs_hello.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'fn main() { println!("hello"); }\n' > "$work/hello.rs"
rustc -C opt-level=3 -C lto -C codegen-units=1 -C strip=symbols -o "$work/hello" "$work/hello.rs"
time_runs() {
    python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
for _ in range(5):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
start = time.perf_counter()
for _ in range(runs):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print((time.perf_counter() - start) / runs * 1000)
PY
}
hello=$(time_runs "$work/hello")
check=$(time_runs target/release/mesomix check lidase hyaluronic_acid --color never)
python3 -c "import sys; h,c=float(sys.argv[1]),float(sys.argv[2]); print(f'hello world: {h:.2f} ms/run, mesomix check: {c:.2f} ms/run, ratio {c/h:.2f}x')" "$hello" "$check"
