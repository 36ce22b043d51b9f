// Dataset fidelity: a real project's schema (tests/fixtures/datasets/<dialect>/<name>/schema.sql)
// is loaded into a fresh database with the dialect's own client, rebuilt from what pull reads
// into a second fresh database, and the two are compared with the dialect's own dump tool
// (pg_dump --schema-only, mariadb-dump --no-data, sqlite3 .schema). Every object that differs
// must be one that pull reported by name as outside the model.
//
// The stages are separate so that each can be read and replaced on its own:
//   ScratchDatabase  a fresh database on the test server (or a SQLite file), dropped at the end
//   rebuild()        drizzle-kit pull, then generate from the pulled code, then migrate (rebuild.cpp)
//   dump()           the dialect's dump, cut into objects and normalised (dump_<dialect>.cpp)
//   compare()        object by object, each difference matched to a reported name (compare.cpp)
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/connection.hpp"

namespace fidelity {

struct Dataset {
    drizzle::Dialect dialect;
    std::string name;                       // the folder under tests/fixtures/datasets/<dialect>/
    std::vector<std::string> schemaFilter;  // PostgreSQL schemas the dataset creates its objects in
    std::string extraSql;                   // run after schema.sql: clauses the dataset lacks

    std::filesystem::path file() const;
};

// A fresh database of the dataset's dialect: a uniquely named database on the server the test
// suite started (DRIZZLE_TEST_PG_URL / DRIZZLE_TEST_MYSQL_URL), or a SQLite file in a scratch
// folder. Dropped (or deleted) when it goes out of scope.
class ScratchDatabase {
public:
    ScratchDatabase(drizzle::Dialect dialect, const std::string& tag);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    drizzle::Dialect dialect() const { return dialect_; }
    const std::string& url() const { return url_; }  // for the drivers and for drizzle-kit --url
    std::unique_ptr<drizzle::driver::Connection> connect() const;

    // Runs a SQL file (or text) with the dialect's own client (psql, mariadb, sqlite3), stopping
    // at the first error; throws with the client's message.
    void load(const std::filesystem::path& sqlFile) const;
    void loadText(const std::string& sql) const;
    // The dialect's own schema dump, as the tool prints it.
    std::string dumpText() const;

private:
    drizzle::Dialect dialect_;
    std::string name_, url_;
    std::filesystem::path dir_;  // SQLite: the folder holding the file
};

// What the rebuild read and reported.
struct Rebuilt {
    std::size_t tables = 0, views = 0, indexes = 0, foreignKeys = 0, enums = 0;
    std::vector<std::string> unsupported;  // as pull reports them: "<kind> <name>[ (<detail>)]"
    std::vector<std::string> notes;        // pull's other warnings: what the code could not declare
    std::size_t statementsApplied = 0;
};

// original -> `drizzle-kit pull` -> C++ schema code -> `drizzle-kit generate` into an empty
// folder -> `drizzle-kit migrate` into `empty`, which first gets the original's PostgreSQL
// extensions (the database's environment, which no migration of the model creates).
Rebuilt rebuild(const Dataset& dataset, const ScratchDatabase& original, const ScratchDatabase& empty);

// One object of a dump: a table, an index, a constraint, a function, ...
struct DumpObject {
    std::string kind;      // as the tool names it: "TABLE", "FK CONSTRAINT", "COMMENT", "trigger", ...
    std::string key;       // kind and full name, unique within a dump ("INDEX public.film_fulltext_idx")
    std::string identity;  // the dotted name reports are matched against ("public.film.film_fulltext_idx")
    std::vector<std::string> lines;  // the normalised text; a table's columns one to a line
};
using Dump = std::vector<DumpObject>;

Dump dump(const ScratchDatabase& db);
Dump parsePgDump(const std::string& text);
Dump parseMysqlDump(const std::string& text);
Dump parseSqliteDump(const std::string& text);

// The objects migrate itself adds to a database (its tracking table, PostgreSQL's "drizzle"
// schema), which are not the schema's.
bool isMigrateBookkeeping(drizzle::Dialect dialect, const DumpObject& object);

struct Difference {
    std::string kind;  // the dump object's
    std::string key;
    std::vector<std::string> onlyOriginal, onlyRebuilt;  // the lines that differ
    std::string explainedBy;                              // the reported object(s), or "" when none
    std::vector<std::string> unexplainedOriginal, unexplainedRebuilt;  // the lines no report covers
};

struct Comparison {
    std::size_t originalObjects = 0, rebuiltObjects = 0, identical = 0;
    std::vector<Difference> differences;
    std::size_t unexplained() const;
};

Comparison compare(const Dump& original, const Dump& rebuilt, const std::vector<std::string>& unsupported);

// The control for what no report explains: the original dumped with the dialect's own tool and
// restored into a third database. Where that restored copy reads back the same as the rebuilt
// one, the difference is the dialect's (PostgreSQL deparses `x = ANY ((ARRAY['a'::varchar])::text[])`
// and re-parses it as `ARRAY[('a'::varchar)::text]`), not pull's: it is accepted as such.
inline const std::string kRestoredTheSame = "the dialect's own dump and restore reads it back the same way";
void acceptWhatRestoreAlsoChanges(Comparison& comparison, const Dump& restored, const Dump& rebuilt);

// The dotted name of a report: "domain public.year" -> "public.year",
// "index musicbrainz.artist.artist_idx_name (uses function musicbrainz.f)" -> "musicbrainz.artist.artist_idx_name".
std::string reportedName(const std::string& report);

}  // namespace fidelity
