// snapshot::upgrade: the field changes Drizzle Kit's `up` makes to its older snapshot formats,
// applied to the JSON tree, then the result read and written like any snapshot, so an upgraded
// file is byte for byte what this build (and Drizzle Kit 0.31) writes for that schema.
//
//   PostgreSQL v5 -> v6: dialect "pg" becomes "postgresql"; tables are keyed "schema.table"
//     (a table without a schema is in public); enums are keyed "public.name" and carry their
//     schema, and their values become a list (v5 keeps them as an object of value -> value).
//   PostgreSQL v6 -> v7: an index's columns become objects ({expression, isExpression: false,
//     asc: true, nulls: "last"}) and the index gets `with: {}`; each table gets policies,
//     isRLSEnabled and checkConstraints; the snapshot gets sequences, policies, views and roles.
//   SQLite v5 -> v6: a default that is a JSON object or array becomes its text in quotes; the
//     snapshot gets views.
#include <nlohmann/json.hpp>

#include "drizzle/error.hpp"
#include "drizzle/kit/snapshot.hpp"

namespace drizzle::kit::snapshot {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void unsupported(std::string_view source, const std::string& what) {
    throw Error(ErrorCategory::snapshot, std::string(source) + ": " + what,
                "restore the file from version control; `up` upgrades PostgreSQL snapshots of versions 5 and 6 and "
                "SQLite snapshots of version 5");
}

Json& member(Json& object, const char* key, std::string_view source) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_object())
        unsupported(source, std::string("\"") + key + "\" is missing or not an object");
    return object[key];
}

void pgToV6(Json& j, std::string_view source) {
    Json tables = Json::object();
    for (auto& [key, table] : member(j, "tables", source).items()) {
        if (!table.is_object() || !table.contains("name") || !table["name"].is_string())
            unsupported(source, "tables." + key + ": no name");
        const std::string schema =
            table.contains("schema") && table["schema"].is_string() && !table["schema"].get<std::string>().empty()
                ? table["schema"].get<std::string>()
                : "public";
        tables[schema + "." + table["name"].get<std::string>()] = table;
    }
    Json enums = Json::object();
    for (auto& [key, e] : member(j, "enums", source).items()) {
        if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) unsupported(source, "enums." + key + ": no name");
        Json values = Json::array();
        if (e.contains("values") && e["values"].is_object())
            for (auto& [k, v] : e["values"].items()) values.push_back(v);
        else if (e.contains("values") && e["values"].is_array())
            values = e["values"];
        enums["public." + e["name"].get<std::string>()] =
            Json{{"name", e["name"]}, {"schema", "public"}, {"values", values}};
    }
    j["version"] = "6";
    j["dialect"] = "postgresql";
    j["tables"] = tables;
    j["enums"] = enums;
}

void pgToV7(Json& j, std::string_view source) {
    for (auto& [key, table] : member(j, "tables", source).items()) {
        for (auto& [name, index] : member(table, "indexes", source).items()) {
            if (!index.contains("columns") || !index["columns"].is_array())
                unsupported(source, "tables." + key + ".indexes." + name + ": no columns");
            Json columns = Json::array();
            for (auto& c : index["columns"]) {
                if (!c.is_string()) unsupported(source, "tables." + key + ".indexes." + name + ": a column is not a name");
                columns.push_back(Json{{"expression", c}, {"isExpression", false}, {"asc", true}, {"nulls", "last"}});
            }
            index["columns"] = columns;
            if (!index.contains("with")) index["with"] = Json::object();
        }
        table["policies"] = Json::object();
        table["isRLSEnabled"] = false;
        table["checkConstraints"] = Json::object();
    }
    j["version"] = "7";
    j["dialect"] = "postgresql";
    j["sequences"] = Json::object();
    j["policies"] = Json::object();
    j["views"] = Json::object();
    j["roles"] = Json::object();
}

void sqliteToV6(Json& j, std::string_view source) {
    for (auto& [key, table] : member(j, "tables", source).items())
        for (auto& [name, column] : member(table, "columns", source).items())
            if (column.contains("default") && (column["default"].is_object() || column["default"].is_array()))
                column["default"] = "'" + column["default"].dump() + "'";
    j["version"] = "6";
    j["dialect"] = "sqlite";
    j["views"] = Json::object();
}

}  // namespace

std::optional<std::string> upgrade(std::string_view text, std::string_view source) {
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorCategory::snapshot, std::string(source) + ": not valid JSON (byte " + std::to_string(e.byte) + ")",
                    "restore the file from version control, or regenerate it");
    }
    if (!j.is_object() || !j.contains("version") || !j["version"].is_string() || !j.contains("dialect") ||
        !j["dialect"].is_string())
        unsupported(source, "not a snapshot (no version or dialect)");
    const std::string version = j["version"], dialect = j["dialect"];
    const bool pg = dialect == "pg" || dialect == "postgresql";
    if (pg && version == "5") pgToV6(j, source);
    if (pg && (version == "5" || version == "6")) pgToV7(j, source);
    else if (dialect == "sqlite" && version == "5") sqliteToV6(j, source);
    else if (!(pg && version == "7") && !(dialect == "sqlite" && version == "6") && !(dialect == "mysql" && version == "5"))
        unsupported(source, dialect + " snapshot version " + version + " is not one `up` upgrades");
    else return std::nullopt;
    // Read back as any snapshot is: what the upgrade produced must be a complete one.
    return write(read(j.dump(), source));
}

}  // namespace drizzle::kit::snapshot
