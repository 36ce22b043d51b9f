// `drizzle-kit pull` (the real binary) on databases that use what the schema model cannot hold:
// each such clause is reported by kind and name, on stderr and at the top of schema.hpp, and left
// out of the pulled schema, so that `generate` right after the pull finds nothing to do. What the
// model does hold (a SQLite column's COLLATE, wherever it is written) is declared instead. Each
// database is the Chinook dataset (tests/fixtures/datasets/<dialect>/chinook) plus the clauses,
// some on its own tables, so that a real schema shows no report beyond the expected ones.
//
// PostgreSQL and MariaDB come from scripts/test.sh (DRIZZLE_TEST_PG_URL, DRIZZLE_TEST_MYSQL_URL);
// without them these tests fail and say so. SQLite uses a file in the project folder.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "scratch_project.hpp"

using drizzle::Dialect;
using namespace drizzle::workflow;

namespace {

// Each clause beside the report pull must give for it.
const std::vector<std::string> sqliteDatabase = {
    "CREATE INDEX track_name_desc_idx ON Track (Name DESC)",
    "CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, name text NOT NULL COLLATE NOCASE, "
    "email text NOT NULL ON CONFLICT REPLACE, code text UNIQUE ON CONFLICT IGNORE)",
    "CREATE INDEX users_name_idx ON users (name DESC)",
    "CREATE INDEX users_email_idx ON users (email COLLATE NOCASE, lower(name) DESC)",
    "CREATE TABLE kv (k text PRIMARY KEY, v blob) WITHOUT ROWID",
    "CREATE TABLE notes (id integer PRIMARY KEY, body text, "
    "owner integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED) STRICT",
    "CREATE TABLE pairs (a integer, b integer, owner integer, PRIMARY KEY (a, b) ON CONFLICT ROLLBACK, "
    "UNIQUE (b) ON CONFLICT FAIL, FOREIGN KEY (owner) REFERENCES users (id) DEFERRABLE)",
    "CREATE TABLE ranks (id integer PRIMARY KEY DESC, label text)",
    "CREATE VIEW user_names (user_id, user_name) AS SELECT id, name FROM users",
};
const std::vector<std::string> sqliteReports = {
    "index track_name_desc_idx (column Name is DESC)",
    "column users.email (NOT NULL ON CONFLICT REPLACE)",
    "column users.code (UNIQUE ON CONFLICT IGNORE)",
    "index users_name_idx (column name is DESC)",
    "index users_email_idx (column email is COLLATE NOCASE)",
    "index users_email_idx (column lower(name) is DESC)",
    "table kv (WITHOUT ROWID)",
    "table notes (STRICT)",
    "foreign key notes_owner_users_id_fk (DEFERRABLE INITIALLY DEFERRED)",
    "primary key pairs (ON CONFLICT ROLLBACK)",
    "unique constraint pairs.pairs_b_unique (ON CONFLICT FAIL)",
    "foreign key pairs_owner_users_id_fk (DEFERRABLE)",
    "primary key ranks (column id is DESC)",
    "view user_names (column list (user_id, user_name))",
};

const std::vector<std::string> mysqlDatabase = {
    "ALTER TABLE `Track` COMMENT 'every song on sale'",
    "CREATE INDEX track_name_prefix_idx ON `Track` (`Name`(20))",
    "CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL COMMENT 'shown on invoices', "
    "email varchar(200) NOT NULL, secret int INVISIBLE, "
    "KEY users_name_idx (name(10)), KEY users_email_idx (email DESC) COMMENT 'for the login form', "
    "UNIQUE KEY users_email_unique (email(50)), KEY users_secret_idx (secret) IGNORED) COMMENT 'people'",
    "CREATE TABLE codes (code varchar(40) NOT NULL, PRIMARY KEY (code(8)))",
    "CREATE TABLE logs (id int PRIMARY KEY, msg text) ENGINE=MyISAM",
    "CREATE TABLE history (id int PRIMARY KEY) WITH SYSTEM VERSIONING",
    "CREATE TABLE shards (id int PRIMARY KEY) ROW_FORMAT=COMPRESSED PARTITION BY HASH (id) PARTITIONS 2",
    "CREATE SEQUENCE ticket_numbers",
    "CREATE TABLE attachments (id int PRIMARY KEY, body blob COMPRESSED)",
};
const std::vector<std::string> mysqlReports = {
    "comment on table Track",
    "index Track.track_name_prefix_idx (column Name has prefix length 20)",
    "comment on table users",
    "comment on column users.name",
    "column users.secret (INVISIBLE)",
    "index users.users_name_idx (column name has prefix length 10)",
    "index users.users_email_idx (column email is DESC)",
    "comment on index users.users_email_idx",
    "unique constraint users.users_email_unique (column email has prefix length 50)",
    "index users.users_secret_idx (IGNORED)",
    "primary key codes (column code has prefix length 8)",
    "table logs (ENGINE=MyISAM)",
    "table history (WITH SYSTEM VERSIONING)",
    "table shards (row_format=COMPRESSED partitioned)",
    "sequence ticket_numbers",
    "column attachments.body (COMPRESSED)",
};

const std::vector<std::string> pgDatabase = {
    "CREATE INDEX track_name_c_idx ON track (name COLLATE \"C\")",
    "CREATE TABLE users (id serial PRIMARY KEY, name text, email text COMPRESSION lz4, avatar text)",
    "ALTER TABLE users ALTER COLUMN avatar SET STORAGE EXTERNAL",
    "ALTER TABLE users ALTER COLUMN name SET STATISTICS 500",
    "ALTER TABLE users REPLICA IDENTITY FULL",
    "CREATE UNLOGGED TABLE sessions (token text PRIMARY KEY, user_id integer) WITH (fillfactor = 70)",
    "CREATE TABLE orders (id integer PRIMARY KEY, user_id integer, note text, qty integer, ref integer, "
    "CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) MATCH FULL ON DELETE SET NULL (user_id), "
    "CONSTRAINT orders_note_check CHECK (note <> '') NO INHERIT)",
    "ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty > 0) NOT VALID",
    "CREATE UNIQUE INDEX orders_qty_ref_idx ON orders (qty, ref) NULLS NOT DISTINCT",
    "CREATE INDEX users_email_idx ON users (email COLLATE \"C\")",
    "CREATE INDEX users_name_idx ON users (name)",
    "CLUSTER users USING users_name_idx",
    "COMMENT ON INDEX users_name_idx IS 'for the search page'",
    "COMMENT ON CONSTRAINT orders_note_check ON orders IS 'no empty notes'",
    "CREATE STATISTICS orders_qty_ref_stats ON qty, ref FROM orders",
    "ALTER TABLE users FORCE ROW LEVEL SECURITY",
    "CREATE SEQUENCE order_numbers AS integer OWNED BY orders.ref",
};
const std::vector<std::string> pgReports = {
    "index public.track.track_name_c_idx (column name is COLLATE pg_catalog.C)",
    "column public.users.email (COMPRESSION lz4)",
    "column public.users.avatar (STORAGE EXTERNAL)",
    "column public.users.name (STATISTICS 500)",
    "table public.users (REPLICA IDENTITY FULL)",
    "table public.sessions (UNLOGGED)",
    "table public.sessions (WITH (fillfactor=70))",
    "foreign key public.orders.orders_user_fk (MATCH FULL)",
    "foreign key public.orders.orders_user_fk (ON DELETE SET NULL (user_id))",
    "check public.orders.orders_note_check (NO INHERIT)",
    "check public.orders.orders_qty_check (NOT VALID)",
    "index public.orders.orders_qty_ref_idx (NULLS NOT DISTINCT)",
    "index public.users.users_email_idx (column email is COLLATE pg_catalog.C)",
    "index public.users.users_name_idx (CLUSTER)",
    "comment on index public.users_name_idx",
    "comment on constraint public.orders.orders_note_check",
    "statistics public.orders_qty_ref_stats",
    "table public.users (FORCE ROW LEVEL SECURITY)",
    "sequence public.order_numbers (AS integer)",
    "sequence public.order_numbers (OWNED BY public.orders.ref)",
};

class PullUnmodelled : public ScratchProject {
protected:
    PullUnmodelled() : ScratchProject("drizzle_unmodelled_", "drizzle/schema.hpp") {}

