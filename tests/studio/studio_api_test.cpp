// The studio's server on the three real databases: the token, Host and Origin gate every request,
// no CORS header is ever sent, and /api/tables lists the schema's tables and views with their
// row counts read from the database.
#include <gtest/gtest.h>

#include <httplib.h>

#include <cctype>
#include <thread>

#include <nlohmann/json.hpp>

#include "../datasets/fidelity.hpp"
#include "drizzle/error.hpp"
#include "drizzle/kit/introspect.hpp"
#include "drizzle/kit/studio.hpp"

namespace {

using drizzle::Dialect;
using fidelity::ScratchDatabase;

drizzle::kit::StudioOptions anyPort() {
    drizzle::kit::StudioOptions options;
    options.port = 0;
    return options;
}

const char* tag(Dialect d) { return d == Dialect::postgresql ? "pg" : d == Dialect::sqlite ? "sqlite" : "mysql"; }

class StudioApi : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override {
        scratch_ = std::make_unique<ScratchDatabase>(GetParam(), std::string("studio_") + tag(GetParam()));
        auto db = scratch_->connect();
        const std::string text = GetParam() == Dialect::mysql ? "varchar(50)" : "text";
        db->execute("CREATE TABLE notes (id integer PRIMARY KEY, body " + text + ")");
        db->execute("INSERT INTO notes VALUES (1, 'a'), (2, 'b'), (3, NULL)");
        db->execute("CREATE VIEW long_notes AS SELECT id FROM notes WHERE id > 1");
        db->execute("CREATE TABLE tags (id integer PRIMARY KEY, note_id integer REFERENCES notes(id))");
        schema_ = drizzle::kit::introspect(*db, {}).schema;
        server_ = std::make_unique<drizzle::kit::StudioServer>(
            schema_, [this] { return scratch_->connect(); }, anyPort());
        thread_ = std::thread([this] { server_->run(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
        for (int i = 0; i < 100 && !client_->Get("/"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // The server again, on the schema the database has now (after a test created tables).
    void restartOnTheDatabasesSchema() {
        schema_ = drizzle::kit::introspect(*scratch_->connect(), {}).schema;
        server_->stop();
        thread_.join();
        server_ = std::make_unique<drizzle::kit::StudioServer>(schema_, [this] { return scratch_->connect(); }, anyPort());
        thread_ = std::thread([this] { server_->run(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
        for (int i = 0; i < 100 && !client_->Get("/"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    void TearDown() override {
        server_->stop();
        thread_.join();
    }
    httplib::Result get(const std::string& path, httplib::Headers headers) { return client_->Get(path, headers); }
    httplib::Headers withToken(httplib::Headers h = {}) {
        h.emplace("X-Studio-Token", server_->token());
        return h;
    }

    std::unique_ptr<ScratchDatabase> scratch_;
    drizzle::model::Schema schema_;
    std::unique_ptr<drizzle::kit::StudioServer> server_;
    std::thread thread_;
    std::unique_ptr<httplib::Client> client_;
};

TEST_P(StudioApi, ListsTablesAndViewsWithTheirRowCounts) {
    auto r = get("/api/tables", withToken());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const auto body = nlohmann::json::parse(r->body);
    EXPECT_EQ(body["dialect"], drizzle::dialectName(GetParam()));
    ASSERT_EQ(body["tables"].size(), 3u) << r->body;
    EXPECT_EQ(body["tables"][0]["name"], "notes");
    EXPECT_EQ(body["tables"][0]["key"], nlohmann::json({"id"}));
    EXPECT_EQ(body["tables"][1]["name"], "tags");
    ASSERT_EQ(body["tables"][1]["foreignKeys"].size(), 1u) << r->body;
    EXPECT_EQ(body["tables"][1]["foreignKeys"][0]["columns"], nlohmann::json({"note_id"}));
    EXPECT_EQ(body["tables"][1]["foreignKeys"][0]["table"], "notes");
    EXPECT_EQ(body["tables"][1]["foreignKeys"][0]["references"], nlohmann::json({"id"}));
    EXPECT_EQ(body["tables"][0]["kind"], "table");
    EXPECT_EQ(body["tables"][0]["rows"], 3);
    EXPECT_EQ(body["tables"][0]["columns"][1]["name"], "body");
    EXPECT_EQ(body["tables"][2]["name"], "long_notes");
    EXPECT_EQ(body["tables"][2]["kind"], "view");
    EXPECT_EQ(body["tables"][2]["rows"], 2);
    EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));
}

TEST_P(StudioApi, AnApiCallWithoutTheRightTokenIs401) {
    auto none = get("/api/tables", {});
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    EXPECT_NE(none->body.find("unauthorised"), std::string::npos) << none->body;
    auto wrong = get("/api/tables", {{"X-Studio-Token", std::string(server_->token().size(), '0')}});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 401);
    auto inQuery = get("/api/tables?token=" + server_->token(), {});  // only the header counts
    ASSERT_TRUE(inQuery);
    EXPECT_EQ(inQuery->status, 401);
}

TEST_P(StudioApi, AForeignHostOrOriginIsRefusedEvenWithTheToken) {
    auto rebound = get("/api/tables", withToken({{"Host", "evil.example:" + std::to_string(server_->port())}}));
    ASSERT_TRUE(rebound);
    EXPECT_EQ(rebound->status, 403) << "a DNS-rebinding request was served";
    auto page = get("/", {{"Host", "evil.example"}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403);
    auto foreign = get("/api/tables", withToken({{"Origin", "http://evil.example"}}));
    ASSERT_TRUE(foreign);
    EXPECT_EQ(foreign->status, 403);
    EXPECT_FALSE(foreign->has_header("Access-Control-Allow-Origin"));
    auto own = get("/api/tables", withToken({{"Origin", "http://127.0.0.1:" + std::to_string(server_->port())}}));
    ASSERT_TRUE(own);
    EXPECT_EQ(own->status, 200);
    auto localhost = get("/api/tables", withToken({{"Host", "localhost:" + std::to_string(server_->port())}}));
    ASSERT_TRUE(localhost);
    EXPECT_EQ(localhost->status, 200);
}

TEST_P(StudioApi, ServesTheAppFromTheBinaryWithAStrictContentPolicy) {
    for (const char* path : {"/", "/app.js", "/app.css"}) {
        auto r = get(path, {});
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 200) << path;
        EXPECT_FALSE(r->body.empty()) << path;
        EXPECT_EQ(r->get_header_value("Content-Security-Policy"), "default-src 'self'; frame-ancestors 'none'") << path;
    }
    EXPECT_NE(get("/", {})->body.find("<script src=\"/app.js\">"), std::string::npos);
    EXPECT_EQ(get("/app.js", {})->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    auto missing = get("/nothing", {});
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
}

TEST_P(StudioApi, PagesSortsAndFiltersRowsWithBoundValues) {
    auto rows = [&](nlohmann::json request) {
        request["table"] = "notes";
        auto r = client_->Post("/api/rows", withToken(), request.dump(), "application/json");
        EXPECT_TRUE(r);
        return std::make_pair(r->status, nlohmann::json::parse(r->body));
    };
    auto [status, page] = rows({{"limit", 2}, {"offset", 1}, {"sort", {{"column", "id"}, {"desc", true}}}, {"count", true}});
    ASSERT_EQ(status, 200) << page.dump();
    EXPECT_EQ(page["columns"], nlohmann::json({"id", "body"}));
    EXPECT_EQ(page["total"], 3);
    ASSERT_EQ(page["rows"].size(), 2u);
    EXPECT_EQ(page["rows"][0], nlohmann::json({"2", "b"}));
    EXPECT_EQ(page["rows"][1], nlohmann::json({"1", "a"}));
    EXPECT_FALSE(page["hasMore"]);
    EXPECT_FALSE(rows({}).second.contains("total")) << "the count is asked for apart";
    const auto countOnly = rows({{"limit", 0}, {"count", true}}).second;  // what the app asks after a page
    EXPECT_EQ(countOnly["total"], 3);
    EXPECT_TRUE(countOnly["rows"].empty());
    // NULL is null, not "".
    EXPECT_EQ(rows({{"filters", {{{"column", "body"}, {"op", "isNull"}}}}}).second["rows"][0], nlohmann::json({"3", nullptr}));
    EXPECT_EQ(rows({{"filters", {{{"column", "id"}, {"op", "gt"}, {"value", "1"}}}}}).second["rows"].size(), 2u);
    EXPECT_EQ(rows({{"filters", {{{"column", "id"}, {"op", "in"}, {"values", {"1", "3"}}}}}}).second["rows"].size(), 2u);
    EXPECT_EQ(rows({{"filters", {{{"column", "body"}, {"op", "contains"}, {"value", "b"}}}}}).second["rows"].size(), 1u);
    // Wildcards in a value are the characters themselves.
    EXPECT_EQ(rows({{"filters", {{{"column", "body"}, {"op", "contains"}, {"value", "%"}}}}}).second["rows"].size(), 0u);
    // A value is data, never SQL.
    const auto injected = rows({{"filters", {{{"column", "body"}, {"op", "eq"}, {"value", "x' OR '1'='1"}}}}, {"count", true}});
    EXPECT_EQ(injected.first, 200);
    EXPECT_EQ(injected.second["total"], 0);
}

TEST_P(StudioApi, RefusesUnknownTablesColumnsAndOperatorsByName) {
    auto post = [&](const std::string& body) { return client_->Post("/api/rows", withToken(), body, "application/json"); };
    auto unknownTable = post(R"({"table": "notes\"; DROP TABLE notes; --"})");
    ASSERT_TRUE(unknownTable);
    EXPECT_EQ(unknownTable->status, 404);
    EXPECT_NE(unknownTable->body.find("no table or view"), std::string::npos) << unknownTable->body;
    auto unknownColumn = post(R"({"table": "notes", "sort": {"column": "id\" DESC; --"}})");
    ASSERT_TRUE(unknownColumn);
    EXPECT_EQ(unknownColumn->status, 400);
    EXPECT_NE(unknownColumn->body.find("no column"), std::string::npos) << unknownColumn->body;
    auto badOp = post(R"({"table": "notes", "filters": [{"column": "id", "op": "like"}]})");
    ASSERT_TRUE(badOp);
    EXPECT_EQ(badOp->status, 400);
    auto notJson = post("{");
    ASSERT_TRUE(notJson);
    EXPECT_EQ(notJson->status, 400);
    auto noToken = client_->Post("/api/rows", R"({"table": "notes"})", "application/json");
    ASSERT_TRUE(noToken);
    EXPECT_EQ(noToken->status, 401);
    auto db = scratch_->connect();
    EXPECT_EQ(db->query("SELECT count(*) FROM notes").integer(0, 0), 3) << "a request changed the table";
}

TEST_P(StudioApi, AppliesStagedEditsTogetherWithBoundValues) {
    const nlohmann::json request = {{"table", "notes"},
                                    {"edits",
                                     {{{"op", "update"}, {"key", {{"id", "1"}}}, {"set", {{"body", "it's \"quoted\"; --"}}}},
                                      {{"op", "insert"}, {"values", {{"id", "4"}, {"body", nullptr}}}},
                                      {{"op", "delete"}, {"key", {{"id", "2"}}}}}}};
    auto r = client_->Post("/api/edits", withToken(), request.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto db = scratch_->connect();
    EXPECT_EQ(db->query("SELECT body FROM notes WHERE id = 1").text(0, 0), "it's \"quoted\"; --");
    EXPECT_TRUE(db->query("SELECT body FROM notes WHERE id = 4").isNull(0, 0));
    EXPECT_EQ(db->query("SELECT count(*) FROM notes WHERE id = 2").integer(0, 0), 0);
    // The same value again is still one row met (MySQL counts it as none changed).
    const nlohmann::json again = {{"table", "notes"}, {"edits", {request["edits"][0]}}};
    auto same = client_->Post("/api/edits", withToken(), again.dump(), "application/json");
    ASSERT_TRUE(same);
    EXPECT_EQ(same->status, 200) << same->body;
}

TEST_P(StudioApi, AFailingEditAppliesNothingAndIsNamed) {
    // The first edit is fine; the second repeats a primary key.
    const nlohmann::json request = {{"table", "notes"},
                                    {"edits",
                                     {{{"op", "update"}, {"key", {{"id", "1"}}}, {"set", {{"body", "changed"}}}},
                                      {{"op", "insert"}, {"values", {{"id", "2"}, {"body", "twice"}}}}}}};
    auto r = client_->Post("/api/edits", withToken(), request.dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    const auto body = nlohmann::json::parse(r->body);
    EXPECT_EQ(body["edit"], 1);
    EXPECT_NE(body["error"].get<std::string>().find("edit 2: "), std::string::npos) << r->body;
    auto db = scratch_->connect();
    EXPECT_EQ(db->query("SELECT body FROM notes WHERE id = 1").text(0, 0), "a") << "the first edit stayed applied";
    // A row that is gone is a conflict, not a silent no-op.
    auto gone = client_->Post("/api/edits", withToken(),
                              R"({"table": "notes", "edits": [{"op": "delete", "key": {"id": "99"}}]})", "application/json");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->status, 409) << gone->body;
}

TEST_P(StudioApi, RefusesEditsThatNameNoRowOrAnUnknownColumn) {
    auto post = [&](const std::string& body) { return client_->Post("/api/edits", withToken(), body, "application/json"); };
    const auto unknownColumn = post(R"({"table": "notes", "edits": [{"op": "update", "key": {"id": "1"}, "set": {"body\" = 'x' --": "y"}}]})");
    ASSERT_TRUE(unknownColumn);
    EXPECT_EQ(unknownColumn->status, 400);
    EXPECT_NE(unknownColumn->body.find("edit 1: no column"), std::string::npos) << unknownColumn->body;
    const auto notTheKey = post(R"({"table": "notes", "edits": [{"op": "delete", "key": {"body": "a"}}]})");
    ASSERT_TRUE(notTheKey);
    EXPECT_EQ(notTheKey->status, 400);
    const auto aView = post(R"({"table": "long_notes", "edits": [{"op": "delete", "key": {"id": "2"}}]})");
    ASSERT_TRUE(aView);
    EXPECT_EQ(aView->status, 400);
    EXPECT_NE(aView->body.find("views cannot be edited"), std::string::npos) << aView->body;
    const auto noToken = client_->Post("/api/edits", R"({"table": "notes", "edits": [{"op": "delete", "key": {"id": "1"}}]})",
                                       "application/json");
    ASSERT_TRUE(noToken);
    EXPECT_EQ(noToken->status, 401);
    auto db = scratch_->connect();
    EXPECT_EQ(db->query("SELECT count(*) FROM notes").integer(0, 0), 3);
}

TEST_P(StudioApi, KeysetPagesContinueAfterTheLastRowInEitherDirection) {
    auto db = scratch_->connect();
    db->execute("INSERT INTO notes VALUES (4, 'b'), (5, 'a'), (6, 'c'), (7, 'b')");
    auto page = [&](nlohmann::json request) {
        request["table"] = "notes";
        auto r = client_->Post("/api/rows", withToken(), request.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, 200) << r->body;
        return nlohmann::json::parse(r->body);
    };
    // Sorted by a column with duplicates, descending: the key breaks the ties, in the same direction.
    const nlohmann::json sort = {{"column", "id"}, {"desc", true}};
    std::vector<std::string> seen;
    nlohmann::json request = {{"limit", 3}, {"sort", sort}};
    for (int pages = 0; pages < 5; ++pages) {
        const auto p = page(request);
        for (const auto& row : p["rows"]) seen.push_back(row[0]);
        if (!p["hasMore"]) break;
        ASSERT_TRUE(p.contains("next")) << p.dump();
        request["after"] = p["next"];
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"7", "6", "5", "4", "3", "2", "1"}));

    // By a NOT NULL column with ties: the key breaks them, in the sort's direction, page after page.
    db->execute("CREATE TABLE scores (id integer PRIMARY KEY, score integer NOT NULL)");
    db->execute("INSERT INTO scores VALUES (1, 5), (2, 3), (3, 5), (4, 1), (5, 3), (6, 5), (7, 2)");
    restartOnTheDatabasesSchema();
    for (bool descending : {true, false}) {
        std::vector<std::string> ids;
        nlohmann::json byScore = {{"table", "scores"}, {"limit", 2}, {"sort", {{"column", "score"}, {"desc", descending}}}};
        for (int pages = 0; pages < 6; ++pages) {
            auto r = client_->Post("/api/rows", withToken(), byScore.dump(), "application/json");
            ASSERT_EQ(r->status, 200) << r->body;
            const auto p = nlohmann::json::parse(r->body);
            for (const auto& row : p["rows"]) ids.push_back(row[0]);
            if (!p["hasMore"]) break;
            byScore["after"] = p["next"];
        }
        const std::vector<std::string> expected =
            descending ? std::vector<std::string>{"6", "3", "1", "5", "2", "7", "4"} : std::vector<std::string>{"4", "7", "2", "5", "1", "3", "6"};
        EXPECT_EQ(ids, expected) << (descending ? "descending" : "ascending");
    }
    // A sort column that holds NULL pages by offset: no cursor is offered, and one is refused.
    const auto byBody = page({{"limit", 2}, {"sort", {{"column", "body"}}}});
    EXPECT_TRUE(byBody["hasMore"]);
    EXPECT_FALSE(byBody.contains("next"));
    auto refused = client_->Post("/api/rows", withToken(),
                                 R"({"table": "notes", "sort": {"column": "body"}, "after": {"body": "a", "id": "1"}})", "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << refused->body;
    // A cursor value is bound like any other: PostgreSQL refuses it as an integer, the others
    // compare it as one.
    auto injected = client_->Post("/api/rows", withToken(), R"({"table": "notes", "after": {"id": "5 OR 1=1"}})", "application/json");
    ASSERT_TRUE(injected);
    if (GetParam() == Dialect::postgresql) {
        EXPECT_EQ(injected->status, 400);
        EXPECT_NE(injected->body.find("invalid input syntax"), std::string::npos) << injected->body;
    } else {
        EXPECT_EQ(injected->status, 200) << injected->body;
    }
}

// A table the statistics put at 100,000 rows or more is listed with that estimate, marked so;
// a smaller one is counted. SQLite keeps no estimate: it always counts.
TEST_P(StudioApi, ListsABigTablesRowsAsTheDatabasesEstimate) {
    const Dialect d = GetParam();
    auto db = scratch_->connect();
    db->execute("CREATE TABLE big (id integer PRIMARY KEY)");
    if (d == Dialect::postgresql) db->execute("INSERT INTO big SELECT generate_series(1, 120000); ANALYZE big");
    else if (d == Dialect::mysql) db->execute("INSERT INTO big SELECT seq FROM seq_1_to_120000; ANALYZE TABLE big");
    else db->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000) INSERT INTO big SELECT i FROM n");
    restartOnTheDatabasesSchema();
    const auto tables = nlohmann::json::parse(get("/api/tables", withToken())->body)["tables"];
    for (const auto& t : tables) {
        if (t["name"] == "notes") {
            EXPECT_EQ(t["rows"], 3);
            EXPECT_FALSE(t["rowsEstimated"]);
        }
        if (t["name"] != "big") continue;
        EXPECT_EQ(t["rowsEstimated"], d != Dialect::sqlite) << t.dump();
        // InnoDB samples: its estimate is near the count, not the count.
        EXPECT_NEAR(t["rows"].get<double>(), 120000, d == Dialect::mysql ? 60000 : 0) << t.dump();
    }
}

TEST_P(StudioApi, RunsSqlInTheConsoleAndPlacesItsErrors) {
    auto run = [&](const std::string& sql) {
        auto r = client_->Post("/api/sql", withToken(), nlohmann::json{{"sql", sql}}.dump(), "application/json");
        EXPECT_TRUE(r);
        return std::make_pair(r->status, nlohmann::json::parse(r->body));
    };
    auto [status, result] = run("SELECT id, body FROM notes ORDER BY id");
    ASSERT_EQ(status, 200) << result.dump();
    EXPECT_EQ(result["columns"], nlohmann::json({"id", "body"}));
    EXPECT_EQ(result["rows"], nlohmann::json::parse(R"([["1", "a"], ["2", "b"], ["3", null]])"));
    EXPECT_FALSE(result["truncated"]);
    auto [updated, changed] = run("UPDATE notes SET body = 'z' WHERE id > 1");
    ASSERT_EQ(updated, 200) << changed.dump();
    EXPECT_EQ(changed["rowsAffected"], 2);
    EXPECT_EQ(scratch_->connect()->query("SELECT count(*) FROM notes WHERE body = 'z'").integer(0, 0), 2);
    // A syntax error says where: the character the database points at, from 1.
    auto [failed, error] = run("SELECT id FORM notes");
    EXPECT_EQ(failed, 400);
    EXPECT_FALSE(error["error"].get<std::string>().empty());
    ASSERT_TRUE(error.contains("position")) << error.dump();
    EXPECT_GE(error["position"].get<int>(), 8) << error.dump();
    EXPECT_LE(error["position"].get<int>(), 16) << error.dump();
    EXPECT_EQ(run("  ;  ").first, 400);
}

TEST_P(StudioApi, ExportsTheFilteredRowsAsCsvAndJson) {
    auto db = scratch_->connect();
    db->execute("INSERT INTO notes VALUES (4, ''), (5, 'say \"hi\", then go')");
    auto exported = [&](const std::string& format) {
        const nlohmann::json request = {{"table", "notes"}, {"format", format}, {"filters", {{{"column", "id"}, {"op", "gt"}, {"value", "2"}}}}};
        auto r = client_->Post("/api/export", withToken(), request.dump(), "application/json");
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, 200) << r->body;
        EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename=\"notes." + format + "\"");
        return r->body;
    };
    // NULL is an empty field, the empty string a quoted one.
    EXPECT_EQ(exported("csv"), "id,body\r\n3,\r\n4,\"\"\r\n5,\"say \"\"hi\"\", then go\"\r\n");
    EXPECT_EQ(nlohmann::json::parse(exported("json")),
              nlohmann::json::parse(R"([{"id": 3, "body": null}, {"id": 4, "body": ""}, {"id": 5, "body": "say \"hi\", then go"}])"));
}

