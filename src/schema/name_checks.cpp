// The namespaces each database keeps, as measured on PostgreSQL 15 and MariaDB 10.11 (and
// MySQL 8's documented rules, which are stricter for check constraints), and SQLite's.
#include "schema/name_checks.hpp"

#include <map>
#include <tuple>

#include "drizzle/error.hpp"

namespace drizzle::detail {

namespace {

using Kind = DeclaredName::Kind;

enum class Space : std::uint8_t {
    schemas, roles,
    relations,        // PostgreSQL: tables, views, sequences, indexes (constraints' too), per schema; MySQL: tables, views
    types,            // PostgreSQL: enums and the row types of tables and views, per schema
    objects,          // SQLite: tables, views and indexes, one namespace per database
    enumValues, columns,
    constraints,      // PostgreSQL: primary key, unique, foreign key and check names, per table
    policies,
    indexes,          // MySQL: index and unique constraint names, per table
    foreignKeys,      // MySQL: foreign key names, per database
    checks,           // MySQL 8: check constraint names, per database
    checksInTable,    // MariaDB: a check's name may not be a unique's or foreign key's of its table
    snapshotUniques, snapshotForeignKeys, snapshotChecks,  // SQLite: only the snapshot keys them
};
enum class Scope : std::uint8_t { database, schema, parent };

struct Member {
    Space space;
    Scope scope;
    bool passive = false;  // clashes only with a member that is not passive
};

std::vector<Member> membership(Dialect d, Kind k) {
    switch (d) {
        case Dialect::postgresql:
            switch (k) {
                case Kind::schema: return {{Space::schemas, Scope::database}};
                case Kind::role: return {{Space::roles, Scope::database}};
                case Kind::table:
                case Kind::view:
                case Kind::materializedView: return {{Space::relations, Scope::schema}, {Space::types, Scope::schema}};
                case Kind::enum_: return {{Space::types, Scope::schema}};
                case Kind::enumValue: return {{Space::enumValues, Scope::parent}};
                case Kind::sequence:
                case Kind::identitySequence:
                case Kind::index: return {{Space::relations, Scope::schema}};
                case Kind::column: return {{Space::columns, Scope::parent}};
                case Kind::primaryKey:
                case Kind::unique: return {{Space::relations, Scope::schema}, {Space::constraints, Scope::parent}};
                case Kind::foreignKey:
                case Kind::check: return {{Space::constraints, Scope::parent}};
                case Kind::policy: return {{Space::policies, Scope::parent}};
            }
            break;
        case Dialect::sqlite:
            switch (k) {
                case Kind::table:
                case Kind::view:
                case Kind::index: return {{Space::objects, Scope::database}};
                case Kind::column: return {{Space::columns, Scope::parent}};
                case Kind::unique: return {{Space::snapshotUniques, Scope::parent}};
                case Kind::foreignKey: return {{Space::snapshotForeignKeys, Scope::parent}};
                case Kind::check: return {{Space::snapshotChecks, Scope::parent}};
                default: return {};
            }
        case Dialect::mysql:
            switch (k) {
                case Kind::table:
                case Kind::view: return {{Space::relations, Scope::database}};
                case Kind::column: return {{Space::columns, Scope::parent}};
                case Kind::index: return {{Space::indexes, Scope::parent}};
                case Kind::unique:
                    return {{Space::indexes, Scope::parent}, {Space::checksInTable, Scope::parent, true}};
                case Kind::foreignKey:
                    return {{Space::foreignKeys, Scope::database}, {Space::checksInTable, Scope::parent, true}};
                case Kind::check: return {{Space::checks, Scope::database}, {Space::checksInTable, Scope::parent}};
                default: return {};
            }
    }
    return {};
}

constexpr std::size_t pgMaxBytes = 63;     // NAMEDATALEN - 1
constexpr std::size_t mysqlMaxChars = 64;  // MySQL and MariaDB, in characters

// PostgreSQL keeps the first 63 bytes of a longer name, cut at a character boundary.
std::string pgTruncated(const std::string& s) {
    if (s.size() <= pgMaxBytes) return s;
    std::size_t n = pgMaxBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::size_t utf8Length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string asciiLower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// The name as the database compares it in that namespace.
std::string comparisonKey(Dialect d, Space space, const std::string& name) {
    switch (d) {
        case Dialect::postgresql: return space == Space::enumValues ? name : pgTruncated(name);
        case Dialect::sqlite: return space == Space::objects || space == Space::columns ? asciiLower(name) : name;
        case Dialect::mysql: return space == Space::relations ? name : asciiLower(name);
    }
    return name;
}

std::string kindName(Kind k) {
    switch (k) {
        case Kind::schema: return "schema";
        case Kind::role: return "role";
        case Kind::table: return "table";
        case Kind::view: return "view";
        case Kind::materializedView: return "materialized view";
        case Kind::enum_: return "enum";
        case Kind::enumValue: return "value";
        case Kind::sequence: return "sequence";
        case Kind::identitySequence: return "identity sequence";
        case Kind::column: return "column";
        case Kind::index: return "index";
        case Kind::primaryKey: return "primary key";
        case Kind::unique: return "unique constraint";
        case Kind::foreignKey: return "foreign key";
        case Kind::check: return "check constraint";
        case Kind::policy: return "policy";
    }
    return "object";
}

bool topLevel(Kind k) {
    return k == Kind::table || k == Kind::view || k == Kind::materializedView || k == Kind::enum_ ||
           k == Kind::sequence;
}

std::string describe(const DeclaredName& n) {
    std::string s = kindName(n.kind) + " ";
    if (topLevel(n.kind) && !n.schema.empty()) s += "\"" + n.schema + "\".";
    s += "\"" + n.name + "\"";
    if (n.derived) s += " (the name Drizzle derives)";
    if (!n.parent.empty()) s += std::string(n.kind == Kind::enumValue ? " of enum" : " of table") + " \"" + n.parent + "\"";
    if (!n.site.empty()) s += " (declared at " + n.site + ")";
    return s;
}

std::string whyOneNamespace(Dialect d, Space space, const DeclaredName& n) {
    const std::string in = n.schema.empty() ? "" : " (\"" + n.schema + "\")";
    switch (space) {
        case Space::relations:
            return d == Dialect::postgresql
                       ? "PostgreSQL keeps the names of tables, views, sequences, indexes and the indexes of primary "
                         "keys and unique constraints in one namespace per schema" + in
                       : "MySQL keeps the names of tables and views in one namespace per database";
        case Space::types:
            return "PostgreSQL keeps enums and the row types of tables and views in one namespace per schema" + in;
        case Space::objects: return "SQLite keeps the names of tables, views and indexes in one namespace per database";
        case Space::constraints: return "PostgreSQL constraint names are unique per table";
        case Space::indexes: return "MySQL index and unique constraint names are unique per table";
        case Space::foreignKeys: return "MySQL foreign key names are unique per database";
        case Space::checks: return "MySQL check constraint names are unique per database";
        case Space::checksInTable: return "MySQL refuses a check constraint named like another constraint of its table";
        case Space::columns: return "a table's columns need names the database tells apart";
        case Space::enumValues: return "an enum's values must differ";
        case Space::policies: return "PostgreSQL policy names are unique per table";
        case Space::schemas:
        case Space::roles: return "it is declared twice";
        case Space::snapshotUniques:
        case Space::snapshotForeignKeys:
        case Space::snapshotChecks: return "the snapshot keeps a table's constraints by name, so one would be lost";
    }
    return {};
}

std::string howToName(Dialect d, Kind k) {
    switch (k) {
        case Kind::foreignKey:
            return "declare the foreign key as drizzle::foreignKey(\"...\").columns<&Row::a>().foreignColumns<&Other::id>()";
        case Kind::index: return "name the index: drizzle::index(\"...\")";
        case Kind::unique: return "name the constraint: .unique(\"...\") or drizzle::unique(\"...\").on<&Row::a>()";
        case Kind::primaryKey:
            return d == Dialect::mysql ? "declare the key as drizzle::primaryKey<&Row::id>().name(\"...\")"
                                       : "name it: drizzle::primaryKey<&Row::a, &Row::b>().name(\"...\")";
        case Kind::identitySequence: return "name the sequence: .generatedAlwaysAsIdentity({}, \"...\")";
        default: return "rename it";
    }
}

[[noreturn]] void fail(std::string message, std::string hint) {
    throw Error(ErrorCategory::schema, std::move(message), std::move(hint));
}

// The rules on a name by itself: its length and the prefixes the database reserves.
void checkAlone(Dialect d, const DeclaredName& n) {
    if (d == Dialect::postgresql && n.name.size() > pgMaxBytes && (!n.derived || n.kind == Kind::enumValue))
        fail(describe(n) + " is " + std::to_string(n.name.size()) + " bytes long; PostgreSQL " +
                 (n.kind == Kind::enumValue ? "refuses enum values" : "truncates names") + " longer than 63 bytes",
             "shorten it to 63 bytes (UTF-8) or less");
    if (d == Dialect::mysql && utf8Length(n.name) > mysqlMaxChars)
        fail(describe(n) + " is " + std::to_string(utf8Length(n.name)) +
                 " characters long; MySQL refuses names longer than 64 characters",
             n.derived ? "the name is derived from the table and column names: " + howToName(d, n.kind) +
                             " with at most 64 characters"
                       : "shorten it to 64 characters or less");
    if (d == Dialect::mysql && (n.kind == Kind::index || n.kind == Kind::unique) && asciiLower(n.name) == "primary")
        fail(describe(n) + " is named PRIMARY, which MySQL reserves for the primary key", "rename it");
    if (d == Dialect::sqlite && (n.kind == Kind::table || n.kind == Kind::view || n.kind == Kind::index) &&
        asciiLower(n.name).rfind("sqlite_", 0) == 0)
        fail(describe(n) + " begins with sqlite_, which SQLite reserves for its own tables and indexes", "rename it");
    if (d == Dialect::postgresql && (n.kind == Kind::schema || n.kind == Kind::role) && n.name.rfind("pg_", 0) == 0)
        fail(describe(n) + " begins with pg_, which PostgreSQL reserves for system " +
                 (n.kind == Kind::schema ? "schemas" : "roles"),
             "rename it");
}

}  // namespace

void checkDeclaredNames(Dialect dialect, const std::vector<DeclaredName>& names) {
    using Key = std::tuple<Space, std::string, std::string>;  // space, scope, name as compared
    std::map<Key, std::vector<std::pair<const DeclaredName*, bool>>> seen;  // with its membership's passive flag
    for (const auto& n : names) {
        checkAlone(dialect, n);
        for (const Member& m : membership(dialect, n.kind)) {
            std::string scope = m.scope == Scope::database ? "" : n.schema;
            if (m.scope == Scope::parent) scope += '\0' + n.parent;
            auto& others = seen[{m.space, scope, comparisonKey(dialect, m.space, n.name)}];
            for (const auto& [other, otherPassive] : others) {
                if (m.passive && otherPassive) continue;
                std::string message = describe(*other) + " and " + describe(n);
                if (other->name == n.name)
                    message += " have the same name; " + whyOneNamespace(dialect, m.space, n);
                else if (dialect == Dialect::postgresql)
                    message += " are one name to PostgreSQL, which keeps the first 63 bytes of a name (\"" +
                               pgTruncated(n.name) + "\"); " + whyOneNamespace(dialect, m.space, n);
                else
                    message += " differ only in case, which " + std::string(traitsOf(dialect).displayName) +
                               " ignores here; " + whyOneNamespace(dialect, m.space, n);
                const DeclaredName& derived = n.derived ? n : *other;
                fail(message, derived.derived ? "rename one of them; " + derived.name + " is derived: " +
                                                     howToName(dialect, derived.kind)
                                               : "rename one of them");
            }
            others.emplace_back(&n, m.passive);
        }
    }
}

}  // namespace drizzle::detail