    void start(Dialect dialect, const std::vector<std::string>& statements) {
        ScratchProject::start(dialect);
        const std::string folder = dialect == Dialect::postgresql ? "postgres" : dialect == Dialect::mysql ? "mysql" : "sqlite";
        auto conn = db();
        conn->execute(slurp(fs::path(DRIZZLE_FIXTURES_DIR) / "datasets" / folder / "chinook" / "schema.sql"));
        for (const auto& s : statements) conn->execute(s);
    }

    // Pull, then each report is a warning and a line at the top of schema.hpp, and there is no
    // report beyond the expected ones (and, on MySQL, Chinook's own: its NVARCHAR columns'
    // utf8mb3 collation).
    void expectReported(const std::vector<std::string>& reports) {
        auto r = kit({"pull"});
        ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
        const std::string schema = read("drizzle/schema.hpp");
        const std::string header = schema.substr(0, schema.find("#pragma once"));
        for (const auto& report : reports) {
            EXPECT_NE(r.err.find("warning: not represented in the schema model: " + report + "\n"), std::string::npos)
                << "not reported: " << report << "\n" << r.err;
            EXPECT_NE(header.find("//   " + report + "\n"), std::string::npos) << "not listed in schema.hpp: " << report
                                                                              << "\n" << header;
        }
        const std::string warning = "warning: not represented in the schema model: ";
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);) {
            if (!line.starts_with(warning)) continue;
            const std::string report = line.substr(warning.size());
            const bool chinooks = dialect_ == Dialect::mysql && report.starts_with("column collation ");
            EXPECT_TRUE(chinooks || std::find(reports.begin(), reports.end(), report) != reports.end())
                << "an unexpected report: " << report;
        }
    }

    void expectGenerateFindsNothing() {
        auto pull = kit({"pull"});
        ASSERT_EQ(pull.exitCode, 0) << pull.out << pull.err;
        auto gen = kit({"generate"});
        ASSERT_EQ(gen.exitCode, 0) << gen.out << gen.err << "\n" << read("drizzle/schema.hpp");
        EXPECT_NE(gen.out.find("No schema changes"), std::string::npos) << gen.out << gen.err << "\n"
                                                                         << read("drizzle/schema.hpp");
        EXPECT_EQ(migrationFiles().size(), 1u) << "only the pull's baseline";
    }
};

}  // namespace

