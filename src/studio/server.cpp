// The studio's HTTP server (drizzle/kit/studio.hpp): cpp-httplib, one JSON API under /api/, the
// app's files embedded at build time (studio_assets.hpp). Every request passes the same gate
// first: the Host the server is bound to, the app's own Origin, and for /api/ the run's token.
#include "drizzle/kit/studio.hpp"

#include <httplib.h>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "drizzle/dialect.hpp"
#include "drizzle/error.hpp"
#include "studio/edits.hpp"
#include "studio/export.hpp"
#include "studio/row_counts.hpp"
#include "studio/row_query.hpp"
#include "studio/studio_assets.hpp"

namespace drizzle::kit {

namespace {

std::string randomToken() {
    std::random_device device;  // /dev/urandom
    static const char* const kHex = "0123456789abcdef";
    std::string token;
    for (int i = 0; i < 32; ++i) token += kHex[device() & 15u];
    return token;
}

// Constant time, so that the token cannot be guessed a character at a time.
bool sameToken(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

void replyJson(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

}  // namespace

struct StudioServer::State {
    model::Schema schema;
    studio::Catalog catalog{schema};
    Connect connect;
    StudioOptions options;
    httplib::Server server;
    int port = 0;
    // The schema code's relations, by the table they start from, and its app-side defaults by table.
    std::map<const studio::TableInfo*, nlohmann::json> relations;
    std::set<std::pair<const studio::TableInfo*, std::string>> defaultFns;
    std::mutex dbMutex;  // one connection, one request at a time on it
    std::unique_ptr<driver::Connection> db;

    // The Host values a browser sends for this server: the bound address, and localhost for the
    // loopback one. Bound to every address, the name is not known: the token alone guards it.
    bool hostAllowed(const std::string& host) const {
        if (options.host == "0.0.0.0" || options.host == "::") return true;
        const std::string suffix = ":" + std::to_string(port);
        return host == options.host + suffix || (options.host == "127.0.0.1" && host == "localhost" + suffix);
    }

    // Runs `work` on the connection, connecting (again) when there is none or it was lost.
    template <class F>
    auto withDatabase(F&& work) {
        std::lock_guard lock(dbMutex);
        for (int attempt = 0;; ++attempt) {
            try {
                if (!db) db = connect();
                return work(*db);
            } catch (const Error& e) {
                if (e.category() != ErrorCategory::connection || attempt > 0) throw;
                db.reset();  // lost: one new connection, then the error stands
            }
        }
    }

    // One page of a table or view (row_query.hpp): its rows, whether more follow, where the next
    // page starts (keyset) and, when asked, how many rows the filters keep (a count can take
    // longer than the page on a big table, so the app asks for it after showing the page).
    nlohmann::json rows(const nlohmann::json& request) {
        const studio::RowQuery query = studio::buildRowQuery(catalog, request);
        const bool wantCount = request.value("count", false);
        return withDatabase([&](driver::Connection& c) {
            nlohmann::json rows = nlohmann::json::array();
            bool more = false;
            {
                auto cursor = c.stream(query.sql, query.params);
                while (cursor->next()) {
                    if (rows.size() == query.limit) {
                        more = true;
                        cursor->close();
                        break;
                    }
                    rows.push_back(rowJson(*cursor, query.columns));
                }
            }
            nlohmann::json reply{{"rows", std::move(rows)}, {"hasMore", more}};
            nlohmann::json names = nlohmann::json::array();
            for (const auto* col : query.columns) names.push_back(col->name);
            reply["columns"] = std::move(names);
            if (more && !query.cursorColumns.empty() && !reply["rows"].empty()) {
                nlohmann::json next = nlohmann::json::object();
                const nlohmann::json& last = reply["rows"].back();
                for (const auto& name : query.cursorColumns)
                    for (std::size_t k = 0; k < query.columns.size(); ++k)
                        if (query.columns[k]->name == name) next[name] = last[k];
                reply["next"] = std::move(next);
            }
            if (wantCount) reply["total"] = c.query(query.countSql, query.countParams).integer(0, 0);
            return reply;
        });
    }

    nlohmann::json rowJson(const driver::Cursor& cursor, const std::vector<const studio::ColumnInfo*>& columns) const {
        nlohmann::json row = nlohmann::json::array();
        for (std::size_t k = 0; k < columns.size(); ++k) {
            std::optional<std::string> value = catalog.read(*columns[k], cursor, k);
            row.push_back(value ? nlohmann::json(std::move(*value)) : nlohmann::json(nullptr));
        }
        return row;
    }

    // Every row the filters keep, in the grid's order, as a file (export.hpp).
    void exportRows(const nlohmann::json& request, httplib::Response& res) {
        const std::string format = studio::stringField(request, "format", "csv");
        if (format != "csv" && format != "json") throw studio::BadRequest(400, "\"format\" is csv or json");
        const studio::RowQuery query = studio::buildRowQuery(catalog, request, true);
        std::string file = withDatabase([&](driver::Connection& c) {
            auto cursor = c.stream(query.sql, query.params);
            studio::ExportWriter writer(format, query.columns);
            while (cursor->next()) {
                std::vector<std::optional<std::string>> values;
                for (std::size_t k = 0; k < query.columns.size(); ++k) values.push_back(catalog.read(*query.columns[k], *cursor, k));
                writer.row(values);
            }
            return writer.finish();
        });
        res.set_header("Content-Disposition", "attachment; filename=\"" + studio::exportFileName(query.target->name, format) + "\"");
        res.set_content(std::move(file), format == "csv" ? "text/csv; charset=utf-8" : "application/json");
    }

    // The console: one statement as the user wrote it, on the same connection (so it sees what
    // the user's edits did), outside any transaction. At most kMaxPageRows rows come back.
    nlohmann::json runSql(const nlohmann::json& request) {
        const std::string sql = studio::stringField(request, "sql");
        if (sql.find_first_not_of(" \t\r\n;") == std::string::npos) throw studio::BadRequest(400, "there is no SQL to run");
        return withDatabase([&](driver::Connection& c) {
            const auto started = std::chrono::steady_clock::now();
            auto cursor = c.stream(sql);
            nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
            for (std::size_t k = 0; k < cursor->columnCount(); ++k) columns.push_back(std::string(cursor->columnName(k)));
            bool truncated = false;
            while (cursor->next()) {
                if (rows.size() == studio::kMaxPageRows) {
                    truncated = true;
                    cursor->close();
                    break;
                }
                nlohmann::json row = nlohmann::json::array();
                for (std::size_t k = 0; k < cursor->columnCount(); ++k)
                    row.push_back(cursor->isNull(k) ? nlohmann::json(nullptr) : nlohmann::json(std::string(cursor->text(k))));
                rows.push_back(std::move(row));
            }
            nlohmann::json reply{{"columns", columns}, {"rows", rows}, {"truncated", truncated}};
            if (columns.empty()) reply["rowsAffected"] = cursor->affectedRows();
            reply["ms"] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            return reply;
        });
    }

    // The staged edits in one transaction: all of them, or none (the failing one is named).
    void applyEdits(const nlohmann::json& request, httplib::Response& res) {
        const std::vector<studio::EditStatement> edits = studio::buildEdits(catalog, request);
        withDatabase([&](driver::Connection& c) {
            c.begin();
            for (std::size_t i = 0; i < edits.size(); ++i) {
                const studio::EditStatement& e = edits[i];
                std::int64_t affected = 0;
                try {
                    auto statement = c.prepare(e.sql);
                    statement->run(e.params);
                    affected = statement->affectedRows();
                } catch (const Error& error) {
                    c.rollback();
                    if (error.category() == ErrorCategory::connection) throw;
                    replyJson(res, 400, {{"error", "edit " + std::to_string(i + 1) + ": " + error.what() + "; nothing was applied"},
                                         {"edit", i}});
                    return 0;
                }
                if (e.oneRow && affected != 1) {
                    c.rollback();
                    replyJson(res, 409, {{"error", "edit " + std::to_string(i + 1) + ": its row is not there any more (changed "
                                                   "meanwhile?); nothing was applied"},
                                         {"edit", i}});
                    return 0;
                }
            }
            c.commit();
            replyJson(res, 200, {{"applied", edits.size()}});
            return 0;
        });
    }

    // Where each foreign key points, for the grid's links to the referenced row and the rows
    // that reference it.
    nlohmann::json foreignKeys(const model::Table& t) const {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& fk : t.foreignKeys)
            out.push_back({{"name", fk.name},
                           {"columns", fk.columnsFrom},
                           {"schema", catalog.dialect() == Dialect::postgresql ? fk.schemaTo.value_or("public") : ""},
                           {"table", fk.tableTo},
                           {"references", fk.columnsTo}});
        return out;
    }

    nlohmann::json tables() {
        const Dialect d = catalog.dialect();
        nlohmann::json list = nlohmann::json::array();
        return withDatabase([&](driver::Connection& c) {
            const std::vector<studio::RowCount> counts = studio::countRows(c, catalog);
            for (std::size_t i = 0; i < catalog.all().size(); ++i) {
                const studio::TableInfo& t = catalog.all()[i];
                nlohmann::json columns = nlohmann::json::array();
                for (const auto& col : t.columns) {
                    nlohmann::json column{{"name", col.name},         {"type", col.type},
                                          {"kind", studio::kindName(col.kind)}, {"notNull", col.notNull},
                                          {"primaryKey", col.primaryKey}, {"hasDefault", col.hasDefault},
                                          {"generated", col.generated}};
                    if (!col.enumValues.empty()) column["enumValues"] = col.enumValues;
                    if (defaultFns.count({&t, col.name})) column["defaultFn"] = true;
                    if (!col.mode.empty()) column["mode"] = col.mode;
                    columns.push_back(std::move(column));
                }
                list.push_back({{"schema", t.schema},
                                {"name", t.name},
                                {"kind", t.kind},
                                {"rows", counts[i].rows},
                                {"rowsEstimated", counts[i].estimated},
                                {"columns", std::move(columns)},
                                {"key", t.key},
                                {"foreignKeys", t.table ? foreignKeys(*t.table) : nlohmann::json::array()},
                                {"relations", relations.count(&t) ? relations.at(&t) : nlohmann::json::array()}});
            }
            return nlohmann::json{{"dialect", dialectName(d)}, {"tables", list}, {"declaresRelations", !relations.empty()}};
        });
    }

    // What the schema exporter printed, read; not JSON is a bug of ours, not of the request.
    static nlohmann::json exporterJson(const std::string& text) {
        try {
            return nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorCategory::internal, std::string("the schema exporter printed something that is not JSON: ") + e.what());
        }
    }

