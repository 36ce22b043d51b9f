// drizzle.config.json parsing: every field, ${ENV} expansion, and one clear sentence per mistake.
#include <gtest/gtest.h>

#include <cstdlib>

#include "drizzle/kit/config.hpp"
#include "drizzle/error.hpp"

namespace {

std::string configError(const std::string& json) {
    try {
        drizzle::kit::parseConfig(json, "drizzle.config.json");
    } catch (const drizzle::Error& e) {
        EXPECT_EQ(e.category(), drizzle::ErrorCategory::config);
        return e.what();
    }
    return "";
}

TEST(Config, ReadsEveryDrizzleKitField) {
    setenv("DRIZZLE_TEST_PASSWORD", "s3cret", 1);
    const auto c = drizzle::kit::parseConfig(R"({
        "dialect": "postgresql",
        "schema": ["src/db/*.hpp"],
        "out": "migrations",
        "dbCredentials": {"host": "127.0.0.1", "port": 5433, "user": "app", "password": "${DRIZZLE_TEST_PASSWORD}",
                          "database": "app", "ssl": "require"},
        "tablesFilter": ["users_*", "!users_tmp"],
        "schemaFilter": "public",
        "extensionsFilters": ["postgis"],
        "introspect": {"casing": "preserve"},
        "migrations": {"table": "migs", "schema": "meta", "prefix": "timestamp"},
        "strict": true, "verbose": true, "breakpoints": false, "casing": "snake_case"
    })", "drizzle.config.json");
    EXPECT_EQ(c.dialect, drizzle::Dialect::postgresql);
    EXPECT_EQ(c.schema, std::vector<std::string>{"src/db/*.hpp"});
    EXPECT_EQ(c.out, "migrations");
    EXPECT_EQ(c.dbCredentials.password, "s3cret");
    EXPECT_EQ(c.dbCredentials.port, 5433);
    EXPECT_EQ(c.dbCredentials.ssl, "require");
    EXPECT_EQ(c.tablesFilter.size(), 2u);
    EXPECT_EQ(c.schemaFilter, std::vector<std::string>{"public"});
    EXPECT_EQ(c.introspectCasing, "preserve");
    EXPECT_EQ(c.migrations.table, "migs");
    EXPECT_EQ(c.migrations.schema, "meta");
    EXPECT_EQ(c.migrations.prefix, "timestamp");
    EXPECT_TRUE(c.strict);
    EXPECT_FALSE(c.breakpoints);
    EXPECT_EQ(c.casing, "snake_case");
}

TEST(Config, DefaultsMatchDrizzleKit) {
    const auto c = drizzle::kit::parseConfig(R"({"dialect": "sqlite", "schema": "schema.hpp"})", "drizzle.config.json");
    EXPECT_EQ(c.out, "drizzle");
    EXPECT_EQ(c.migrations.table, "__drizzle_migrations");
    EXPECT_EQ(c.migrations.schema, "drizzle");
    EXPECT_EQ(c.migrations.prefix, "index");
    EXPECT_TRUE(c.breakpoints);
}

TEST(Config, UnknownFieldSuggestsTheNearestName) {
    EXPECT_EQ(configError(R"({"dialect": "sqlite", "shema": "x.hpp"})"),
              "drizzle.config.json: unknown field \"shema\" (did you mean \"schema\"?)");
    EXPECT_EQ(configError(R"({"dialect": "sqlite", "dbCredentials": {"urll": "x"}})"),
              "drizzle.config.json: unknown field \"dbCredentials.urll\" (did you mean \"dbCredentials.url\"?)");
}

TEST(Config, EntitiesRolesIsReadAsDrizzleKitSpellsIt) {
    const auto on = drizzle::kit::parseConfig(R"({"dialect": "postgresql", "entities": {"roles": true}})", "drizzle.config.json");
    EXPECT_TRUE(on.entitiesRoles);
    const auto off = drizzle::kit::parseConfig(R"({"dialect": "postgresql"})", "drizzle.config.json");
    EXPECT_FALSE(off.entitiesRoles);
    EXPECT_EQ(configError(R"({"dialect": "postgresql", "entities": {"roles": {"provider": "supabase"}}})"),
              "drizzle.config.json: \"entities.roles\" must be true or false here");
}

TEST(Config, BadDialectIsOneSentence) {
    EXPECT_EQ(configError(R"({"dialect": "oracle"})"),
              "drizzle.config.json: \"dialect\" must be postgresql, sqlite or mysql, not \"oracle\"");
}

TEST(Config, MissingDialectIsAnError) {
    EXPECT_EQ(configError(R"({"schema": "x.hpp"})"), "drizzle.config.json: \"dialect\" is missing");
}

TEST(Config, WrongFieldTypeIsAnError) {
    EXPECT_EQ(configError(R"({"dialect": "sqlite", "strict": "yes"})"), "drizzle.config.json: \"strict\" must be true or false");
    EXPECT_EQ(configError(R"({"dialect": "sqlite", "schema": 5})"),
              "drizzle.config.json: \"schema\" must be a string or an array of strings");
}

TEST(Config, UnsetEnvironmentVariableIsNamed) {
    unsetenv("DRIZZLE_TEST_UNSET");
    EXPECT_EQ(configError(R"({"dialect": "sqlite", "dbCredentials": {"url": "${DRIZZLE_TEST_UNSET}"}})"),
              "drizzle.config.json: \"dbCredentials.url\" uses ${DRIZZLE_TEST_UNSET}, which is not set");
}

TEST(Config, InvalidJsonIsReported) {
    EXPECT_EQ(configError("{\"dialect\": "), "drizzle.config.json: not valid JSON (byte 13)");
}

TEST(Config, FlagsOverrideAndSufficeWithoutAFile) {
    drizzle::kit::ConfigOverrides o;
    o.configPath = std::nullopt;
    o.dialect = "mysql";
    o.schema = {"a.hpp"};
    o.out = "out";
    auto cwd = std::filesystem::current_path();
    auto tmp = std::filesystem::temp_directory_path() / "drizzle_config_test_empty";
    std::filesystem::create_directories(tmp);
    std::filesystem::current_path(tmp);
    const auto c = drizzle::kit::loadConfig(o);
    std::filesystem::current_path(cwd);
    EXPECT_EQ(c.dialect, drizzle::Dialect::mysql);
    EXPECT_EQ(c.schema, std::vector<std::string>{"a.hpp"});
    EXPECT_EQ(c.out, "out");
    EXPECT_TRUE(c.file.empty());
}

}  // namespace