// Booleans, binary values, big integers and enums cross the API in one spelling on every dialect.
TEST_P(StudioApi, TypedValuesReadAndWriteInOneSpellingOnEveryDialect) {
    const Dialect d = GetParam();
    auto db = scratch_->connect();
    if (d == Dialect::postgresql) {
        db->execute("CREATE TYPE mood AS ENUM ('sad', 'ok')");
        db->execute("CREATE TABLE typed (id integer PRIMARY KEY, flag boolean, data bytea, big bigint, mood mood, doc jsonb)");
        db->execute("INSERT INTO typed VALUES (1, true, '\\x00ff', 9007199254740993, 'ok', '{\"n\": 12345678901234567890}')");
    } else if (d == Dialect::sqlite) {
        db->execute("CREATE TABLE typed (id integer PRIMARY KEY, flag boolean, data blob, big integer)");
        db->execute("INSERT INTO typed VALUES (1, 1, x'00ff', 9007199254740993)");
    } else {
        db->execute("CREATE TABLE typed (id int PRIMARY KEY, flag boolean, data varbinary(10), big bigint, mood enum('sad', 'ok'), doc json)");
        db->execute("INSERT INTO typed VALUES (1, true, x'00ff', 9007199254740993, 'ok', '{\"n\": 12345678901234567890}')");
    }
    restartOnTheDatabasesSchema();

    const auto tables = nlohmann::json::parse(get("/api/tables", withToken())->body)["tables"];
    nlohmann::json columns;
    for (const auto& t : tables)
        if (t["name"] == "typed") columns = t["columns"];
    ASSERT_FALSE(columns.is_null());
    EXPECT_EQ(columns[1]["kind"], "boolean") << columns.dump();
    EXPECT_EQ(columns[2]["kind"], "binary") << columns.dump();
    EXPECT_EQ(columns[3]["kind"], "integer") << columns.dump();
    if (d != Dialect::sqlite) {
        EXPECT_EQ(columns[4]["kind"], "enum") << columns.dump();
        EXPECT_EQ(columns[4]["enumValues"], nlohmann::json({"sad", "ok"}));
        EXPECT_EQ(columns[5]["kind"], "json") << columns.dump();
    }

    auto r = client_->Post("/api/rows", withToken(), R"({"table": "typed"})", "application/json");
    ASSERT_EQ(r->status, 200) << r->body;
    const auto row = nlohmann::json::parse(r->body)["rows"][0];
    EXPECT_EQ(row[1], "true");
    EXPECT_EQ(row[2], "\\x00ff");
    EXPECT_EQ(row[3], "9007199254740993") << "a big integer was rounded";
    if (d != Dialect::sqlite) EXPECT_NE(row[5].get<std::string>().find("12345678901234567890"), std::string::npos) << row.dump();

    // Filters and edits take the same spelling.
    auto filtered = client_->Post("/api/rows", withToken(), R"({"table": "typed", "filters": [{"column": "flag", "op": "eq", "value": "true"}]})",
                                  "application/json");
    EXPECT_EQ(nlohmann::json::parse(filtered->body)["rows"].size(), 1u) << filtered->body;
    auto edit = client_->Post("/api/edits", withToken(),
                              R"({"table": "typed", "edits": [{"op": "update", "key": {"id": "1"}, "set": {"flag": "false", "data": "\\xdead"}}]})",
                              "application/json");
    ASSERT_EQ(edit->status, 200) << edit->body;
    const auto stored = db->query(d == Dialect::postgresql ? "SELECT flag::int, encode(data, 'hex') FROM typed"
                                                           : "SELECT flag + 0, hex(data) FROM typed");
    EXPECT_EQ(stored.integer(0, 0), 0);
    std::string hex = stored.text(0, 1);
    for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(hex, "dead");
    auto badHex = client_->Post("/api/edits", withToken(),
                                R"({"table": "typed", "edits": [{"op": "update", "key": {"id": "1"}, "set": {"data": "not hex"}}]})",
                                "application/json");
    EXPECT_EQ(badHex->status, 400);
    EXPECT_NE(nlohmann::json::parse(badHex->body)["error"].get<std::string>().find("\"data\" takes hex digits"), std::string::npos) << badHex->body;
}

