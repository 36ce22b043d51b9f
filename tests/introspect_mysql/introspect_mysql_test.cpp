// introspectMysql against a real MariaDB (DRIZZLE_TEST_MYSQL_URL, set by scripts/test.sh): a C++
// fixture schema (model A, loaded the way the CLI loads a project's schema) is applied with
// kit::ddl::createStatements to a fresh, uniquely named database, the database is introspected, and
// the result must be model::equivalent to A.
//
// Where the catalog cannot return what A holds, A is normalised the same way before comparing
// (normaliseLikeTheCatalog, each step with its reason); the introspected side is only touched
// where both sides are canonicalised alike (server-rewritten SQL text).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <string>

#include "drizzle/kit/config.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/introspect.hpp"
#include "introspect/dialects.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/model/model.hpp"
#include "drizzle/kit/snapshot.hpp"
#include "diff_property/generator.hpp"

namespace {

namespace fs = std::filesystem;
using namespace drizzle;
using kit::Config;
using model::Schema;

std::string serverUrl() {
    const char* url = std::getenv("DRIZZLE_TEST_MYSQL_URL");
    if (!url || !*url) return "";
    return url;
}

std::string withDatabase(const std::string& url, const std::string& database) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return url + "/" + database;
    auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : url.substr(query));
}

Credentials credentials(const std::string& url) {
    Credentials c;
    c.url = url;
    return c;
}