    // Relations and app-side defaults from the schema's code: each One from its table, and the
    // way back (the rows that point at a row) from the table it points to.
    void readAppSchema() {
        if (!options.appSchema) return;
        const nlohmann::json app = exporterJson(options.appSchema());
        const auto find = [&](const nlohmann::json& where) -> const studio::TableInfo* {
            try {
                return &catalog.find(where.value("schema", ""), where.value("table", ""));
            } catch (const studio::BadRequest&) {
                return nullptr;  // declared in code, not in this database's schema filter
            }
        };
        for (const auto& r : app.value("relations", nlohmann::json::array())) {
            const studio::TableInfo* from = find(r);
            const studio::TableInfo* to = find(r["target"]);
            if (!from || !to) continue;
            nlohmann::json target{{"schema", to->schema}, {"table", to->name}};
            relations[from].push_back({{"name", r["name"]}, {"kind", "one"}, {"target", target},
                                       {"columns", r["columns"]}, {"references", r["references"]}});
            relations[to].push_back({{"name", r["name"]}, {"kind", "many"}, {"target", {{"schema", from->schema}, {"table", from->name}}},
                                     {"columns", r["references"]}, {"references", r["columns"]}});
        }
        for (const auto& c : app.value("columns", nlohmann::json::array()))
            catalog.refine(c.value("schema", ""), c.value("table", ""), c.value("column", ""), c.value("mode", ""),
                           c.value("values", std::vector<std::string>{}));
        for (const auto& d : app.value("defaultFns", nlohmann::json::array()))
            if (const studio::TableInfo* t = find(d)) defaultFns.emplace(t, d["column"].get<std::string>());
    }

