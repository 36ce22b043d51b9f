// drizzle.config.json: strict parsing (an unknown or mistyped field is an error that says
// which), ${ENV} expansion, and flags layered on top.
#include "drizzle/kit/config.hpp"

#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "drizzle/error.hpp"
#include "generate/migration_names.hpp"
#include "util/atomic_file.hpp"
#include "util/glob.hpp"

namespace drizzle::kit {

namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(const std::filesystem::path& source, const std::string& what, const std::string& hint) {
    throw Error(ErrorCategory::config, (source.empty() ? std::string("config") : source.string()) + ": " + what, hint);
}

// ${NAME} is replaced by the environment variable NAME; an unset one is an error.
std::string expandEnv(const std::string& s, const std::filesystem::path& source, const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
            auto end = s.find('}', i);
            if (end == std::string::npos) fail(source, "\"" + field + "\" has an unclosed ${", "write ${NAME}");
            std::string name = s.substr(i + 2, end - i - 2);
            const char* v = std::getenv(name.c_str());
            if (!v) fail(source, "\"" + field + "\" uses ${" + name + "}, which is not set", "export " + name + " before running drizzle-kit");
            out += v;
            i = end;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

void checkKeys(const Json& obj, const std::set<std::string>& known, const std::filesystem::path& source, const std::string& where) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (known.count(it.key())) continue;
        std::string best;
        std::size_t bestDistance = 3;
        for (const auto& k : known) {
            std::size_t d = editDistance(it.key(), k);
            if (d < bestDistance) bestDistance = d, best = k;
        }
        fail(source, "unknown field \"" + where + it.key() + "\"" + (best.empty() ? "" : " (did you mean \"" + where + best + "\"?)"),
             "remove it, or correct its name");
    }
}

class Fields {
public:
    Fields(const Json& obj, const std::filesystem::path& source, std::string prefix = {})
        : obj_(obj), source_(source), prefix_(std::move(prefix)) {}

    std::optional<std::string> str(const std::string& key) const {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return std::nullopt;
        if (!it->is_string()) fail(source_, "\"" + prefix_ + key + "\" must be a string", "quote the value");
        return expandEnv(it->get<std::string>(), source_, prefix_ + key);
    }
    std::optional<bool> boolean(const std::string& key) const {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return std::nullopt;
        if (!it->is_boolean()) fail(source_, "\"" + prefix_ + key + "\" must be true or false", "write true or false, unquoted");
        return it->get<bool>();
    }
    std::optional<std::vector<std::string>> strings(const std::string& key) const {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return std::nullopt;
        if (it->is_string()) return std::vector<std::string>{expandEnv(it->get<std::string>(), source_, prefix_ + key)};
        if (!it->is_array()) fail(source_, "\"" + prefix_ + key + "\" must be a string or an array of strings", "e.g. [\"src/db/schema.hpp\"]");
        std::vector<std::string> out;
        for (const auto& v : *it) {
            if (!v.is_string()) fail(source_, "\"" + prefix_ + key + "\" must contain only strings", "quote every entry");
            out.push_back(expandEnv(v.get<std::string>(), source_, prefix_ + key));
        }
        return out;
    }
    std::optional<int> integer(const std::string& key) const {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return std::nullopt;
        if (it->is_number_integer()) return it->get<int>();
        if (it->is_string()) {
            std::string s = expandEnv(it->get<std::string>(), source_, prefix_ + key);
            try {
                return std::stoi(s);
            } catch (...) {
            }
        }
        fail(source_, "\"" + prefix_ + key + "\" must be a whole number", "e.g. 5432");
    }
    const Json* object(const std::string& key) const {
        auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return nullptr;
        if (!it->is_object()) fail(source_, "\"" + prefix_ + key + "\" must be an object", "write { ... }");
        return &*it;
    }

private:
    const Json& obj_;
    const std::filesystem::path& source_;
    std::string prefix_;
};

Dialect dialectOrFail(const std::string& s, const std::filesystem::path& source) {
    if (auto d = parseDialect(s)) return *d;
    fail(source, "\"dialect\" must be postgresql, sqlite or mysql, not \"" + s + "\"", "set \"dialect\" to the database you use");
}

}  // namespace

