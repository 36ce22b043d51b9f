// MySQL (MariaDB): the scratch database, applying the export, and reading information_schema
// (see mysql.hpp).
#include <sstream>
#include <stdexcept>

#include "support/mysql.hpp"

namespace drizzle::integration::mysql {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ident(std::string_view name) {
    std::string out = "`";
    for (char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out + "`";
}

namespace {

std::string key(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto p : parts) {
        out += p;
        out += '\x1f';
    }
    return out;
}

}  // namespace

std::string defaultKey(std::string_view t, std::string_view c) { return key({"default", t, c}); }
std::string generatedKey(std::string_view t, std::string_view c) { return key({"generated", t, c}); }
std::string checkKey(std::string_view t, std::string_view n) { return key({"check", t, n}); }
std::string viewKey(std::string_view n) { return key({"view", n}); }

Database::Database(const std::string& serverUrl) : name_(uniqueName("drizzle_it_mysql_")) {
    // mysql://user:password@host:port/database
    std::string rest = serverUrl.substr(serverUrl.find("://") == std::string::npos ? 0 : serverUrl.find("://") + 3);
    rest = rest.substr(0, rest.find('/'));
    const auto at = rest.rfind('@');
    const std::string credentials = at == std::string::npos ? "" : rest.substr(0, at);
    const std::string address = at == std::string::npos ? rest : rest.substr(at + 1);
    user_ = credentials.substr(0, credentials.find(':'));
    if (credentials.find(':') != std::string::npos) password_ = credentials.substr(credentials.find(':') + 1);
    host_ = address.substr(0, address.find(':'));
    port_ = address.find(':') == std::string::npos ? "3306" : address.substr(address.find(':') + 1);
    std::vector<std::string> argv = connection();
    argv.insert(argv.end(), {"-e", "CREATE DATABASE " + ident(name_) + " CHARACTER SET utf8mb4"});
    RunResult r = run(argv);
    if (r.exitCode != 0) throw std::runtime_error("cannot create database " + name_ + " on " + serverUrl + ": " + r.err);
}

Database::~Database() {
    std::vector<std::string> argv = connection();
    argv.insert(argv.end(), {"-e", "DROP DATABASE IF EXISTS " + ident(name_)});
    run(argv);
}

std::vector<std::string> Database::connection() const {
    return {"mariadb", "--no-defaults", "--protocol=tcp", "-h", host_, "-P", port_, "-u", user_, "--password=" + password_,
            "--default-character-set=utf8mb4", "--batch"};
}

RunResult Database::client(const std::vector<std::string>& args, const fs::path& stdinFile) const {
    std::vector<std::string> argv = connection();
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(name_);
    return run(argv, stdinFile);
}

std::vector<json> Database::queryJson(const std::string& sql) const {
    RunResult r = client({"--raw", "--skip-column-names", "-e", "SET SESSION group_concat_max_len = 1073741824; " + sql});
    if (r.exitCode != 0) throw std::runtime_error("mariadb failed: " + r.err + "\nquery:\n" + sql);
    std::vector<json> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        out.push_back(trim(line) == "NULL" ? json::array() : json::parse(line));
    return out;
}

std::string apply(const Database& db, const fs::path& sqlFile) {
    RunResult r = db.client({}, sqlFile);
    if (r.exitCode == 0) return "";
    // The client prints the failing statement between dashed lines, then "ERROR ... at line N".
    std::string message = "the mariadb client stopped at the first error:\n" + r.err;
    if (const int line = lineAfter(r.err, "at line "); line > 0)
        message += "\nthe statement that starts there:\n" + excerpt(readText(sqlFile), line, 3);
    return message;
}

namespace {

// One flat array per statement: MariaDB would quote JSON that comes out of a subquery.
constexpr const char* catalogQuery = R"SQL(
select json_arrayagg(json_object('name', table_name, 'type', table_type))
  from information_schema.tables where table_schema = database();
select json_arrayagg(json_object('table', table_name, 'name', column_name, 'position', ordinal_position,
         'type', column_type, 'nullable', is_nullable, 'default', column_default, 'extra', extra,
         'generated', is_generated, 'expr', generation_expression))
  from information_schema.columns where table_schema = database();
select json_arrayagg(json_object('table', table_name, 'index', index_name, 'nonUnique', non_unique, 'seq', seq_in_index,
         'column', column_name, 'collation', collation, 'indexType', index_type, 'subPart', sub_part))
  from information_schema.statistics where table_schema = database();
select json_arrayagg(json_object('table', table_name, 'name', constraint_name, 'type', constraint_type))
  from information_schema.table_constraints where table_schema = database();
select json_arrayagg(json_object('table', table_name, 'name', constraint_name, 'column', column_name,
         'position', ordinal_position, 'refTable', referenced_table_name, 'refColumn', referenced_column_name))
  from information_schema.key_column_usage where table_schema = database();
select json_arrayagg(json_object('table', table_name, 'name', constraint_name, 'refTable', referenced_table_name,
         'onUpdate', update_rule, 'onDelete', delete_rule))
  from information_schema.referential_constraints where constraint_schema = database();
select json_arrayagg(json_object('table', table_name, 'name', constraint_name, 'level', level, 'clause', check_clause))
  from information_schema.check_constraints where constraint_schema = database();
select json_arrayagg(json_object('name', table_name, 'definition', view_definition, 'checkOption', check_option,
         'security', security_type, 'algorithm', algorithm))
  from information_schema.views where table_schema = database();
)SQL";

constexpr const char* families[] = {"tables", "columns", "statistics", "constraints", "keyColumns", "references", "checks", "views"};

constexpr const char* probeResultsQuery = R"SQL(
select json_arrayagg(json_object('name', column_name, 'default', column_default, 'expr', generation_expression))
  from information_schema.columns where table_schema = database() and column_name like '\_\_probe\_%';
select json_arrayagg(json_object('name', constraint_name, 'clause', check_clause))
  from information_schema.check_constraints where constraint_schema = database() and constraint_name like '\_\_probe\_%';
select json_arrayagg(json_object('name', table_name, 'definition', view_definition))
  from information_schema.views where table_schema = database() and table_name like '\_\_probe\_%';
)SQL";

