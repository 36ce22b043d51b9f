// introspectPg against real PostgreSQL: a model A is created in a fresh, uniquely named database
// with ddl::createStatements(A), read back, and must be model::equivalent to A.
//
// Where the catalog cannot give back what A holds, A (and only the named field) is normalised
// before the comparison; each normalisation says why (see normaliseForCatalog).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

#include "drizzle/kit/config.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "diff_property/generator.hpp"

namespace {

namespace fs = std::filesystem;
using drizzle::model::Schema;

std::string serverUrl() {
    const char* url = std::getenv("DRIZZLE_TEST_PG_URL");
    if (url == nullptr || *url == '\0')
        throw std::runtime_error("DRIZZLE_TEST_PG_URL is not set: run `bash scripts/test.sh` (it starts PostgreSQL)");
    return url;
}

// postgres://user@host:port/db -> the same URL naming `database`.
std::string withDatabase(const std::string& url, const std::string& database) {
    auto query = url.find('?');
    std::string base = url.substr(0, query), rest = query == std::string::npos ? "" : url.substr(query);
    auto slash = base.find('/', base.find("://") + 3);
    return (slash == std::string::npos ? base : base.substr(0, slash)) + "/" + database + rest;
}

drizzle::Credentials credentials(const std::string& url) {
    drizzle::Credentials c;
    c.url = url;
    return c;
}

// A database of its own, dropped at the end.
class ScratchDb {
public:
    explicit ScratchDb(const std::string& tag) {
        admin_ = drizzle::driver::connect(drizzle::Dialect::postgresql, credentials(serverUrl()));
        static int counter = 0;
        name_ = "drizzle_introspect_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
        admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\"");
        admin_->execute("CREATE DATABASE \"" + name_ + "\"");
        db = drizzle::driver::connect(drizzle::Dialect::postgresql, credentials(withDatabase(serverUrl(), name_)));
    }
    ~ScratchDb() {
        db.reset();
        try {
            admin_->execute("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        } catch (...) {
        }
    }
    std::unique_ptr<drizzle::driver::Connection> db;

private:
    std::unique_ptr<drizzle::driver::Connection> admin_;
    std::string name_;
};

const fs::path& scratchDir() {
    struct Dir {
        fs::path path;
        Dir() {
            std::string pattern = (fs::temp_directory_path() / "drizzle_introspect_pg.XXXXXX").string();
            if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
            path = pattern;
        }
        ~Dir() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    };
    static const Dir dir;
    return dir.path;
}

Schema loadHeader(const fs::path& header, const std::string& id) {
    drizzle::kit::Config config;
    config.root = scratchDir() / id;
    fs::create_directories(config.root);
    config.dialect = drizzle::Dialect::postgresql;
    config.schema = {fs::absolute(header).string()};
    try {
        return drizzle::kit::loadSchema(config);
    } catch (const drizzle::Error& e) {
        throw std::runtime_error("loading " + header.string() + ": " + e.what() + "\nhint: " + e.hint());
    }
}

void apply(drizzle::driver::Connection& db, const Schema& model) {
    // Roles are cluster-wide: another test (or run) may have created them already.
    Schema a = model;
    a.roles.clear();
    for (const auto& r : model.roles) {
        if (r.name.starts_with("pg_") || db.query("select 1 from pg_roles where rolname = ?", {r.name}).size() > 0)
            continue;
        Schema one;
        one.roles = {r};
        try {
            db.execute(drizzle::kit::ddl::createStatements(one).front());
        } catch (const drizzle::Error&) {  // created meanwhile by a test running in parallel
            if (db.query("select 1 from pg_roles where rolname = ?", {r.name}).size() == 0) throw;
        }
    }
    for (const auto& statement : drizzle::kit::ddl::createStatements(a)) {
        try {
            db.execute(statement);
        } catch (const drizzle::Error& e) {
            throw std::runtime_error(std::string("applying the model: ") + e.what());
        }
    }
}

std::vector<std::string> schemasOf(const Schema& a) {
    std::vector<std::string> out{"public"};
    for (const auto& s : a.schemas)
        if (s != "public") out.push_back(s);
    return out;
}

drizzle::kit::IntrospectOptions optionsFor(const Schema& a) {
    drizzle::kit::IntrospectOptions o;
    o.schemaFilter = schemasOf(a);
    return o;
}

// SQL text the server stores deparsed (checks, generated columns, index predicates and
// expressions, policy expressions, expression defaults): PostgreSQL adds parentheses and casts,
// drops quotes and table qualifiers, and upper-cases keywords, so the catalog cannot return A's
// text. Two texts are taken as the same expression when they agree after removing exactly those
// differences; then A adopts the catalog's spelling. Anything else still fails the comparison.
std::string canonicalSql(std::string s, const std::string& table) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ':' && i + 1 < s.size() && s[i + 1] == ':') {  // a cast: skip the type name
            i += 2;
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == ' ' ||
                                    s[i] == '[' || s[i] == ']'))
                ++i;
            --i;
            continue;
        }
        if (c == '"' || c == '(' || c == ')' || std::isspace(static_cast<unsigned char>(c))) continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string qualifier = table;
    for (auto& ch : qualifier) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    qualifier.erase(std::remove(qualifier.begin(), qualifier.end(), '"'), qualifier.end());
    qualifier.erase(std::remove(qualifier.begin(), qualifier.end(), ' '), qualifier.end());
    qualifier += ".";
    if (table.empty()) return out;
    for (auto pos = out.find(qualifier); !qualifier.empty() && pos != std::string::npos; pos = out.find(qualifier))
        out.erase(pos, qualifier.size());
    return out;
}

