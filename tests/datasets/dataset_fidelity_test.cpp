// Every dataset under tests/fixtures/datasets/ round-trips through pull: loaded into a fresh
// database, read back, rebuilt in a second fresh database, and the two dumps agree except for
// objects pull reported by name as outside the model. Each test prints a summary of what it
// read, reported and compared (see fidelity.hpp for the stages).
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include "fidelity.hpp"

namespace {

using drizzle::Dialect;
using fidelity::Dataset;

std::string folderOf(Dialect d) { return d == Dialect::postgresql ? "postgres" : d == Dialect::mysql ? "mysql" : "sqlite"; }

void expectRoundTrip(const Dataset& dataset) {
    const std::string label = folderOf(dataset.dialect) + "/" + dataset.name;
    fidelity::ScratchDatabase original(dataset.dialect, dataset.name + "_original");
    fidelity::ScratchDatabase rebuiltDb(dataset.dialect, dataset.name + "_rebuilt");
    original.load(dataset.file());
    if (!dataset.extraSql.empty()) original.loadText(dataset.extraSql);
    const fidelity::Rebuilt rebuilt = fidelity::rebuild(dataset, original, rebuiltDb);
    const fidelity::Dump originalDump = fidelity::dump(original);
    fidelity::Dump rebuiltDump = fidelity::dump(rebuiltDb);
    std::erase_if(rebuiltDump, [&](const auto& o) { return fidelity::isMigrateBookkeeping(dataset.dialect, o); });
    fidelity::Comparison c = fidelity::compare(originalDump, rebuiltDump, rebuilt.unsupported);
    if (c.unexplained() > 0) {
        fidelity::ScratchDatabase restored(dataset.dialect, dataset.name + "_restored");
        restored.loadText(original.dumpText());
        fidelity::acceptWhatRestoreAlsoChanges(c, fidelity::dump(restored), rebuiltDump);
    }

    std::ostringstream summary;
    summary << "[" << label << "] read " << rebuilt.tables << " tables, " << rebuilt.views << " views, "
            << rebuilt.indexes << " indexes, " << rebuilt.foreignKeys << " foreign keys, " << rebuilt.enums
            << " enums; migrated " << rebuilt.statementsApplied << " generated statements\n";
    summary << "[" << label << "] reported outside the model: " << rebuilt.unsupported.size() << "\n";
    const auto restoredTheSame = std::count_if(c.differences.begin(), c.differences.end(), [](const auto& d) {
        return d.explainedBy == fidelity::kRestoredTheSame;
    });
    summary << "[" << label << "] dump objects: " << c.originalObjects << " original, " << c.rebuiltObjects
            << " rebuilt, " << c.identical << " identical, " << c.differences.size() << " differ ("
            << c.differences.size() - c.unexplained() - restoredTheSame << " explained by a report, "
            << restoredTheSame << " made by the dialect's own dump and restore too, " << c.unexplained()
            << " unexplained)\n";
    std::map<std::string, int> explainedKinds;
    for (const auto& d : c.differences)
        if (!d.explainedBy.empty()) ++explainedKinds[d.kind];
    if (!explainedKinds.empty()) {
        summary << "[" << label << "] explained differences by kind:";
        for (const auto& [kind, n] : explainedKinds) summary << " " << kind << " " << n << ";";
        summary << "\n";
    }
    for (const auto& r : rebuilt.unsupported) summary << "  reported: " << r << "\n";
    for (const auto& n : rebuilt.notes) summary << "  pull noted: " << n << "\n";
    for (const auto& d : c.differences)
        if (!d.explainedBy.empty()) summary << "  differs: " << d.key << "  <- " << d.explainedBy << "\n";
    std::cout << summary.str() << std::flush;

    for (const auto& d : c.differences) {
        if (!d.explainedBy.empty()) continue;
        std::string detail;
        for (const auto& l : d.onlyOriginal) detail += "\n  original: " + l;
        for (const auto& l : d.onlyRebuilt) detail += "\n  rebuilt:  " + l;
        const std::string first =
            d.unexplainedOriginal.empty() ? d.unexplainedRebuilt.front() : d.unexplainedOriginal.front();
        ADD_FAILURE() << label << ": " << d.key << " differs and no report explains it (first: " << first << ")" << detail;
    }
}

TEST(DatasetFidelity, PgChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "chinook", {}, ""}); }
TEST(DatasetFidelity, PgJiraRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "jira", {}, ""}); }
TEST(DatasetFidelity, PgNorthwindRoundTripsExceptReportedObjects) {
    expectRoundTrip({Dialect::postgresql, "northwind", {}, ""});
}
TEST(DatasetFidelity, PgPagilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "pagila", {}, ""}); }
TEST(DatasetFidelity, PgSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "sakila", {}, ""}); }
TEST(DatasetFidelity, PgMusicbrainzRoundTripsExceptReportedObjects) {
    expectRoundTrip({Dialect::postgresql, "musicbrainz", {"public", "musicbrainz"}, ""});
}
TEST(DatasetFidelity, MysqlChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::mysql, "chinook", {}, ""}); }
TEST(DatasetFidelity, MysqlSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::mysql, "sakila", {}, ""}); }
TEST(DatasetFidelity, SqliteChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::sqlite, "chinook", {}, ""}); }
TEST(DatasetFidelity, SqliteSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::sqlite, "sakila", {}, ""}); }

