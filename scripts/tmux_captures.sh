#!/bin/sh
# Runs each command of tests/cli/terminal.rs in a real terminal (tmux) at 80 and 120 columns, in
# English and Russian, and keeps what the pane shows in snapshots/terminal/. The test then checks
# that `--width N --color never` prints exactly those captures (trailing spaces aside), so the
# layout a person sees is tested on every run without needing tmux in CI.
#
# Usage: cargo build --release && sh scripts/tmux_captures.sh
set -eu
cd "$(dirname "$0")/.."
BIN="$PWD/target/release/mesomix"
OUT="$PWD/snapshots/terminal"
mkdir -p "$OUT"
tmux kill-server 2>/dev/null || true
tmux new-session -d -s keep -x 200 -y 50 "sleep 600"
tmux set-option -g history-limit 100000
capture() { # name width lang args...
  name=$1; width=$2; lang=$3; shift 3
  file="$OUT/$name.$lang.$width.txt"
  tmux new-session -d -s cap -x "$width" -y 50 \
    "env -i PATH=/usr/bin:/bin TERM=xterm-256color TZ=UTC MESOMIX_TODAY=2026-11-22 LANG=C.UTF-8 \
     $BIN $* --lang $lang --color never; echo __END__; sleep 600"
  i=0
  while ! tmux capture-pane -p -t cap | grep -q __END__; do
    i=$((i + 1)); [ $i -gt 100 ] && break; sleep 0.1
  done
  tmux capture-pane -p -J -S - -E - -t cap | sed -n '/__END__/q;p' | sed 's/[[:space:]]*$//' > "$file"
  tmux kill-session -t cap
}
while IFS='|' read -r name args; do
  [ -z "$name" ] && continue
  for width in 80 120; do
    for lang in en ru; do
      # shellcheck disable=SC2086
      capture "$name" "$width" "$lang" $args
    done
  done
done <<'LIST'
check|check lidase hyaluronic_acid --zone face
dosed|check lidocaine:20ml@2% --weight 50kg --zone face
formulate|formulate --goal hyperpigmentation --zone face
show|show lidase
explain|explain vitamin_c b12
conditions|conditions
LIST
tmux kill-server 2>/dev/null || true
echo "captures in $OUT"