// Expressions the server rewrites beyond that (by "table.object"), with the reason; A adopts the
// catalog's text for exactly these.
const std::map<std::string, std::string> kRewritten = {
    {"modifiers.modifiers_quantity_check", "PostgreSQL stores BETWEEN as >= AND <="},
};
std::string currentObject;  // "table.object" being normalised

void adopt(std::string& expected, const std::string& found, const std::string& table) {
    if (expected == found) return;
    if (canonicalSql(expected, table) == canonicalSql(found, table) || kRewritten.count(currentObject)) {
        std::cout << "deparsed " << currentObject << ": " << expected << "  ->  " << found << "\n";
        expected = found;
    }
}
void adopt(std::optional<std::string>& expected, const std::optional<std::string>& found, const std::string& table) {
    if (expected && found) adopt(*expected, *found, table);
}

// Brings A to what the catalog can say; each step names why.
Schema normaliseForCatalog(Schema a, const Schema& found, const std::string& user) {
    // Roles are cluster-wide, not part of a database: introspection reads them only when asked
    // (IntrospectOptions::roles, see ReadsRolesOnlyWhenAsked), and these tests do not ask.
    a.roles.clear();
    // An existing view is not created by the model, so the database does not have it.
    std::erase_if(a.views, [](const drizzle::model::View& v) { return v.isExisting; });
    for (auto& t : a.tables) {
        const auto* ft = found.table(t.schema, t.name);
        if (ft == nullptr) continue;
        // Drizzle enables row level security on a table with policies (ddl does the same).
        if (!t.policies.empty()) t.isRLSEnabled = true;
        for (auto& c : t.columns) {
            const auto* fc = ft->column(c.name);
            // char without a length is char(1) in PostgreSQL.
            if (c.type == "char") c.type = "char(1)";
            // drizzle-orm's string-mode timestamp spells "timestamp(6)", its date mode (and pull)
            // "timestamp (6)": the same type.
            if (c.type.starts_with("timestamp(")) c.type.insert(9, " ");
            // An array size ("varchar(10)[3]") is accepted and ignored by PostgreSQL.
            for (auto open = c.type.find('['); open != std::string::npos; open = c.type.find('[', open + 1)) {
                auto close = c.type.find(']', open);
                if (close != std::string::npos && close > open + 1) c.type.erase(open + 1, close - open - 1);
            }
            if (c.type.starts_with("char[")) c.type = "char(1)" + c.type.substr(4);
            // A numeric default is stored as text; Drizzle spells it quoted ('13.25').
            if (c.type.starts_with("numeric") && c.defaultValue &&
                c.defaultValue->kind == drizzle::model::DefaultValue::Kind::number)
                c.defaultValue = drizzle::model::DefaultValue{drizzle::model::DefaultValue::Kind::sql,
                                                              "'" + c.defaultValue->text + "'"};
            // A sequence that was never given cycle is stored as "no cycle".
            if (c.identity && !c.identity->sequence.cycle) c.identity->sequence.cycle = false;
            if (fc == nullptr) continue;
            currentObject = t.name + "." + c.name;
            if (c.generated && fc->generated) adopt(c.generated->as, fc->generated->as, t.name);
            if (c.defaultValue && fc->defaultValue && c.defaultValue->kind == drizzle::model::DefaultValue::Kind::sql)
                adopt(c.defaultValue->text, fc->defaultValue->text, t.name);
        }
        for (auto& ch : t.checks)
            for (const auto& fch : ft->checks)
                if (fch.name == ch.name) {
                    currentObject = t.name + "." + ch.name;
                    adopt(ch.value, fch.value, t.name);
                }
        // A reference into public is spelt without schemaTo, as Drizzle does.
        for (auto& fk : t.foreignKeys) {
            if (fk.schemaTo == "public" || fk.schemaTo == "") fk.schemaTo.reset();
            // No ON DELETE / ON UPDATE is NO ACTION, which the catalog states.
            if (!fk.onDelete || fk.onDelete->empty()) fk.onDelete = "no action";
            if (!fk.onUpdate || fk.onUpdate->empty()) fk.onUpdate = "no action";
        }
        for (auto& idx : t.indexes) {
            // CONCURRENTLY is how an index was built, not a property of the index.
            idx.concurrently = false;
            // No NULLS clause means PostgreSQL's default, which the catalog states: last for ASC,
            // first for DESC.
            for (auto& c : idx.columns)
                if (!c.nulls) c.nulls = c.asc ? "last" : "first";
            for (const auto& fidx : ft->indexes) {
                if (fidx.name != idx.name) continue;
                currentObject = t.name + "." + idx.name;
                adopt(idx.where, fidx.where, t.name);
                for (std::size_t i = 0; i < idx.columns.size() && i < fidx.columns.size(); ++i)
                    if (idx.columns[i].isExpression) adopt(idx.columns[i].expression, fidx.columns[i].expression, t.name);
            }
        }
        for (auto& p : t.policies) {
            // CREATE POLICY ... TO current_user stores the role current_user named then.
            for (auto& r : p.to)
                if (r == "current_user" || r == "current_role" || r == "session_user") r = user;
            for (const auto& fp : ft->policies)
                if (fp.name == p.name) {
                    currentObject = t.name + "." + p.name;
                    adopt(p.using_, fp.using_, t.name);
                    adopt(p.withCheck, fp.withCheck, t.name);
                }
        }
    }
    for (auto& v : a.views) {
        const drizzle::model::View* fv = nullptr;
        for (const auto& x : found.views)
            if (x.schema == v.schema && x.name == v.name) fv = &x;
        if (fv == nullptr) continue;
        // A view declared without columns gets them from its query.
        if (v.columns.empty()) v.columns = fv->columns;
        // A materialized view is stored with its access method, heap by default; the default
        // tablespace is stored as none.
        if (v.materialized && !v.using_) v.using_ = "heap";
        if (v.tablespace == "pg_default") v.tablespace.reset();
        // The body comes back deparsed (pg_get_viewdef), columns qualified by their table.
        if (v.definition && fv->definition) {
            auto canon = [&](std::string text) {
                for (const auto& t : a.tables) text = canonicalSql(text, t.name);
                return canonicalSql(text, "");
            };
            if (canon(*v.definition) == canon(*fv->definition)) v.definition = fv->definition;
        }
    }
    for (auto& s : a.sequences)
        if (!s.cycle) s.cycle = false;
    return a;
}