Schema loadFixture(const std::string& header, const std::string& tag) {
    Config config;
    config.root = fs::temp_directory_path() / ("drizzle_introspect_mysql_" + std::to_string(::getuid())) / tag;
    fs::create_directories(config.root);
    config.dialect = Dialect::mysql;
    config.schema = {(fs::path(DRIZZLE_SOURCE_DIR) / header).string()};
    return kit::loadSchema(config);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Server-rewritten SQL (generated columns, checks) compared in a canonical form: no quoting, no
// table qualifiers, lower case, MariaDB's lcase/ucase spelled lower/upper, single spaces.
std::string canonicalSql(std::string text, const std::string& table) {
    std::string qualifier = "`" + table + "`.";
    for (auto p = text.find(qualifier); p != std::string::npos; p = text.find(qualifier, p)) text.erase(p, qualifier.size());
    text.erase(std::remove(text.begin(), text.end(), '`'), text.end());
    text = lower(text);
    text = std::regex_replace(text, std::regex(R"(\blcase\()"), "lower(");
    text = std::regex_replace(text, std::regex(R"(\bucase\()"), "upper(");
    text = std::regex_replace(text, std::regex(R"(\s+)"), " ");
    return text;
}

void canonicaliseSqlText(Schema& s) {
    for (auto& t : s.tables) {
        for (auto& c : t.columns)
            if (c.generated) c.generated->as = canonicalSql(c.generated->as, t.name);
        for (auto& k : t.checks) k.value = canonicalSql(k.value, t.name);
    }
}

// Optional flags whose absence and false mean the same.
void canonicaliseFlags(Schema& s) {
    for (auto& t : s.tables)
        for (auto& c : t.columns) {
            if (!c.autoincrement) c.autoincrement = false;
            if (c.onUpdate && !*c.onUpdate) c.onUpdate.reset();
        }
}

// A as the catalog can give it back.
void normaliseLikeTheCatalog(Schema& a) {
    // An existing view is not created by the DDL, so the database has none.
    std::erase_if(a.views, [](const model::View& v) { return v.isExisting; });
    for (auto& t : a.tables) {
        for (auto& c : t.columns) {
            // MariaDB stores REAL as DOUBLE ("real(6, 2)" -> "double(6,2)").
            if (c.type.starts_with("real")) {
                c.type = "double" + c.type.substr(4);
                c.type = std::regex_replace(c.type, std::regex(R"(,\s+)"), ",");
            }
            // CURRENT_TIMESTAMP, now() and (now()) are one default to the server, which spells it
            // current_timestamp(); introspection reports Drizzle's defaultNow() spelling.
            if (c.defaultValue && c.defaultValue->kind == model::DefaultValue::Kind::sql &&
                std::regex_match(c.defaultValue->text,
                                 std::regex(R"(^\(?(current_timestamp|now)(\(\d*\))?\)?$)", std::regex::icase)))
                c.defaultValue->text = "(now())";
            // A decimal default is stored at the column's scale (10.25 in decimal(12,4) is
            // 10.2500) and as text: the DSL and introspection spell it quoted.
            if (c.type.starts_with("decimal") && c.defaultValue &&
                c.defaultValue->kind == model::DefaultValue::Kind::number) {
                std::string number = c.defaultValue->text;
                std::smatch scale;
                if (std::regex_search(c.type, scale, std::regex(R"(,\s*(\d+)\))"))) {
                    auto digits = static_cast<std::size_t>(std::stoi(scale[1]));
                    auto dot = number.find('.');
                    if (dot == std::string::npos && digits > 0) number += ".", dot = number.size() - 1;
                    if (dot != std::string::npos) number.append(digits - std::min(digits, number.size() - dot - 1), '0');
                }
                c.defaultValue = model::DefaultValue{model::DefaultValue::Kind::sql, "'" + number + "'"};
            }
        }
        // The server keeps no primary key flag apart from the key itself, which introspection
        // reports as a (possibly one-column) composite key.
        for (auto& c : t.columns) {
            if (c.primaryKey && t.compositePrimaryKeys.empty()) t.compositePrimaryKeys.push_back({"", {c.name}});
            c.primaryKey = false;
        }
        // Every MySQL primary key is named PRIMARY; introspection names it `<table>_<columns>`.
        for (auto& pk : t.compositePrimaryKeys) {
            pk.name = t.name;
            for (const auto& c : pk.columns) pk.name += "_" + c;
        }
        // No ON DELETE / ON UPDATE is the server's default, which MariaDB reports as RESTRICT.
        for (auto& fk : t.foreignKeys) {
            if (!fk.onDelete || fk.onDelete->empty()) fk.onDelete = "restrict";
            if (!fk.onUpdate || fk.onUpdate->empty()) fk.onUpdate = "restrict";
        }
        // A unique index and a unique constraint are one object on the server.
        for (const auto& idx : t.indexes)
            if (idx.isUnique) {
                model::Unique u;
                u.name = idx.name;
                for (const auto& c : idx.columns) u.columns.push_back(c.expression);
                std::erase_if(t.uniqueConstraints, [&](const model::Unique& x) { return x.name == u.name; });
                t.uniqueConstraints.push_back(u);
            }
        std::erase_if(t.indexes, [](const model::Index& i) { return i.isUnique; });
        // USING is not observable on InnoDB (always BTREE in STATISTICS); ALGORITHM and LOCK are
        // options of the CREATE INDEX statement, not stored.
        for (auto& idx : t.indexes) {
            idx.using_.reset();
            idx.algorithm.reset();
            idx.lock.reset();
            // Drizzle Kit's MySQL snapshots list index columns as bare names and the kit's MySQL DDL
            // writes no ASC/DESC (as Drizzle Kit), so every key part it creates is ascending.
            for (auto& c : idx.columns) c.asc = true;
        }
    }
}

// View definitions and column lists come back as the server rewrote and derived them
// (`select `organizations`.`id` AS `id` ...`, count(*) typed bigint); after checking that each
// view came back with a definition, A takes the catalog's text and columns for them.
void adoptViewBodies(Schema& a, const Schema& found) {
    for (auto& v : a.views) {
        auto it = std::find_if(found.views.begin(), found.views.end(), [&](const auto& f) { return f.name == v.name; });
        if (it == found.views.end()) continue;  // equivalent() reports the missing view
        EXPECT_TRUE(it->definition && !it->definition->empty()) << "view " << v.name << " has no definition";
        EXPECT_NE(lower(it->definition.value_or("")).find("select"), std::string::npos) << v.name;
        v.definition = it->definition;
        v.columns = it->columns;
    }
}

class MysqlDatabase {
public:
    explicit MysqlDatabase(const std::string& tag)
        : name_("drizzle_introspect_" + std::to_string(::getpid()) + "_" + tag) {
        admin_ = driver::connect(Dialect::mysql, credentials(serverUrl()));
        admin_->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        admin_->execute("CREATE DATABASE `" + name_ + "`");
        db_ = driver::connect(Dialect::mysql, credentials(withDatabase(serverUrl(), name_)));
    }
    // Empty again, on the same connection.
    void reset() {
        admin_->execute("DROP DATABASE `" + name_ + "`");
        admin_->execute("CREATE DATABASE `" + name_ + "`");
        db_->execute("USE `" + name_ + "`");
    }
    ~MysqlDatabase() {
        db_.reset();
        try {
            admin_->execute("DROP DATABASE IF EXISTS `" + name_ + "`");
        } catch (...) {
        }
    }
    driver::Connection& db() { return *db_; }
    const std::string& name() const { return name_; }

private:
    std::string name_;
    std::unique_ptr<driver::Connection> admin_, db_;
};

struct Case {
    std::string tag, header;
    std::vector<std::string> dropIndexes;  // "table.index": what MariaDB cannot create
};

void roundTrip(const Case& c) {
    ASSERT_FALSE(serverUrl().empty())
        << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh` (or `source scripts/lib/servers.sh && "
           "drizzle_start_servers`), which starts MariaDB and sets it";
    Schema a = loadFixture(c.header, c.tag);
    for (const auto& drop : c.dropIndexes) {
        auto dot = drop.find('.');
        bool dropped = false;
        for (auto& t : a.tables)
            if (t.name == drop.substr(0, dot))
                dropped = std::erase_if(t.indexes, [&](const model::Index& i) { return i.name == drop.substr(dot + 1); }) > 0;
        ASSERT_TRUE(dropped) << "stale entry: " << drop;
    }

    MysqlDatabase database(c.tag);
    for (const auto& statement : kit::ddl::createStatements(a)) {
        try {
            database.db().execute(statement);
        } catch (const std::exception& e) {
            FAIL() << "applying A failed: " << e.what();
        }
    }
    // Never part of the schema.
    database.db().execute("CREATE TABLE `__drizzle_migrations` (id serial primary key, hash text)");

    kit::Introspection found = kit::introspectMysql(database.db(), {});
    // A database made from a model holds nothing the model cannot say.
    for (const auto& u : found.unsupported) ADD_FAILURE() << "unsupported: " << u;

    normaliseLikeTheCatalog(a);
    adoptViewBodies(a, found.schema);
    Schema b = found.schema;
    canonicaliseSqlText(a);
    canonicaliseSqlText(b);
    canonicaliseFlags(a);
    canonicaliseFlags(b);
    EXPECT_TRUE(model::equivalent(a, b)) << kit::snapshot::firstDifference(a, b) << "\n--- introspected:\n"
                                         << kit::snapshot::write(found.schema);
    ASSERT_FALSE(b.tables.empty());
    if (std::getenv("DRIZZLE_INTROSPECT_DUMP")) std::cout << kit::snapshot::write(found.schema) << "\n";
    // The comparison has teeth: one changed column type is a difference.
    b.tables.front().columns.front().type += " unsigned";
    EXPECT_FALSE(model::equivalent(a, b));
}

TEST(IntrospectMysql, BasicFixtureRoundTrips) { roundTrip({"basic", "tests/fixtures/cpp/mysql/basic.hpp", {}}); }

// MariaDB has no functional key parts (MySQL 8.0.13+ has), so full.hpp's
// organizations_lower_name_idx on (lower(`name`)) cannot be created there.
TEST(IntrospectMysql, FullFixtureRoundTrips) {
    roundTrip({"full", "tests/fixtures/cpp/mysql/full.hpp", {"organizations.organizations_lower_name_idx"}});
}

TEST(IntrospectMysql, AllTypesIntegrationSchemaRoundTrips) {
    roundTrip({"all_types", "tests/integration/mysql/all_types.hpp", {}});
}

// Seeded random MySQL schemas (the differ's property generator; every other one mutated, for
// shapes a fresh schema does not have): each created, read back, equivalent.
// DRIZZLE_PROPERTY_SCHEMAS=N changes the count (default 250).
TEST(IntrospectMysql, RandomSchemasRoundTrip) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    const char* count = std::getenv("DRIZZLE_PROPERTY_SCHEMAS");
    const int n = count && *count ? std::atoi(count) : 250;
    MysqlDatabase database("property");
    int passed = 0, failures = 0, seed = 1;
    for (; seed <= n && failures < 5; ++seed) {
        diff_property::Rng rng(static_cast<std::uint64_t>(seed));
        Schema a = diff_property::randomSchema(Dialect::mysql, rng);
        if (seed % 2 == 0) a = diff_property::mutate(a, rng);
        std::string problem;
        try {
            database.reset();
            for (const auto& statement : kit::ddl::createStatements(a)) database.db().execute(statement);
            kit::Introspection found = kit::introspectMysql(database.db(), {});
            Schema expected = a, b = found.schema;
            normaliseLikeTheCatalog(expected);
            canonicaliseSqlText(expected);
            canonicaliseSqlText(b);
            canonicaliseFlags(expected);
            canonicaliseFlags(b);
            if (!model::equivalent(expected, b)) problem = kit::snapshot::firstDifference(expected, b);
            for (const auto& u : found.unsupported) problem += "\nunsupported: " + u;
        } catch (const std::exception& e) {
            problem = e.what();
        }
        if (problem.empty()) {
            ++passed;
        } else {
            ++failures;
            ADD_FAILURE() << "seed " << seed << ": " << problem << "\n--- A\n" << kit::snapshot::write(a);
        }
    }
    std::cout << passed << "/" << seed - 1 << " random schemas round-tripped\n";
}