    // Fresh values from the schema's app-side defaults for a new row of the table.
    nlohmann::json defaults(const nlohmann::json& request) {
        const studio::TableInfo& t = catalog.find(studio::stringField(request, "schema"), studio::stringField(request, "table"));
        nlohmann::json values = nlohmann::json::object();
        if (!options.defaultValues || !t.table) return {{"values", values}};
        const nlohmann::json produced = exporterJson(options.defaultValues(t.schema, t.name));
        for (auto it = produced.begin(); it != produced.end(); ++it) {
            const studio::ColumnInfo& column = t.column(it.key());
            // In the API's spelling: a boolean the codec bound as 0/1 reads as false/true.
            if (column.kind == studio::ValueKind::boolean && it.value().is_string())
                values[it.key()] = it.value() == "0" || it.value() == "false" ? "false" : "true";
            else
                values[it.key()] = it.value();
        }
        return {{"values", values}};
    }

    // An API route: the reply, or the error as the status it deserves, and the time it took.
    void route(const char* method, const std::string& path, std::function<void(const httplib::Request&, httplib::Response&)> handler) {
        auto wrapped = [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            const auto started = std::chrono::steady_clock::now();
            try {
                handler(req, res);
            } catch (const nlohmann::json::exception&) {
                replyJson(res, 400, {{"error", "the request body is not JSON, or not of the expected shape"}});
            } catch (const studio::BadRequest& e) {
                replyJson(res, e.status, {{"error", e.what()}});
            } catch (const Error& e) {
                // A value the column's type does not take is the database's error, said as it said it.
                nlohmann::json body{{"error", e.what()}};
                if (e.position() > 0) body["position"] = e.position();
                replyJson(res, e.category() == ErrorCategory::connection ? 503 : 400, body);
            }
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            res.set_header("Server-Timing", "app;dur=" + std::to_string(ms));
        };
        if (std::string_view(method) == "GET") server.Get(path, wrapped);
        else server.Post(path, wrapped);
    }
};

StudioServer::StudioServer(model::Schema schema, Connect connect, const StudioOptions& options)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.schema = std::move(schema);
    s.catalog = studio::Catalog(s.schema);
    s.connect = std::move(connect);
    s.options = options;
    if (s.options.token.empty()) s.options.token = randomToken();
    s.readAppSchema();