INSTANTIATE_TEST_SUITE_P(Dialects, StudioApi, ::testing::Values(Dialect::postgresql, Dialect::sqlite, Dialect::mysql),
                         [](const auto& info) { return std::string(tag(info.param)); });

// The server's connection killed from outside (a restarted server, a dropped network): the next
// call connects again and answers.
TEST(StudioReconnect, PgALostConnectionIsReplacedOnTheNextCall) {
    ScratchDatabase scratch(Dialect::postgresql, "studio_reconnect");
    auto admin = scratch.connect();
    admin->execute("CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1)");
    drizzle::kit::StudioServer server(drizzle::kit::introspect(*admin, {}).schema, [&] { return scratch.connect(); },
                                      anyPort());
    std::thread serving([&] { server.run(); });
    httplib::Client client("127.0.0.1", server.port());
    const httplib::Headers token{{"X-Studio-Token", server.token()}};
    for (int i = 0; i < 100 && !client.Get("/"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto first = client.Get("/api/tables", token);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    // Every other session on the database: the studio's.
    admin->query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    auto again = client.Get("/api/tables", token);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200) << again->body;
    server.stop();
    serving.join();
}

TEST(StudioServerStart, APortInUseIsAClearError) {
    drizzle::model::Schema empty;
    empty.dialect = Dialect::sqlite;
    auto connect = [] { return std::unique_ptr<drizzle::driver::Connection>(); };
    drizzle::kit::StudioServer first(empty, connect, anyPort());
    try {
        drizzle::kit::StudioServer second(empty, connect, [&] { auto o = anyPort(); o.port = first.port(); return o; }());
        FAIL() << "two servers listened on one port";
    } catch (const drizzle::Error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(first.token().size(), 32u);
    EXPECT_NE(first.url().find("?token=" + first.token()), std::string::npos);
}

}  // namespace