TEST(IntrospectMysql, ReportsTriggersRoutinesAndEventsAsUnsupported) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    MysqlDatabase database("unsupported");
    auto& db = database.db();
    db.execute("CREATE TABLE t (id int primary key, n int)");
    db.execute("CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1");
    db.execute("CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2");
    db.execute("CREATE PROCEDURE noop() BEGIN END");
    db.execute("CREATE EVENT tick ON SCHEDULE EVERY 1 DAY DO DELETE FROM t WHERE id < 0");
    auto found = kit::introspectMysql(db, {});
    std::vector<std::string> expected{"trigger t_bump", "function twice", "procedure noop", "event tick"};
    std::sort(expected.begin(), expected.end());
    auto got = found.unsupported;
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected);
    ASSERT_EQ(found.schema.tables.size(), 1u);

    kit::IntrospectOptions notT;
    notT.tablesFilter = {"!t"};
    auto filtered = kit::introspectMysql(db, notT);
    EXPECT_TRUE(filtered.schema.tables.empty());
}

std::vector<std::string> namesOf(const kit::Introspection& found) {
    std::vector<std::string> out;
    for (const auto& t : found.schema.tables) out.push_back("table " + t.name);
    for (const auto& v : found.schema.views) out.push_back("view " + v.name);
    std::sort(out.begin(), out.end());
    return out;
}