void expectEquivalent(drizzle::driver::Connection& db, const Schema& expected,
                      const drizzle::kit::Introspection& found) {
    Schema a = normaliseForCatalog(expected, found.schema, db.query("select current_user").text(0, 0));
    EXPECT_TRUE(drizzle::model::equivalent(a, found.schema)) << drizzle::kit::snapshot::firstDifference(a, found.schema);
    // A database made from a model holds nothing the model cannot say.
    for (const auto& u : found.unsupported) ADD_FAILURE() << "unsupported: " << u;
}

}  // namespace

TEST(IntrospectPg, CppBasicFixture) {
    Schema a = loadHeader(fs::path(DRIZZLE_FIXTURES_DIR) / "cpp" / "pg" / "basic.hpp", "basic");
    ScratchDb scratch("basic");
    apply(*scratch.db, a);
    auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
    expectEquivalent(*scratch.db, a, found);
}

TEST(IntrospectPg, DrizzleKitBasicSnapshot) {
    Schema a = drizzle::kit::snapshot::readFile(fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / "pg" / "basic" / "out" /
                                           "meta" / "0000_snapshot.json");
    ScratchDb scratch("kit_basic");
    apply(*scratch.db, a);
    auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
    expectEquivalent(*scratch.db, a, found);
}

