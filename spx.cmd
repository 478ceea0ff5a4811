@echo off
rem Runs the `spx` command from this clone (build it first with: build.ps1 --target=Build).
dotnet "%~dp0artifacts\bin\Spx.Research.Cli\release\spx.dll" %*