// Drizzle's tablesFilter selects views as it selects tables.
TEST(IntrospectMysql, TablesFilterAppliesToViews) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    MysqlDatabase database("filter_views");
    auto& db = database.db();
    db.execute(
        "CREATE TABLE users (id int primary key); CREATE TABLE audit (id int primary key);"
        "CREATE VIEW users_names AS SELECT id FROM users; CREATE VIEW audit_recent AS SELECT id FROM audit");
    kit::IntrospectOptions options;
    options.tablesFilter = {"users*"};
    EXPECT_EQ(namesOf(kit::introspectMysql(db, options)), (std::vector<std::string>{"table users", "view users_names"}));
    options.tablesFilter = {"!audit_*"};
    EXPECT_EQ(namesOf(kit::introspectMysql(db, options)),
              (std::vector<std::string>{"table audit", "table users", "view users_names"}));
}

// The database qualifier MySQL adds to a view's text is taken out of the SQL only: a literal
// that spells it, or holds an unbalanced parenthesis, keeps its bytes.
TEST(IntrospectMysql, ViewTextKeepsLiteralsThatSpellTheDatabaseQualifier) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    MysqlDatabase database("view_literals");
    auto& db = database.db();
    const std::string literal = "see `" + database.name() + "`.users (or not";
    db.execute("CREATE TABLE users (id int primary key)");
    db.execute("CREATE VIEW noted AS SELECT id, '" + literal + "' AS note FROM users");
    const auto found = kit::introspectMysql(db, {});
    ASSERT_EQ(found.schema.views.size(), 1u);
    const std::string& text = *found.schema.views[0].definition;
    EXPECT_NE(text.find(literal), std::string::npos) << text;
    EXPECT_EQ(text.find("`" + database.name() + "`.`users`"), std::string::npos) << text;
    EXPECT_NE(text.find("from `users`"), std::string::npos) << text;
}