TEST(IntrospectPg, IntegrationAllTypes) {
    Schema a = loadHeader(fs::path(DRIZZLE_SOURCE_DIR) / "tests" / "integration" / "pg" / "all_types.hpp", "all_types");
    ScratchDb scratch("all_types");
    scratch.db->execute("CREATE EXTENSION IF NOT EXISTS citext");
    scratch.db->execute("CREATE EXTENSION IF NOT EXISTS postgis");
    apply(*scratch.db, a);
    auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
    expectEquivalent(*scratch.db, a, found);
    for (const auto& v : found.schema.views) {
        EXPECT_FALSE(v.definition.value_or("").empty()) << v.name;
        std::cout << "view " << v.schema << "." << v.name << ": " << v.definition.value_or("") << "\n";
    }
}

TEST(IntrospectPg, DrizzleKitFullSnapshot) {
    Schema a = drizzle::kit::snapshot::readFile(fs::path(DRIZZLE_FIXTURES_DIR) / "drizzle-kit" / "pg" / "full" / "out" /
                                           "meta" / "0000_snapshot.json");
    // pgvector is not packaged for Debian 12, so no test server has vector/halfvec/sparsevec
    // (tests/integration/pg/all_types.hpp leaves it out for the same reason): those columns, and
    // indexes on them, are taken out of A before it is created.
    for (auto& t : a.tables) {
        std::set<std::string> dropped;
        std::erase_if(t.columns, [&](const drizzle::model::Column& c) {
            bool vec = c.type.starts_with("vector") || c.type.starts_with("halfvec") || c.type.starts_with("sparsevec");
            if (vec) dropped.insert(c.name);
            return vec;
        });
        std::erase_if(t.indexes, [&](const drizzle::model::Index& i) {
            for (const auto& c : i.columns)
                if (dropped.count(c.expression)) return true;
            return false;
        });
    }
    ScratchDb scratch("kit_full");
    scratch.db->execute("CREATE EXTENSION IF NOT EXISTS citext");
    scratch.db->execute("CREATE EXTENSION IF NOT EXISTS postgis");
    apply(*scratch.db, a);
    auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
    expectEquivalent(*scratch.db, a, found);
}

