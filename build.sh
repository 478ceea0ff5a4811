#!/usr/bin/env bash
# Bootstrap for the Cake runner: restores the pinned Cake.Tool, then runs build.cake.
# Usage: ./build.sh [--target=Default|Build|Test|Bench|...] [--configuration=Release]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