// What the fixtures do not declare: hand-written DDL the way a database found in the wild has it.
TEST(IntrospectMysql, NormalisesHandWrittenDdl) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    MysqlDatabase database("handwritten");
    auto& db = database.db();
    db.execute(
        "CREATE TABLE parent (id SERIAL, code char(1) NOT NULL, amount decimal(10,0) DEFAULT 7, "
        "  flag boolean NOT NULL DEFAULT TRUE, note text DEFAULT NULL, label varchar(10) DEFAULT 'NULL', "
        "  stamp datetime(6) DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6), "
        "  doc json DEFAULT '[]', n int(11) CHECK (n > 0), "
        "  KEY parent_desc_idx (code DESC, id), KEY parent_hash_idx (n) USING HASH)");
    db.execute(
        "CREATE TABLE child (id int NOT NULL, parent_id bigint unsigned, KEY child_parent_idx (parent_id), "
        "  PRIMARY KEY (id), CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) "
        "  ON DELETE SET NULL ON UPDATE NO ACTION)");
    auto found = kit::introspectMysql(db, {});
    const auto* parent = found.schema.table("", "parent");
    ASSERT_NE(parent, nullptr);
    auto column = [&](const char* name) {
        const auto* c = parent->column(name);
        EXPECT_NE(c, nullptr) << name;
        return c ? *c : model::Column{};
    };
    // SERIAL without a primary key: its unique key belongs to the type.
    EXPECT_EQ(column("id").type, "serial");
    EXPECT_TRUE(parent->uniqueConstraints.empty());
    EXPECT_TRUE(parent->compositePrimaryKeys.empty());
    EXPECT_EQ(column("code").type, "char");
    EXPECT_EQ(column("amount").type, "decimal");
    EXPECT_EQ(column("amount").defaultValue, (model::DefaultValue{model::DefaultValue::Kind::sql, "'7'"}));
    EXPECT_EQ(column("flag").type, "boolean");
    EXPECT_EQ(column("flag").defaultValue, (model::DefaultValue{model::DefaultValue::Kind::boolean, "true"}));
    EXPECT_FALSE(column("note").defaultValue);  // DEFAULT NULL is no default
    EXPECT_EQ(column("label").defaultValue, (model::DefaultValue{model::DefaultValue::Kind::sql, "'NULL'"}));
    EXPECT_EQ(column("stamp").defaultValue, (model::DefaultValue{model::DefaultValue::Kind::sql, "(now())"}));
    EXPECT_TRUE(column("stamp").onUpdate.value_or(false));
    EXPECT_EQ(column("doc").type, "json");
    EXPECT_EQ(column("doc").defaultValue, (model::DefaultValue{model::DefaultValue::Kind::sql, "('[]')"}));
    EXPECT_EQ(column("n").type, "int");
    // The user's column check stays; MariaDB's json_valid check on `doc` does not.
    ASSERT_EQ(parent->checks.size(), 1u);
    EXPECT_EQ(parent->checks[0].name, "n");
    EXPECT_EQ(parent->checks[0].value, "`n` > 0");
    ASSERT_EQ(parent->indexes.size(), 2u);
    const auto& idx = parent->indexes[0];
    EXPECT_EQ(idx.name, "parent_desc_idx");
    ASSERT_EQ(idx.columns.size(), 2u);
    // The model has no key part order: DESC is reported instead.
    EXPECT_TRUE(idx.columns[0].asc);
    EXPECT_NE(std::find(found.unsupported.begin(), found.unsupported.end(),
                        "index parent.parent_desc_idx (column code is DESC)"),
              found.unsupported.end());
    // USING HASH is not observable in information_schema: InnoDB builds a B-tree and STATISTICS
    // says BTREE (only SHOW CREATE TABLE, one statement per table, repeats the declaration).
    EXPECT_EQ(parent->indexes[1].name, "parent_hash_idx");
    EXPECT_FALSE(parent->indexes[1].using_);

    const auto* child = found.schema.table("", "child");
    ASSERT_NE(child, nullptr);
    ASSERT_EQ(child->compositePrimaryKeys.size(), 1u);
    EXPECT_EQ(child->compositePrimaryKeys[0].name, "child_id");
    ASSERT_EQ(child->foreignKeys.size(), 1u);
    EXPECT_EQ(child->foreignKeys[0].name, "child_parent_fk");
    EXPECT_EQ(child->foreignKeys[0].onDelete, "set null");
    EXPECT_EQ(child->foreignKeys[0].onUpdate, "no action");
    // The user's index serves the foreign key, so the server made none of its own.
    ASSERT_EQ(child->indexes.size(), 1u);
    EXPECT_EQ(child->indexes[0].name, "child_parent_idx");
}

