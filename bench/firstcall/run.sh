#!/usr/bin/env bash
# First calls of entropy, KL, cross-entropy (10^7 doubles) and the cross-entropy loss (256 x 50,257 floats), each timed in
# fresh processes, for Shannon.dll as plain IL (the library package) and as ReadyToRun for x86-64-v3 (the tool packages'
# build, .NET's crossgen2 with the same instruction sets). BENCHMARKS.md, "First calls".
#   bench/firstcall/run.sh [--realtime] [--runs N] [--before STEP,...] [function...]
# --realtime (root only) runs the timed processes under SCHED_FIFO (chrt -f 50), so that other work on the machine
# cannot preempt them: quiet-machine figures on a busy machine. The builds run at normal priority.
set -euo pipefail
run=()
if [[ "${1:-}" == "--realtime" ]]; then
  run=(chrt -f 50)
  shift
fi
cd "$(dirname "$0")"
out="${TMPDIR:-/tmp}/shannon-firstcall"
dotnet publish -c Release -o "$out/il" -p:PublishReadyToRun=false --nologo -v quiet
dotnet publish -c Release -r linux-x64 --self-contained false -o "$out/r2r" -p:PublishReadyToRun=true \
  -p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3 --nologo -v quiet
echo "plain IL (JIT):"
"${run[@]}" "$out/il/FirstCall" "$@"
echo "ReadyToRun, x86-64-v3:"
"${run[@]}" "$out/r2r/FirstCall" "$@"
