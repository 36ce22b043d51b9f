#!/usr/bin/env bash
# tools/rewrite_declarations.py turns old_spelling.hpp into exactly new_spelling.hpp.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/old_spelling.hpp" "$work/schema.hpp"
python3 "$here/../../tools/rewrite_declarations.py" "$work/schema.hpp"
diff -u "$here/new_spelling.hpp" "$work/schema.hpp"