Config parseConfig(const std::string& text, const std::filesystem::path& source) {
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::parse_error& e) {
        fail(source, "not valid JSON (byte " + std::to_string(e.byte) + ")", "fix the syntax; the file must be plain JSON");
    }
    if (!root.is_object()) fail(source, "must hold a JSON object", "write { \"dialect\": ..., \"schema\": ... }");
    checkKeys(root, {"$schema", "dialect", "schema", "out", "dbCredentials", "tablesFilter", "schemaFilter", "extensionsFilters",
                     "introspect", "entities", "migrations", "strict", "verbose", "breakpoints", "casing", "driver"},
              source, "");
    Fields f(root, source);
    Config c;
    c.file = source;
    c.root = source.empty() ? std::filesystem::current_path() : std::filesystem::absolute(source).parent_path();
    if (auto d = f.str("dialect")) c.dialect = dialectOrFail(*d, source);
    else fail(source, "\"dialect\" is missing", "add \"dialect\": \"sqlite\" (or \"postgresql\", \"mysql\")");
    if (auto s = f.strings("schema")) c.schema = *s;
    if (auto o = f.str("out")) c.out = *o;
    if (const Json* creds = f.object("dbCredentials")) {
        checkKeys(*creds, {"url", "host", "port", "user", "password", "database", "ssl"}, source, "dbCredentials.");
        Fields cf(*creds, source, "dbCredentials.");
        c.dbCredentials.url = cf.str("url").value_or("");
        c.dbCredentials.host = cf.str("host").value_or("");
        c.dbCredentials.user = cf.str("user").value_or("");
        c.dbCredentials.password = cf.str("password").value_or("");
        c.dbCredentials.database = cf.str("database").value_or("");
        c.dbCredentials.port = cf.integer("port");
        if (creds->contains("ssl") && (*creds)["ssl"].is_boolean())
            c.dbCredentials.ssl = (*creds)["ssl"].get<bool>() ? "require" : "disable";
        else
            c.dbCredentials.ssl = cf.str("ssl").value_or("");
    }
    c.tablesFilter = f.strings("tablesFilter").value_or(std::vector<std::string>{});
    c.schemaFilter = f.strings("schemaFilter").value_or(std::vector<std::string>{});
    c.extensionsFilters = f.strings("extensionsFilters").value_or(std::vector<std::string>{});
    if (const Json* in = f.object("introspect")) {
        checkKeys(*in, {"casing"}, source, "introspect.");
        c.introspectCasing = Fields(*in, source, "introspect.").str("casing").value_or("camel");
        if (c.introspectCasing != "camel" && c.introspectCasing != "preserve")
            fail(source, "\"introspect.casing\" must be camel or preserve", "pick one");
    }
    if (const Json* e = f.object("entities")) {
        checkKeys(*e, {"roles"}, source, "entities.");
        if (e->contains("roles") && !(*e)["roles"].is_boolean())
            fail(source, "\"entities.roles\" must be true or false here",
                 "the provider/include/exclude form is not supported yet; write \"roles\": true");
        c.entitiesRoles = Fields(*e, source, "entities.").boolean("roles").value_or(false);
    }
    if (const Json* m = f.object("migrations")) {
        checkKeys(*m, {"table", "schema", "prefix"}, source, "migrations.");
        Fields mf(*m, source, "migrations.");
        c.migrations.table = mf.str("table").value_or(c.migrations.table);
        c.migrations.schema = mf.str("schema").value_or(c.migrations.schema);
        c.migrations.prefix = mf.str("prefix").value_or(c.migrations.prefix);
        if (!kit::isPrefixMode(c.migrations.prefix))
            fail(source, "\"migrations.prefix\" is \"" + c.migrations.prefix + "\", not a prefix mode",
                 std::string("use one of ") + kit::prefixModes);
    }
    c.strict = f.boolean("strict").value_or(false);
    c.verbose = f.boolean("verbose").value_or(false);
    c.breakpoints = f.boolean("breakpoints").value_or(true);
    c.casing = f.str("casing").value_or("");
    return c;
}

Config loadConfig(const ConfigOverrides& o) {
    Config c;
    std::filesystem::path path = o.configPath.value_or("drizzle.config.json");
    // --dialect is enough without a file; commands that read the schema ask for it themselves
    // (Config::schemaFiles says what is missing).
    const bool flagsSuffice = o.dialect.has_value();
    std::error_code ec;
    const bool found = std::filesystem::exists(path, ec);
    if (ec) throw util::ioError(path, "checking for the config file", ec);
    if (found) {
        c = parseConfig(util::readFileOrThrow(path), path);
    } else if (o.configPath) {
        throw Error(ErrorCategory::config, "config file " + path.string() + " does not exist",
                    "check the path given to --config");
    } else if (!flagsSuffice) {
        throw Error(ErrorCategory::config,
                    "no drizzle.config.json in " + std::filesystem::current_path().string(),
                    "create one, pass --config PATH, or pass --dialect (and --schema for generate and export)");
    } else {
        c.root = std::filesystem::current_path();
    }
    if (o.dialect) c.dialect = dialectOrFail(*o.dialect, "--dialect");
    if (!o.schema.empty()) c.schema = o.schema;
    if (o.out) c.out = *o.out;
    if (o.url) c.dbCredentials.url = *o.url;
    if (o.breakpoints) c.breakpoints = *o.breakpoints;
    if (o.verbose) c.verbose = *o.verbose;
    return c;
}

std::vector<std::filesystem::path> Config::schemaFiles() const {
    if (schema.empty()) {
        if (file.empty())
            throw Error(ErrorCategory::config, "no schema headers given", "pass --schema PATH (a header or glob)");
        throw Error(ErrorCategory::config, file.string() + ": \"schema\" is missing",
                    "add \"schema\": \"src/db/schema.hpp\" (a path, glob or array of C++ headers)");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& pattern : schema) {
        auto matched = util::glob(root, pattern);
        if (matched.empty())
            throw Error(ErrorCategory::config, "schema \"" + pattern + "\" matches no file under " + root.string(),
                        "check the \"schema\" path; it is relative to the config file's folder");
        files.insert(files.end(), matched.begin(), matched.end());
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace drizzle::kit
