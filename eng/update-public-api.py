#!/usr/bin/env python3
"""Brings a project's PublicAPI.Unshipped.txt in line with its code.

Builds the project with warnings reported (not failed), adds every symbol RS0016 names and drops every symbol RS0017
names, keeping the existing lines in place. `dotnet format analyzers --diagnostics RS0016` does the same in
principle, but drops the compiler-generated members of record structs when it rewrites the file.

usage: eng/update-public-api.py src/LoginPosture/LoginPosture.csproj
"""
import pathlib
import re
import subprocess
import sys

project = pathlib.Path(sys.argv[1])
unshipped = project.parent / "PublicAPI.Unshipped.txt"
build = subprocess.run(
    ["dotnet", "build", str(project), "-c", "Release", "--no-incremental", "-p:TreatWarningsAsErrors=false"],
    capture_output=True, text=True, check=False)
added = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", build.stdout))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public", build.stdout))
header, *body = unshipped.read_text(encoding="utf-8").splitlines()
kept = [line for line in body if line and line not in removed]
unshipped.write_text("\n".join([header, *kept, *sorted(added - set(kept))]) + "\n", encoding="utf-8")
print(f"{unshipped}: {len(added)} added, {len(removed)} removed")
