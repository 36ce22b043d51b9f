// pull = introspect -> code generation -> (baseline migration) -> (record it as applied).
#include "drizzle/kit/pull.hpp"

#include <fstream>
#include <future>
#include <sstream>
#include <utility>

#include "drizzle/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/migrate.hpp"
#include "drizzle/snapshot.hpp"
#include "generate/migration_folder.hpp"
#include "generate/migration_names.hpp"

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

// Every line commented out: the database already holds all of it. Removing the "-- " prefixes
// gives a migration that builds the schema from nothing.
std::string baselineSql(const std::vector<std::string>& statements, bool breakpoints) {
    std::string text =
        "-- The schema `drizzle-kit pull` found in the database, as the baseline of later migrations.\n"
        "-- Commented out because the database already has it; to build a new database from this\n"
        "-- migration, remove the \"-- \" at the start of each line below.\n";
    // PostgreSQL ends a -- comment at a carriage return too, so one inside a name or a text
    // starts a commented line of its own.
    std::istringstream body(ddl::joinStatements(statements, breakpoints));
    for (std::string line; std::getline(body, line);) {
        for (std::size_t cr = line.find('\r'); cr != std::string::npos; cr = line.find('\r', cr + 4)) line.insert(cr + 1, "-- ");
        text += (line.empty() ? "--" : "-- " + line) + "\n";
    }
    return text;
}

// A file about to be replaced by different text is kept as <file>.bak: edits made to a pulled
// schema since the last pull are never lost to the next one.
bool keepPrevious(const fs::path& file, const std::string& text) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream old;
    old << in.rdbuf();
    if (old.str() == text) return false;
    fs::copy_file(file, file.string() + ".bak", fs::copy_options::overwrite_existing);
    return true;
}

}  // namespace

PullResult pull(const Config& config, const Credentials& credentials, const PullOptions& options) {
    if (config.introspectCasing != "camel" && config.introspectCasing != "preserve")
        throw Error(ErrorCategory::config, "introspect.casing is \"" + config.introspectCasing + "\"",
                    "use \"camel\" (userId) or \"preserve\" (user_id)");
    for (const auto& e : config.extensionsFilters)
        if (e != "postgis")
            throw Error(ErrorCategory::config, "extensionsFilters: unknown extension \"" + e + "\"",
                        "the one Drizzle Kit knows is \"postgis\"");
    const fs::path out = config.out.is_absolute() || config.root.empty() ? config.out : config.root / config.out;
    const bool fresh = snapshotFiles(out).empty();
    if (options.init && !fresh)
        throw Error(ErrorCategory::usage, "--init: " + (out / "meta").string() + " already holds migrations",
                    "--init records a fresh baseline; pull into an empty folder, or drop --init");

    const auto db = driver::connect(config.dialect, credentials);
    IntrospectOptions io;
    io.schemaFilter = config.schemaFilter;
    io.tablesFilter = config.tablesFilter;
    io.migrationsTable = config.migrations.table;
    io.migrationsSchema = config.migrations.schema;
    if (config.entitiesRoles) io.roles = true;
    // Extension-owned objects (PostGIS's spatial_ref_sys, ...) are never read, which is what
    // extensionsFilters: ["postgis"] asks for.
    Introspection found = introspect(*db, io);

    PullResult result;
    result.unsupported = found.unsupported;
    result.tables = found.schema.tables.size();
    result.views = found.schema.views.size();
    result.enums = found.schema.enums.size();
    for (const auto& t : found.schema.tables) {
        result.foreignKeys += t.foreignKeys.size();
        result.indexes += t.indexes.size();
    }

    // The snapshot and the baseline's DDL are written while the code is generated: three pure
    // functions of the model, each a sizeable part of pulling thousands of tables.
    model::Schema snapshot = found.schema;
    snapshot.id = randomUuid();
    std::future<std::string> snapshotJson, baseline;
    if (fresh) {
        snapshotJson = std::async(std::launch::async, [&snapshot] { return snapshot::write(snapshot); });
        baseline = std::async(std::launch::async,
                              [&snapshot, &config] { return baselineSql(ddl::createStatements(snapshot), config.breakpoints); });
    }
    CodegenOptions co;
    co.casing = config.introspectCasing;
    co.unsupported = found.unsupported;
    const GeneratedCode code = generateCode(found.schema, co);
    result.notes = code.notes;

    fs::create_directories(out);
    result.schemaFile = out / co.schemaFileName;
    result.relationsFile = out / "relations.hpp";
    for (const auto& [file, text] : {std::pair{result.schemaFile, &code.schema}, std::pair{result.relationsFile, &code.relations}}) {
        if (keepPrevious(file, *text)) result.keptPrevious.push_back(fs::path(file.string() + ".bak"));
        writeAtomically(file, *text);
    }

    if (fresh) {
        const WrittenMigration w = appendMigration(config, out, snapshotJson.get(), baseline.get(),
                                                   options.baselineName.value_or(randomMigrationName()));
        result.baselineFile = w.sqlFile;
        if (options.init) {
            MigrationConfig mc;
            mc.migrationsFolder = out;
            mc.migrationsTable = config.migrations.table;
            mc.migrationsSchema = config.migrations.schema;
            result.baselineRecorded = !migrate(*db, mc).applied.empty();
        }
    }
    return result;
}

}  // namespace drizzle::kit