    s.server.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
        if (!s.hostAllowed(req.get_header_value("Host"))) {
            replyJson(res, 403, {{"error", "this server answers only to the address it is bound to"}});
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.has_header("Origin") && req.get_header_value("Origin") != "http://" + req.get_header_value("Host")) {
            replyJson(res, 403, {{"error", "requests from other web pages are refused"}});
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.path.rfind("/api/", 0) == 0 && !sameToken(req.get_header_value("X-Studio-Token"), s.options.token)) {
            replyJson(res, 401, {{"error", "unauthorised: open the URL drizzle-kit studio printed, which carries the token"}});
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // The app: its files from the binary, never from the network (the policy says so to the browser).
    s.server.Get(R"(/|/app\.js|/app\.css)", [](const httplib::Request& req, httplib::Response& res) {
        const studio::Asset* asset = studio::findAsset(req.path == "/" ? "/index.html" : req.path);
        res.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(std::string(asset->content), std::string(asset->contentType) + "; charset=utf-8");
    });
    s.route("GET", "/api/tables", [&s](const httplib::Request&, httplib::Response& res) { replyJson(res, 200, s.tables()); });
    s.route("POST", "/api/rows", [&s](const httplib::Request& req, httplib::Response& res) {
        replyJson(res, 200, s.rows(nlohmann::json::parse(req.body)));
    });
    s.route("POST", "/api/edits", [&s](const httplib::Request& req, httplib::Response& res) { s.applyEdits(nlohmann::json::parse(req.body), res); });
    s.route("POST", "/api/sql", [&s](const httplib::Request& req, httplib::Response& res) {
        replyJson(res, 200, s.runSql(nlohmann::json::parse(req.body)));
    });
    s.route("POST", "/api/defaults", [&s](const httplib::Request& req, httplib::Response& res) {
        replyJson(res, 200, s.defaults(nlohmann::json::parse(req.body)));
    });
    s.route("POST", "/api/export", [&s](const httplib::Request& req, httplib::Response& res) { s.exportRows(nlohmann::json::parse(req.body), res); });
    if (s.options.log)
        s.server.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
            std::string timing = res.get_header_value("Server-Timing");  // "app;dur=3.14159"
            timing = timing.empty() ? "" : " " + timing.substr(timing.find('=') + 1, 6) + " ms";
            s.options.log(req.method + " " + req.path + " " + std::to_string(res.status) + timing);
        });
    s.server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) replyJson(res, res.status, {{"error", "no such page"}});
    });

    // SO_REUSEADDR, not cpp-httplib's SO_REUSEPORT, with which a second studio would share the
    // port of the first, unnoticed, and take half its requests. TCP_NODELAY (accepted sockets
    // inherit it): a reply goes out as headers then body, and on a kept-alive connection Nagle
    // held the body until the client's delayed ACK of the headers, 40 ms per request.
    s.server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const char*>(&yes), sizeof yes);
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&yes), sizeof yes);
    });
    s.port = options.port == 0 ? s.server.bind_to_any_port(s.options.host) : s.server.bind_to_port(s.options.host, options.port) ? options.port : -1;
    if (s.port <= 0)
        throw Error(ErrorCategory::connection, "cannot listen on " + s.options.host + ":" + std::to_string(options.port),
                    "the port is taken or the address is not this machine's: pass --port or --host");
}

StudioServer::~StudioServer() { stop(); }

int StudioServer::port() const { return state_->port; }
const std::string& StudioServer::token() const { return state_->options.token; }
std::string StudioServer::url() const {
    const std::string host = state_->options.host == "0.0.0.0" ? "127.0.0.1" : state_->options.host;
    return "http://" + host + ":" + std::to_string(state_->port) + "/?token=" + state_->options.token;
}

void StudioServer::run() { state_->server.listen_after_bind(); }
void StudioServer::stop() { state_->server.stop(); }

}  // namespace drizzle::kit
