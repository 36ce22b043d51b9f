#!/usr/bin/env bash
# The quick start, on the embedded SQLite default: declare a schema in C++ (src/db/schema.hpp),
# let drizzle-kit write a migration from it, apply it, use the database, then change the schema
# and let drizzle-kit write and apply the next migration.
#
# It works on a scratch copy of this folder (build/quickstart by default), so every run shows the
# whole workflow from nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kit=${DRIZZLE_KIT_BIN:-$here/../../build/drizzle-kit}
app=${DRIZZLE_QUICKSTART_APP:-$(dirname "$kit")/quickstart-app}
work=${DRIZZLE_QUICKSTART_DIR:-$here/../../build/quickstart}
ms() { echo $(($(date +%s%N) / 1000000)); }
indent() { sed 's/^/   /'; }

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
cp -r "$here/src" "$here/drizzle.config.json" "$work/"
cd "$work"

echo "== 1. The schema, declared in C++ (src/db/schema.hpp)"
grep -E 'table<|sqlite::(integer|text)<' src/db/schema.hpp | indent

echo
echo "== 2. drizzle-kit generate: the first migration (the first run compiles the schema exporter)"
start=$(ms)
"$kit" generate --name init | indent
echo "   ($(($(ms) - start)) ms)"
sed 's/^/   | /' drizzle/0000_init.sql
echo

echo "== 3. drizzle-kit migrate: apply it to quickstart.db"
"$kit" migrate | indent
echo
echo "== 4. The application (src/main.cpp) inserts and queries through the typed API"
grep -E 'db\.(insert|select|query|update)|count\(' src/main.cpp | sed 's/^ */   /'
echo "   output:"
"$app" quickstart.db | indent

echo
echo "== 5. Change the schema: tasks get an 'importance' column and an index on it"
sed -i 's|^    drizzle::Defaulted<bool> done;.*|&\n    std::optional<std::int64_t> importance;|' src/db/schema.hpp
sed -i 's|    sqlite::integer<&Task::done>("done").notNull().default_(false),|&\n    sqlite::integer<\&Task::importance>("importance"),|' src/db/schema.hpp
sed -i 's|    sqlite::index("tasks_assignee_idx").on<&Task::assigneeId>(),|&\n    sqlite::index("tasks_importance_idx").on<\&Task::importance>(),|' src/db/schema.hpp
grep -n 'importance' src/db/schema.hpp | indent
start=$(ms)
"$kit" generate --name add_importance | indent
echo "   ($(($(ms) - start)) ms)"
sed 's/^/   | /' drizzle/0001_add_importance.sql
echo
"$kit" migrate | indent
sqlite3 quickstart.db "update tasks set importance = 3 where id = 1"  # the app's build predates the column
sqlite3 -header -column quickstart.db "select id, title, importance from tasks" | indent

echo
echo "== 6. Nothing left to do"
"$kit" generate | indent
"$kit" migrate | indent
echo
echo "Done: $work/quickstart.db is at the schema declared in src/db/schema.hpp,"
echo "      with its history in $work/drizzle/ (Drizzle Kit's format)."
