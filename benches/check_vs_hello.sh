#!/usr/bin/env bash
# Wall time of `mesomix --version` and `mesomix check` on the embedded catalog against a
# hello-world Rust binary built with the same release profile and, as `build.rs` links mesomix on
# Linux with glibc, at a fixed address (`-no-pie`, which saves hello world a little too). Hello
# world is an ordinary Rust `main`, with std's runtime set-up before it; mesomix's binary is its
# own C entry point and does without that set-up's stack probe (see `src/main.rs`). The
# commands take turns, ROUNDS rounds (default 20) of RUNS runs each (default 20); for each command
# the mean per run of its fastest round is printed with its ratio to hello world (the fastest round
# is the one least disturbed by other work on the machine). Both binaries are timed as fresh copies
# made with `cp`, and mesomix also where cargo built it: how the page cache holds a file depends on
# how it was last written or read, and on Linux a file the linker has just written loads some 10 %
# slower than the same bytes just copied with `cp` (more page faults), while a file read back from
# disk after the cache dropped it lies in between. Hello world is too small to notice. With
# valgrind installed, also the instructions each executes (callgrind), which do not depend on the
# machine's load.
# Usage: benches/check_vs_hello.sh [ROUNDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
runs=${2:-20}
cargo build --release --quiet
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'fn main() { println!("hello"); }\n' > "$work/hello.rs"
fixed=()
if [ "$(uname -s)" = Linux ] && ldd --version 2>&1 | grep -qi -e glibc -e 'gnu libc'; then
    fixed=(-C link-arg=-no-pie)
fi
rustc -C opt-level=3 -C lto -C codegen-units=1 -C strip=symbols "${fixed[@]}" -o "$work/hello" \
    "$work/hello.rs"
built="$target/release/mesomix"
mkdir "$work/bin"
cp "$work/hello" "$work/bin/hello"
cp "$built" "$work/bin/mesomix"
mesomix="$work/bin/mesomix"
python3 - "$rounds" "$runs" "$work/bin/hello" "$mesomix" "$built" <<'PY'
import subprocess, sys, time
rounds, runs, hello, mesomix, built = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:]
check = ["check", "lidase", "hyaluronic_acid", "--color", "never"]
commands = {
    "hello world": [hello],
    "mesomix --version": [mesomix, "--version"],
    "mesomix check": [mesomix, *check],
    "mesomix check, as built in the target directory": [built, *check],
}
def run(cmd):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for cmd in commands.values():
    for _ in range(5):
        run(cmd)
best = {name: float("inf") for name in commands}
for _ in range(rounds):
    for name, cmd in commands.items():
        start = time.perf_counter()
        for _ in range(runs):
            run(cmd)
        best[name] = min(best[name], (time.perf_counter() - start) / runs * 1000)
for name in commands:
    print(f"{name}: {best[name]:.2f} ms/run, {best[name] / best['hello world']:.2f}x hello world")
PY
if command -v valgrind >/dev/null; then
    for cmd in "$work/hello" "$mesomix --version" \
        "$mesomix check lidase hyaluronic_acid --color never"; do
        # `check` exits 1 for an incompatible pair: its status is not the point here.
        count=$( (valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null ||
            true) | sed -n 's/.*Collected : //p')
        echo "instructions: $count  ${cmd#"$work/"}"
    done
fi
