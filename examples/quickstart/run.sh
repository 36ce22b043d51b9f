#!/usr/bin/env bash
# The quick start: declare a schema in C++ (src/db/schema.hpp), let drizzle-kit turn it into
# SQL, and create the database from it on the embedded SQLite default.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
kit=${DRIZZLE_KIT_BIN:-../../build/drizzle-kit}
db=quickstart.db

echo "== 1. The schema, declared in C++: src/db/schema.hpp"
grep -E 'table<|sqlite::(integer|text)\(' src/db/schema.hpp | sed 's/^/   /'

echo
echo "== 2. drizzle-kit export: the SQL that creates it (first run compiles the schema exporter)"
ms() { echo $(($(date +%s%N) / 1000000)); }
start=$(ms)
"$kit" export --verbose 2>&1 > schema.sql | sed 's/^/   /'
sed 's/^/   /' schema.sql
echo "   ($(($(ms) - start)) ms)"
echo "   again, with the schema unchanged:"
start=$(ms)
"$kit" export --verbose 2>&1 > /dev/null | sed 's/^/   /'
echo "   ($(($(ms) - start)) ms)"

echo
echo "== 3. Create $db from it with SQLite and look at what is there"
rm -f "$db"
sqlite3 -bail "$db" < schema.sql
sqlite3 "$db" "select type || ' ' || name from sqlite_schema where name not like 'sqlite_%' order by type, name" | sed 's/^/   /'
sqlite3 "$db" "insert into users(name, email) values ('Ada', 'ada@example.com');
               insert into tasks(title, assignee_id) values ('Write the quick start', 1);"
echo "   a row through the foreign key:"
sqlite3 -header -column "$db" "select t.id, t.title, t.done, u.name as assignee from tasks t join users u on u.id = t.assignee_id" | sed 's/^/   /'
echo
echo "Done: $(pwd)/$db holds the schema declared in src/db/schema.hpp."
