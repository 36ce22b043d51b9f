// buildEdits (edits.hpp).
#include "studio/edits.hpp"

#include <algorithm>

#include "drizzle/dialect.hpp"
#include "studio/row_query.hpp"

namespace drizzle::kit::studio {

namespace {

using Json = nlohmann::json;

const model::Table& findTable(const model::Schema& schema, const Json& request) {
    if (!request.contains("table") || !request["table"].is_string()) throw BadRequest(400, "\"table\" must be a string");
    const std::string name = request["table"];
    const bool pg = schema.dialect == Dialect::postgresql;
    std::string wanted = request.value("schema", std::string());
    if (wanted.empty()) wanted = "public";
    for (const auto& t : schema.tables)
        if (t.name == name && (!pg || (t.schema.empty() ? "public" : t.schema) == wanted)) return t;
    throw BadRequest(404, "no table \"" + name + "\"" + (pg ? " in schema \"" + wanted + "\"" : "") +
                              " in the schema (views cannot be edited)");
}

class Builder {
public:
    Builder(const model::Schema& schema, const model::Table& table) : d_(schema.dialect), table_(table) {
        target_ = quoteTableName(d_, table.schema, table.name);
    }

    EditStatement build(const Json& edit, std::size_t index) {
        where_ = "edit " + std::to_string(index + 1);
        if (!edit.is_object() || !edit.contains("op") || !edit["op"].is_string())
            throw BadRequest(400, where_ + ": needs an \"op\": insert, update or delete");
        const std::string op = edit["op"];
        EditStatement s;
        if (op == "insert") {
            const Json& values = object(edit, "values");
            std::string columns, placeholders;
            for (auto it = values.begin(); it != values.end(); ++it) {
                columns += (columns.empty() ? "" : ", ") + column(it.key());
                placeholders += (placeholders.empty() ? "" : ", ") + bind(s, it.value());
            }
            s.sql = "INSERT INTO " + target_ +
                    (columns.empty() ? std::string(traitsOf(d_).insertDefaultRow) : " (" + columns + ") VALUES (" + placeholders + ")");
        } else if (op == "update") {
            const Json& set = object(edit, "set");
            if (set.empty()) throw BadRequest(400, where_ + ": \"set\" names no column");
            std::string assignments;
            for (auto it = set.begin(); it != set.end(); ++it)
                assignments += (assignments.empty() ? "" : ", ") + column(it.key()) + " = " + bind(s, it.value());
            const std::size_t valueCount = s.params.size();
            const std::string where = byKey(s, edit);
            s.sql = "UPDATE " + target_ + " SET " + assignments + where;
            s.oneRow = true;
            if (d_ == Dialect::mysql) {
                s.existsSql = "SELECT count(*) FROM " + target_ + where;
                s.existsParams.assign(s.params.begin() + static_cast<std::ptrdiff_t>(valueCount), s.params.end());
            }
        } else if (op == "delete") {
            s.sql = "DELETE FROM " + target_ + byKey(s, edit);
            s.oneRow = true;
        } else {
            throw BadRequest(400, where_ + ": unknown op \"" + op + "\" (insert, update, delete)");
        }
        return s;
    }

private:
    const Json& object(const Json& edit, const char* key) const {
        if (!edit.contains(key) || !edit[key].is_object()) throw BadRequest(400, where_ + ": \"" + key + "\" must be an object");
        return edit[key];
    }

    std::string column(const std::string& name) const {
        if (!table_.column(name)) throw BadRequest(400, where_ + ": no column \"" + name + "\" in \"" + table_.name + "\"");
        return quoteIdentifier(d_, name);
    }

    std::string bind(EditStatement& s, const Json& value) const {
        if (value.is_null()) s.params.emplace_back(nullptr);
        else if (value.is_string()) s.params.emplace_back(value.get<std::string>());
        else throw BadRequest(400, where_ + ": a value must be text or null");
        return "?";  // the PostgreSQL driver numbers them
    }

    // WHERE over the whole primary key, as the row was read.
    std::string byKey(EditStatement& s, const Json& edit) const {
        const auto key = primaryKey(table_);
        if (key.empty()) throw BadRequest(400, where_ + ": \"" + table_.name + "\" has no primary key, so a row cannot be named");
        const Json& given = object(edit, "key");
        if (given.size() != key.size())
            throw BadRequest(400, where_ + ": \"key\" must name the primary key's columns, and only them");
        std::string where;
        for (const auto& k : key) {
            if (!given.contains(k) || given[k].is_null()) throw BadRequest(400, where_ + ": \"key\" lacks \"" + k + "\"");
            where += (where.empty() ? " WHERE " : " AND ") + quoteIdentifier(d_, k) + " = " + bind(s, given[k]);
        }
        return where;
    }

    Dialect d_;
    const model::Table& table_;
    std::string target_, where_;
};

}  // namespace

std::vector<std::string> primaryKey(const model::Table& t) {
    std::vector<std::string> key;
    for (const auto& c : t.columns)
        if (c.primaryKey) key.push_back(c.name);
    if (key.empty() && !t.compositePrimaryKeys.empty()) key = t.compositePrimaryKeys.front().columns;
    return key;
}

std::vector<EditStatement> buildEdits(const model::Schema& schema, const Json& request) {
    if (!request.is_object()) throw BadRequest(400, "the request must be a JSON object");
    const model::Table& table = findTable(schema, request);
    if (!request.contains("edits") || !request["edits"].is_array() || request["edits"].empty())
        throw BadRequest(400, "\"edits\" must be a non-empty list");
    Builder builder(schema, table);
    std::vector<EditStatement> out;
    for (std::size_t i = 0; i < request["edits"].size(); ++i) out.push_back(builder.build(request["edits"][i], i));
    return out;
}

}  // namespace drizzle::kit::studio