TEST_F(PullUnmodelled, Sqlite_EachClauseOutsideTheModelIsReportedByName) {
    start(Dialect::sqlite, sqliteDatabase);
    ASSERT_NO_FATAL_FAILURE(expectReported(sqliteReports));
    // A column's COLLATE is part of its type as the model keeps it, even written after NOT NULL.
    EXPECT_NE(read("drizzle/schema.hpp").find("\"text COLLATE NOCASE\")"), std::string::npos) << read("drizzle/schema.hpp");
}

TEST_F(PullUnmodelled, Sqlite_GenerateAfterPullFindsNoChanges) {
    start(Dialect::sqlite, sqliteDatabase);
    ASSERT_NO_FATAL_FAILURE(expectGenerateFindsNothing());
}

TEST_F(PullUnmodelled, Mysql_EachClauseOutsideTheModelIsReportedByName) {
    start(Dialect::mysql, mysqlDatabase);
    ASSERT_NO_FATAL_FAILURE(expectReported(mysqlReports));
}

TEST_F(PullUnmodelled, Mysql_GenerateAfterPullFindsNoChanges) {
    start(Dialect::mysql, mysqlDatabase);
    ASSERT_NO_FATAL_FAILURE(expectGenerateFindsNothing());
}

TEST_F(PullUnmodelled, Pg_EachClauseOutsideTheModelIsReportedByName) {
    start(Dialect::postgresql, pgDatabase);
    ASSERT_NO_FATAL_FAILURE(expectReported(pgReports));
}

TEST_F(PullUnmodelled, Pg_GenerateAfterPullFindsNoChanges) {
    start(Dialect::postgresql, pgDatabase);
    ASSERT_NO_FATAL_FAILURE(expectGenerateFindsNothing());
}
