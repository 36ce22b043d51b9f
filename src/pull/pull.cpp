// pull = introspect -> code generation -> (baseline migration) -> (record it as applied).
#include "drizzle/kit/pull.hpp"

#include <future>
#include <sstream>
#include <utility>

#include "drizzle/kit/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/codegen.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/migrate.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "codegen/naming.hpp"
#include "generate/migration_folder.hpp"
#include "generate/migration_names.hpp"
#include "util/atomic_file.hpp"

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

// Snapshots are JSON, which holds UTF-8 only, and SQLite takes names of any bytes: what is not
// UTF-8 is refused before anything is written, naming where it is.
void requireUtf8(const model::Schema& s) {
    auto check = [](const std::string& what, const std::string& text) {
        if (!codegen::validUtf8(text))
            throw Error(ErrorCategory::schema,
                        printable(what) + " is not valid UTF-8, which a snapshot (JSON) cannot hold: " + printable(text),
                        "rename it (or rewrite the text) in the database as UTF-8, or leave its table out with tablesFilter");
    };
    for (const auto& t : s.tables) {
        const std::string table = "table " + t.name;
        check("the name of " + table, t.name);
        for (const auto& c : t.columns) {
            const std::string column = "column " + t.name + "." + c.name;
            check("the name of " + column, c.name);
            check("the type of " + column, c.type);
            if (c.defaultValue) check("the default of " + column, c.defaultValue->text);
            if (c.generated) check("the expression of " + column, c.generated->as);
        }
        for (const auto& i : t.indexes) {
            check("index " + i.name + " of " + table, i.name);
            for (const auto& ic : i.columns) check("index " + i.name + " of " + table, ic.expression);
            if (i.where) check("index " + i.name + " of " + table, *i.where);
        }
        for (const auto& c : t.checks) {
            check("check " + c.name + " of " + table, c.name);
            check("check " + c.name + " of " + table, c.value);
        }
        for (const auto& f : t.foreignKeys) check("foreign key " + f.name + " of " + table, f.name);
        for (const auto& u : t.uniqueConstraints) check("unique constraint " + u.name + " of " + table, u.name);
        for (const auto& p : t.compositePrimaryKeys) check("primary key " + p.name + " of " + table, p.name);
    }
    for (const auto& v : s.views) {
        check("the name of view " + v.name, v.name);
        if (v.definition) check("the definition of view " + v.name, *v.definition);
        for (const auto& c : v.columns) check("column " + v.name + "." + c.name, c.name);
    }
    for (const auto& e : s.enums) {
        check("the name of enum " + e.name, e.name);
        for (const auto& value : e.values) check("a value of enum " + e.name, value);
    }
    for (const auto& q : s.sequences) check("the name of sequence " + q.name, q.name);
}

// A file about to be replaced by different text is kept as <file>.bak: edits made to a pulled
// schema since the last pull are never lost to the next one.
bool keepPrevious(const fs::path& file, const std::string& text) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        if (ec) throw util::ioError(file, "checking for the file", ec);
        return false;
    }
    const std::string old = util::readFileOrThrow(file);
    if (old == text) return false;
    util::writeFileAtomically(file.string() + ".bak", old);
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
    // A folder with migrations is checked whole; an empty one gets the baseline.
    const MigrationHistory history = readHistory(out, config.dialect);
    const bool fresh = history.journal.entries.empty();
    if (options.init && !fresh)
        throw Error(ErrorCategory::usage, "--init: " + (out / "meta").string() + " already holds migrations",
                    "--init records a fresh baseline; pull into an empty folder, or drop --init");

    // Opening a SQLite path creates the file: pulling a mistyped path would leave an empty
    // database behind and write an empty schema.
    const std::string& url = credentials.url;
    if (config.dialect == Dialect::sqlite && !url.empty() && url != ":memory:" && url.rfind("file:", 0) != 0 &&
        !fs::exists(url))
        throw Error(ErrorCategory::connection, "no SQLite database at " + url + ": nothing to pull",
                    "check the path in dbCredentials.url or --url (relative paths are from the config's folder)");
    const auto db = driver::connect(config.dialect, credentials);
    IntrospectOptions io;
    io.schemaFilter = config.schemaFilter;
    io.tablesFilter = config.tablesFilter;
    io.migrationsTable = config.migrations.table;
    io.migrationsSchema = config.migrations.schema;
    if (config.entitiesRoles) io.roles = true;
    // Extension-owned objects (PostGIS's spatial_ref_sys, ...) are never read, which is what
    // extensionsFilters: ["postgis"] asks for.
    Introspection found;
    try {
        found = introspect(*db, io);
    } catch (const Error& e) {
        // 22021: a SQL_ASCII database holds bytes the server will not send a UTF-8 client.
        if (e.nativeCode() != "22021") throw;
        throw Error(ErrorCategory::schema,
                    "the database holds a name or text that is not valid UTF-8, which a snapshot (JSON) cannot hold: " +
                        std::string(e.what()),
                    "rename it (or rewrite the text) in the database as UTF-8, or leave its table out with tablesFilter",
                    e.nativeCode());
    }
    requireUtf8(found.schema);

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

    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec) throw util::ioError(out, "creating the folder", ec);
    util::removeStaleTemporaries(out);
    result.schemaFile = out / co.schemaFileName;
    result.relationsFile = out / "relations.hpp";
    for (const auto& [file, text] : {std::pair{result.schemaFile, &code.schema}, std::pair{result.relationsFile, &code.relations}}) {
        if (keepPrevious(file, *text)) result.keptPrevious.push_back(fs::path(file.string() + ".bak"));
        util::writeFileAtomically(file, *text);
    }

    if (fresh) {
        const WrittenMigration w = appendMigration(config, out, history.journal, snapshotJson.get(), baseline.get(),
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