// Seeded random PostgreSQL schemas (the differ's property generator; every other one mutated,
// for shapes a fresh schema does not have): each created, read back, equivalent.
// DRIZZLE_PROPERTY_SCHEMAS=N changes the count (default 300).
TEST(IntrospectPg, RandomSchemasRoundTrip) {
    const char* count = std::getenv("DRIZZLE_PROPERTY_SCHEMAS");
    const int n = count && *count ? std::atoi(count) : 300;
    ScratchDb scratch("property");
    int passed = 0;
    for (int seed = 1; seed <= n; ++seed) {
        drizzle::diff_property::Rng rng(static_cast<std::uint64_t>(seed));
        Schema a = drizzle::diff_property::randomSchema(drizzle::Dialect::postgresql, rng);
        if (seed % 2 == 0) a = drizzle::diff_property::mutate(a, rng);
        std::vector<std::string> schemas = schemasOf(a);
        std::string reset = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;";
        for (const auto& s : schemas)
            if (s != "public") reset += "DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE;";
        scratch.db->execute(reset);
        apply(*scratch.db, a);
        auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
        Schema expected = normaliseForCatalog(a, found.schema, "postgres");
        if (drizzle::model::equivalent(expected, found.schema)) {
            ++passed;
        } else {
            ADD_FAILURE() << "seed " << seed << ": " << drizzle::kit::snapshot::firstDifference(expected, found.schema);
        }
        for (const auto& s : schemas)
            if (s != "public") scratch.db->execute("DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE");
    }
    std::cout << passed << "/" << n << " random schemas round-tripped\n";
}

// What the model cannot hold is listed by kind and name; the migrations table is not a table of
// the schema; tablesFilter applies.
TEST(IntrospectPg, UnsupportedObjectsMigrationsTableAndFilter) {
    ScratchDb scratch("unsupported");
    scratch.db->execute(R"(
        CREATE TABLE users (id integer PRIMARY KEY, name text);
        CREATE TABLE other (id integer);
        CREATE TABLE "__drizzle_migrations" (id serial PRIMARY KEY, hash text NOT NULL);
        CREATE SCHEMA drizzle;
        CREATE TABLE drizzle."__drizzle_migrations" (id serial PRIMARY KEY, hash text NOT NULL);
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
        CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
        CREATE TABLE measurements (at date NOT NULL) PARTITION BY RANGE (at);
        CREATE RULE users_no_delete AS ON DELETE TO users DO INSTEAD NOTHING;
        CREATE MATERIALIZED VIEW user_names AS SELECT name FROM users;
        CREATE INDEX user_names_idx ON user_names (name);
    )");
    drizzle::kit::IntrospectOptions options;
    options.tablesFilter = {"*", "!other"};
    options.schemaFilter = {"public", "drizzle"};
    auto found = drizzle::kit::introspectPg(*scratch.db, options);
    EXPECT_TRUE(found.schema.schemas.empty()) << "the migrations schema holds nothing of the schema";
    std::vector<std::string> tables;
    for (const auto& t : found.schema.tables) tables.push_back(t.name);
    EXPECT_EQ(tables, std::vector<std::string>{"users"});
    EXPECT_TRUE(found.schema.sequences.empty()) << "the migrations tables' serial sequences are theirs, not the schema's";
    std::set<std::string> unsupported(found.unsupported.begin(), found.unsupported.end());
    for (const char* expected : {"function public.touch", "trigger public.users.users_touch", "domain public.positive",
                                 "partitioned table public.measurements", "rule public.users.users_no_delete",
                                 "materialized view index public.user_names.user_names_idx"})
        EXPECT_TRUE(unsupported.count(expected)) << "not listed: " << expected;
}

