# Bootstrap for the Cake runner: restores the pinned Cake.Tool, then runs build.cake.
# Usage: ./build.ps1 [--target=Default|Build|Test|Bench|...] [--configuration=Release]
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build.cake @args
exit $LASTEXITCODE
