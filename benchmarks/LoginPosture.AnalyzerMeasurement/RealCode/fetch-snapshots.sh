#!/usr/bin/env bash
# Extracts the C# files of every repository in manifest.tsv, at its recorded commit, into DIR/<folder>.
# Usage: fetch-snapshots.sh DIR    (then: dotnet run ... -- realcode --snapshots DIR)
set -euo pipefail
dir=${1:?usage: fetch-snapshots.sh DIR}
manifest="$(dirname "$0")/manifest.tsv"
mkdir -p "$dir"
grep -v '^#' "$manifest" | while IFS=$'\t' read -r folder repository commit kind; do
  [ -n "$folder" ] || continue
  if [ -d "$dir/$folder" ]; then echo "$folder: present"; continue; fi
  tmp=$(mktemp -d)
  git -C "$tmp" init -q
  git -C "$tmp" fetch -q --depth 1 "https://$repository" "$commit"
  mkdir -p "$dir/$folder"
  git -C "$tmp" archive FETCH_HEAD -- '*.cs' | tar -x -C "$dir/$folder"
  rm -rf "$tmp"
  echo "$folder: $commit"
done
