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

TEST(DatasetFidelity, PgChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "chinook", {}}); }
TEST(DatasetFidelity, PgJiraRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "jira", {}}); }
TEST(DatasetFidelity, PgNorthwindRoundTripsExceptReportedObjects) {
    expectRoundTrip({Dialect::postgresql, "northwind", {}});
}
TEST(DatasetFidelity, PgPagilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "pagila", {}}); }
TEST(DatasetFidelity, PgSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::postgresql, "sakila", {}}); }
TEST(DatasetFidelity, PgMusicbrainzRoundTripsExceptReportedObjects) {
    expectRoundTrip({Dialect::postgresql, "musicbrainz", {"public", "musicbrainz"}});
}
TEST(DatasetFidelity, MysqlChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::mysql, "chinook", {}}); }
TEST(DatasetFidelity, MysqlSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::mysql, "sakila", {}}); }
TEST(DatasetFidelity, SqliteChinookRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::sqlite, "chinook", {}}); }
TEST(DatasetFidelity, SqliteSakilaRoundTripsExceptReportedObjects) { expectRoundTrip({Dialect::sqlite, "sakila", {}}); }

}  // namespace