// pg_get_constraintdef appends NO INHERIT and NOT VALID after a check's body: the model keeps the
// body alone (as a check declared without them), and the clauses are reported.
TEST(IntrospectPg, ChecksWithNoInheritOrNotValidKeepTheirBody) {
    ScratchDb scratch("check_clauses");
    scratch.db->execute(R"(
        CREATE TABLE orders (qty integer, note text, CONSTRAINT orders_note_check CHECK (note <> '') NO INHERIT);
        ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty > 0) NOT VALID;
    )");
    auto found = drizzle::kit::introspectPg(*scratch.db, {});
    const auto* orders = found.schema.table("", "orders");
    ASSERT_NE(orders, nullptr);
    ASSERT_EQ(orders->checks.size(), 2u);
    EXPECT_EQ(orders->checks[0].value, "(note <> ''::text)");
    EXPECT_EQ(orders->checks[1].value, "(qty > 0)");
    std::set<std::string> unsupported(found.unsupported.begin(), found.unsupported.end());
    EXPECT_EQ(unsupported, (std::set<std::string>{"check public.orders.orders_note_check (NO INHERIT)",
                                                  "check public.orders.orders_qty_check (NOT VALID)"}));
}

std::vector<std::string> namesOf(const drizzle::kit::Introspection& found) {
    std::vector<std::string> out;
    for (const auto& t : found.schema.tables) out.push_back("table " + t.name);
    for (const auto& v : found.schema.views) out.push_back((v.materialized ? "materialized view " : "view ") + v.name);
    std::sort(out.begin(), out.end());
    return out;
}

// Drizzle's tablesFilter selects views, plain and materialized, as it selects tables.
TEST(IntrospectPg, TablesFilterAppliesToViews) {
    ScratchDb scratch("filter_views");
    scratch.db->execute(R"(
        CREATE TABLE users (id integer);
        CREATE TABLE audit (id integer);
        CREATE VIEW users_names AS SELECT id FROM users;
        CREATE VIEW audit_recent AS SELECT id FROM audit;
        CREATE MATERIALIZED VIEW audit_ids AS SELECT id FROM audit;
    )");
    drizzle::kit::IntrospectOptions options;
    options.tablesFilter = {"users*"};
    EXPECT_EQ(namesOf(drizzle::kit::introspectPg(*scratch.db, options)),
              (std::vector<std::string>{"table users", "view users_names"}));
    options.tablesFilter = {"!audit_*"};
    EXPECT_EQ(namesOf(drizzle::kit::introspectPg(*scratch.db, options)),
              (std::vector<std::string>{"table audit", "table users", "view users_names"}));
}

// The model has no INCLUDE columns: an index or key that has them is kept with its key columns
// and reported, never read back silently without them.
TEST(IntrospectPg, ReportsIncludeColumnsAndKeepsTheIndex) {
    ScratchDb scratch("include");
    scratch.db->execute(R"(
        CREATE TABLE users (id integer, email text, name text,
            CONSTRAINT users_pkey PRIMARY KEY (id) INCLUDE (name),
            CONSTRAINT users_email_key UNIQUE (email) INCLUDE (id));
        CREATE INDEX users_idx ON users (name) INCLUDE (email, id);
        CREATE INDEX users_plain_idx ON users (email);
    )");
    auto found = drizzle::kit::introspectPg(*scratch.db, {});
    const auto* users = found.schema.table("", "users");
    ASSERT_NE(users, nullptr);
    ASSERT_EQ(users->indexes.size(), 2u);
    for (const auto& idx : users->indexes) {
        ASSERT_EQ(idx.columns.size(), 1u) << idx.name;
        EXPECT_EQ(idx.columns[0].expression, idx.name == "users_idx" ? "name" : "email");
    }
    ASSERT_EQ(users->uniqueConstraints.size(), 1u);
    EXPECT_EQ(users->uniqueConstraints[0].columns, std::vector<std::string>{"email"});
    ASSERT_NE(users->column("id"), nullptr);
    EXPECT_TRUE(users->column("id")->primaryKey);
    std::vector<std::string> unsupported = found.unsupported;
    std::sort(unsupported.begin(), unsupported.end());
    EXPECT_EQ(unsupported, (std::vector<std::string>{
                               "index INCLUDE columns public.users.users_idx (email, id)",
                               "primary key INCLUDE columns public.users.users_pkey (name)",
                               "unique constraint INCLUDE columns public.users.users_email_key (id)",
                           }));
}

