#!/usr/bin/env bash
# Regenerate requirements.lock and requirements-dev.lock: every transitive dependency pinned with its
# hashes, from the direct pins in requirements.txt and requirements-dev.txt. Run after changing either
# (`make lock`); scripts/setup.sh installs from the locks with --require-hashes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/pip" install -q --disable-pip-version-check pip-tools==7.6.2
compile=("$tools/bin/pip-compile" -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url
  --no-emit-find-links --no-emit-trusted-host)
CUSTOM_COMPILE_COMMAND="make lock" "${compile[@]}" -o requirements.lock requirements.txt
CUSTOM_COMPILE_COMMAND="make lock" "${compile[@]}" -o requirements-dev.lock requirements-dev.txt
