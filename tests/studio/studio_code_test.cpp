// The studio with what only the schema's C++ code knows, read from its exporter as drizzle-kit
// studio reads it: relations (the One and the way back), app-side defaults (defaultFn) for new
// rows, and modes the SQL type hides (SQLite's boolean integers).
#include <gtest/gtest.h>

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "drizzle/driver/connection.hpp"
#include "drizzle/kit/ddl.hpp"
#include "drizzle/kit/schema_loader.hpp"
#include "drizzle/kit/studio.hpp"

namespace {

namespace fs = std::filesystem;

TEST(StudioFromCode, OffersTheCodesRelationsAppDefaultsAndModes) {
    const fs::path dir = fs::temp_directory_path() / ("drizzle-studio-code-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    fs::copy_file(fs::path(DRIZZLE_SOURCE_DIR) / "tests/orm/sqlite_schema.hpp", dir / "schema.hpp");
    fs::copy_file(fs::path(DRIZZLE_SOURCE_DIR) / "tests/orm/wide_columns.inc", dir / "wide_columns.inc");
    drizzle::kit::Config config;
    config.root = dir;
    config.dialect = drizzle::Dialect::sqlite;
    config.schema = {"schema.hpp"};
    drizzle::model::Schema schema = drizzle::kit::loadSchema(config);

    const std::string file = (dir / "app.db").string();
    auto db = drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = file});
    for (const auto& statement : drizzle::kit::ddl::createStatements(schema)) db->execute(statement);
    db->execute("INSERT INTO users (id, name, email, active, mentor_id) VALUES (1, 'Ada', 'ada@x', 1, NULL), (2, 'Grace', 'g@x', 0, 1)");
    db->execute("INSERT INTO posts (id, user_id, title, slug) VALUES (10, 2, 'Hello', 's')");

    drizzle::kit::StudioOptions options;
    options.port = 0;
    options.appSchema = [config] { return drizzle::kit::queryExporter(config, {"DRIZZLE_EXPORT=app"}); };
    options.defaultValues = [config](const std::string& s, const std::string& t) {
        return drizzle::kit::queryExporter(config, {"DRIZZLE_EXPORT=defaults", "DRIZZLE_EXPORT_SCHEMA=" + s, "DRIZZLE_EXPORT_TABLE=" + t}, true);
    };
    drizzle::kit::StudioServer server(schema, [file] { return drizzle::driver::connect(drizzle::Dialect::sqlite, {.url = file}); }, options);
    std::thread serving([&] { server.run(); });
    httplib::Client client("127.0.0.1", server.port());
    const httplib::Headers token{{"X-Studio-Token", server.token()}};
    for (int i = 0; i < 100 && !client.Get("/"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));

    const auto listing = nlohmann::json::parse(client.Get("/api/tables", token)->body);
    EXPECT_TRUE(listing["declaresRelations"]);
    nlohmann::json users, posts;
    for (const auto& t : listing["tables"]) {
        if (t["name"] == "users") users = t;
        if (t["name"] == "posts") posts = t;
    }
    // posts.author is a One to users; users gets the way back.
    auto has = [](const nlohmann::json& relations, const std::string& name, const std::string& kind, const std::string& target,
                  const std::string& column) {
        for (const auto& r : relations)
            if (r["name"] == name && r["kind"] == kind && r["target"]["table"] == target && r["columns"][0] == column) return true;
        return false;
    };
    EXPECT_TRUE(has(posts["relations"], "author", "one", "users", "user_id")) << posts["relations"].dump();
    EXPECT_TRUE(has(users["relations"], "author", "many", "posts", "id")) << users["relations"].dump();
    EXPECT_TRUE(has(users["relations"], "mentor", "one", "users", "mentor_id")) << users["relations"].dump();
    // The integer `active` is a bool in the code: it reads and filters as one.
    EXPECT_EQ(users["columns"][4]["name"], "active");
    EXPECT_EQ(users["columns"][4]["kind"], "boolean");
    const auto rows = nlohmann::json::parse(client.Post("/api/rows", token, R"({"table": "users"})", "application/json")->body);
    EXPECT_EQ(rows["rows"][1][4], "false");
    EXPECT_EQ(posts["columns"][4]["name"], "slug");
    EXPECT_EQ(posts["columns"][4]["defaultFn"], true);

    // Each new row gets fresh values from the code's defaultFn (newSlug counts up per process).
    auto defaults = [&] {
        auto r = client.Post("/api/defaults", token, R"({"table": "posts"})", "application/json");
        EXPECT_EQ(r->status, 200) << r->body;
        return nlohmann::json::parse(r->body)["values"];
    };
    const auto first = defaults();
    ASSERT_TRUE(first.contains("slug")) << first.dump();
    EXPECT_EQ(first["slug"].get<std::string>().rfind("slug-", 0), 0u) << first.dump();
    EXPECT_FALSE(first.contains("title"));
    server.stop();
    serving.join();
    fs::remove_all(dir);
}

}  // namespace
