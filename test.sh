#!/usr/bin/env bash
# Runs every Shannon test (library, data, language, reports, CLI) in Release.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Shannon.slnx -c Release "$@"