const json* findColumn(const json& data, const std::string& table, const std::string& column) {
    for (const auto& c : data["columns"])
        if (c["table"] == table && c["name"] == column) return &c;
    return nullptr;
}

}  // namespace

Catalog readCatalog(const Database& db, const model::Schema& schema) {
    Catalog c;
    c.database = db.name();
    const auto results = db.queryJson(catalogQuery);
    if (results.size() != std::size(families)) throw std::runtime_error("information_schema query returned too few results");
    c.data = json::object();
    for (std::size_t i = 0; i < results.size(); ++i) c.data[families[i]] = results[i];

    // Probes go onto the exported tables themselves, after the catalog has been read: a
    // generated column or check may name its own table (`modifiers`.`price`).
    std::string script;
    struct Probe {
        std::string key, field;  // what the probe stands for, and which result field holds its text
    };
    std::map<std::string, Probe> probes;
    auto add = [&](const std::string& key, const std::string& field, const std::string& statementWithName) {
        const std::string name = "__probe_" + std::to_string(probes.size());
        std::string statement = statementWithName;
        for (std::size_t at; (at = statement.find("@PROBE@")) != std::string::npos;) statement.replace(at, 7, ident(name));
        script += statement + ";\n";
        probes[name] = {key, field};
    };
    for (const auto& t : schema.tables) {
        for (const auto& col : t.columns) {
            const json* actual = findColumn(c.data, t.name, col.name);
            if (!actual) continue;
            const std::string type = (*actual)["type"];
            if (col.defaultValue)
                add(defaultKey(t.name, col.name), "default",
                    "ALTER TABLE " + ident(t.name) + " ADD COLUMN @PROBE@ " + type + " DEFAULT " + col.defaultValue->text);
            if (col.generated)
                add(generatedKey(t.name, col.name), "expr",
                    "ALTER TABLE " + ident(t.name) + " ADD COLUMN @PROBE@ " + type + " GENERATED ALWAYS AS (" +
                        col.generated->as + ") VIRTUAL");
        }
        for (const auto& k : t.checks)
            add(checkKey(t.name, k.name), "clause", "ALTER TABLE " + ident(t.name) + " ADD CONSTRAINT @PROBE@ CHECK (" + k.value + ")");
    }
    for (const auto& v : schema.views)
        if (!v.isExisting && v.definition) add(viewKey(v.name), "definition", "CREATE VIEW @PROBE@ AS " + *v.definition);

    TempDir dir;
    writeText(dir.path() / "probes.sql", script);
    RunResult r = db.client({"--force"}, dir.path() / "probes.sql");
    c.probeErrors = r.err;
    const auto probed = db.queryJson(probeResultsQuery);
    for (const auto& family : probed) {
        for (const auto& p : family) {
            auto probe = probes.find(p["name"].get<std::string>());
            if (probe == probes.end()) continue;
            const json& value = p[probe->second.field];
            if (!value.is_null()) c.normalised[probe->second.key] = value;
        }
    }
    return c;
}

}  // namespace drizzle::integration::mysql