// Chinook plus the clauses the model has no place for, on tables of its own and of Chinook's:
// what they change in the rebuilt database is what pull reported.
TEST(DatasetFidelity, SqliteClausesOutsideTheModelRoundTripExceptReported) {
    expectRoundTrip({Dialect::sqlite, "chinook", {}, R"(
        CREATE INDEX track_name_desc_idx ON Track (Name DESC);
        CREATE TABLE users (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name text NOT NULL COLLATE NOCASE,
            email text NOT NULL ON CONFLICT REPLACE, code text,
            CONSTRAINT users_code_unique UNIQUE (code) ON CONFLICT IGNORE);
        CREATE INDEX users_email_idx ON users (email COLLATE NOCASE, lower(name) DESC);
        CREATE TABLE kv (k text PRIMARY KEY, v blob) WITHOUT ROWID;
        CREATE TABLE notes (id integer PRIMARY KEY, body text,
            owner integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED) STRICT;
        CREATE TABLE pairs (a integer, b integer, owner integer, PRIMARY KEY (a, b) ON CONFLICT ROLLBACK,
            UNIQUE (b) ON CONFLICT FAIL, FOREIGN KEY (owner) REFERENCES users (id) DEFERRABLE);
        CREATE TABLE ranks (id integer PRIMARY KEY DESC, label text);
        CREATE VIEW user_names (user_id, user_name) AS SELECT id, name FROM users;
    )"});
}
TEST(DatasetFidelity, MysqlClausesOutsideTheModelRoundTripExceptReported) {
    expectRoundTrip({Dialect::mysql, "chinook", {}, R"(
        ALTER TABLE `Track` COMMENT 'every song on sale';
        CREATE INDEX track_name_prefix_idx ON `Track` (`Name`(20));
        CREATE TABLE users (id int AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL COMMENT 'shown on invoices',
            email varchar(200) NOT NULL, secret int INVISIBLE,
            KEY users_email_idx (email DESC) COMMENT 'for the login form',
            UNIQUE KEY users_email_unique (email(50)), KEY users_secret_idx (secret) IGNORED) COMMENT 'people';
        CREATE TABLE codes (code varchar(40) NOT NULL, PRIMARY KEY (code(8)));
        CREATE TABLE logs (id int PRIMARY KEY, msg text) ENGINE=MyISAM;
        CREATE TABLE history (id int PRIMARY KEY) WITH SYSTEM VERSIONING;
        CREATE TABLE shards (id int PRIMARY KEY) ROW_FORMAT=COMPRESSED PARTITION BY HASH (id) PARTITIONS 2;
        CREATE SEQUENCE ticket_numbers;
        CREATE TABLE attachments (id int PRIMARY KEY, body blob COMPRESSED);
    )"});
}
TEST(DatasetFidelity, PgClausesOutsideTheModelRoundTripExceptReported) {
    expectRoundTrip({Dialect::postgresql, "chinook", {}, R"(
        CREATE INDEX track_name_c_idx ON track (name COLLATE "C");
        CREATE TABLE users (id serial PRIMARY KEY, name text, email text COMPRESSION lz4, avatar text);
        ALTER TABLE users ALTER COLUMN avatar SET STORAGE EXTERNAL;
        ALTER TABLE users ALTER COLUMN name SET STATISTICS 500;
        ALTER TABLE users REPLICA IDENTITY FULL;
        CREATE UNLOGGED TABLE sessions (token text PRIMARY KEY, user_id integer) WITH (fillfactor = 70);
        CREATE TABLE orders (id integer PRIMARY KEY, user_id integer, note text, qty integer, ref integer,
            CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) MATCH FULL ON DELETE SET NULL (user_id),
            CONSTRAINT orders_note_check CHECK (note <> '') NO INHERIT);
        ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty > 0) NOT VALID;
        CREATE UNIQUE INDEX orders_qty_ref_idx ON orders (qty, ref) NULLS NOT DISTINCT;
        CREATE INDEX users_name_idx ON users (name);
        CLUSTER users USING users_name_idx;
        COMMENT ON INDEX users_name_idx IS 'for the search page';
        COMMENT ON CONSTRAINT orders_note_check ON orders IS 'no empty notes';
        CREATE STATISTICS orders_qty_ref_stats ON qty, ref FROM orders;
        ALTER TABLE users FORCE ROW LEVEL SECURITY;
        CREATE SEQUENCE order_numbers AS integer OWNED BY orders.ref;
    )"});
}

}  // namespace