// Roles belong to the cluster, not to the database: read only when asked (Drizzle's
// entities.roles), and never initdb's own (the bootstrap superuser, the pg_* roles).
TEST(IntrospectPg, ReadsRolesOnlyWhenAsked) {
    ScratchDb scratch("roles");
    auto& db = *scratch.db;
    const std::string role = "drizzle_introspect_role_" + std::to_string(::getpid());
    db.execute("DROP ROLE IF EXISTS \"" + role + "\"");
    db.execute("CREATE ROLE \"" + role + "\" WITH CREATEDB NOINHERIT");
    struct DropRole {
        drizzle::driver::Connection& db;
        std::string role;
        ~DropRole() {
            try {
                db.execute("DROP ROLE IF EXISTS \"" + role + "\"");
            } catch (...) {
            }
        }
    } dropRole{db, role};
    const std::string bootstrap = db.query("select rolname from pg_roles where oid = 10").text(0, 0);

    EXPECT_TRUE(drizzle::kit::introspectPg(db, {}).schema.roles.empty());

    drizzle::kit::IntrospectOptions options;
    options.roles = true;
    auto found = drizzle::kit::introspectPg(db, options);
    const drizzle::model::Role* mine = nullptr;
    for (const auto& r : found.schema.roles) {
        EXPECT_FALSE(r.name.starts_with("pg_")) << r.name;
        EXPECT_NE(r.name, bootstrap);
        if (r.name == role) mine = &r;
    }
    ASSERT_NE(mine, nullptr);
    EXPECT_EQ(mine->createDb, true);
    EXPECT_EQ(mine->createRole, false);
    EXPECT_EQ(mine->inherit, false);
}

// A policy linked to a table from outside it (Drizzle's pgPolicy(...).link(table)) is, in the
// database, a policy of that table: it comes back there.
TEST(IntrospectPg, StandalonePolicyComesBackOnItsTable) {
    Schema a;
    drizzle::model::Table users;
    users.name = "users";
    drizzle::model::Column id;
    id.name = "id";
    id.type = "integer";
    id.primaryKey = id.notNull = true;
    users.columns.push_back(id);
    users.isRLSEnabled = true;
    a.tables.push_back(users);
    drizzle::model::Policy policy;
    policy.name = "users_read";
    policy.as = "PERMISSIVE";
    policy.for_ = "SELECT";
    policy.to = {"public"};
    policy.using_ = "true";
    policy.on = "\"users\"";
    a.policies.push_back(policy);
    ScratchDb scratch("standalone_policy");
    apply(*scratch.db, a);

    auto found = drizzle::kit::introspectPg(*scratch.db, optionsFor(a));
    EXPECT_TRUE(found.schema.policies.empty());
    const auto* t = found.schema.table("", "users");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->policies.size(), 1u);
    policy.on.reset();
    EXPECT_EQ(t->policies[0], policy);
    EXPECT_TRUE(found.unsupported.empty());
}

// Many tables come back whole, read with one query per catalog (speed is measured in bench/, not
// asserted here).
TEST(IntrospectPg, ReadsEveryTableOfALargeSchema) {
    ScratchDb scratch("many");
    scratch.db->execute(
        "DO $$ BEGIN FOR i IN 1..300 LOOP EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, name "
        "varchar(64) NOT NULL DEFAULT ''x'', ref integer, CONSTRAINT t%s_name_key UNIQUE (name))', i, i); "
        "EXECUTE format('CREATE INDEX t%s_ref_idx ON t%s (ref)', i, i); END LOOP; END $$");
    auto found = drizzle::kit::introspectPg(*scratch.db, {});
    ASSERT_EQ(found.schema.tables.size(), 300u);
    const auto* t = found.schema.table("", "t300");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->columns.size(), 3u);
    EXPECT_EQ(t->columns[0].type, "serial");
    EXPECT_EQ(t->uniqueConstraints.size(), 1u);
    EXPECT_EQ(t->indexes.size(), 1u);
}