// Every information_schema view is read once for the whole database (per-table queries would not
// scale); this checks that many tables come back whole. Speed is measured in bench/, not here.
TEST(IntrospectMysql, ReadsEveryTableOfALargeSchema) {
    ASSERT_FALSE(serverUrl().empty()) << "DRIZZLE_TEST_MYSQL_URL is not set: run `bash scripts/test.sh`";
    MysqlDatabase database("many");
    auto& db = database.db();
    constexpr int kTables = 150;
    std::string ddl = "CREATE TABLE t0 (id int primary key auto_increment, name varchar(50));";
    for (int i = 1; i < kTables; ++i) {
        std::string n = std::to_string(i), prev = std::to_string(i - 1);
        ddl += "CREATE TABLE t" + n +
               " (id int primary key auto_increment, ref int, name varchar(50) not null default 'x', data json, "
               "created timestamp default current_timestamp on update current_timestamp, "
               "unique key t" + n + "_name_unique (name), key t" + n + "_idx (ref, name), "
               "constraint t" + n + "_check check (ref > 0), constraint t" + n + "_fk foreign key (ref) references t" +
               prev + "(id) on delete cascade);";
    }
    db.execute(ddl);
    auto found = kit::introspectMysql(db, {});
    ASSERT_EQ(found.schema.tables.size(), static_cast<std::size_t>(kTables));
    const auto* t = found.schema.table("", "t7");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->columns.size(), 5u);
    EXPECT_EQ(t->columns[3].type, "json");
    EXPECT_TRUE(t->columns[4].onUpdate.value_or(false));
    EXPECT_EQ(t->checks.size(), 1u);
    EXPECT_EQ(t->indexes.size(), 1u);
    EXPECT_EQ(t->uniqueConstraints.size(), 1u);
    ASSERT_EQ(t->foreignKeys.size(), 1u);
    EXPECT_EQ(t->foreignKeys[0].onDelete, "cascade");
    EXPECT_EQ(t->foreignKeys[0].onUpdate, "restrict");  // MariaDB's default when none is given
}

}  // namespace
