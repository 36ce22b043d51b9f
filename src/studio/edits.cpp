// buildEdits (edits.hpp).
#include "studio/edits.hpp"

#include <algorithm>

#include "drizzle/dialect.hpp"

namespace drizzle::kit::studio {

namespace {

using Json = nlohmann::json;

class Builder {
public:
    Builder(const Catalog& catalog, const TableInfo& table) : catalog_(catalog), d_(catalog.dialect()), table_(table) {
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
                columns += (columns.empty() ? "" : ", ") + quoteIdentifier(d_, column(it.key()).name);
                placeholders += (placeholders.empty() ? "" : ", ") + bind(s, column(it.key()), it.value());
            }
            s.sql = "INSERT INTO " + target_ +
                    (columns.empty() ? std::string(traitsOf(d_).insertDefaultRow) : " (" + columns + ") VALUES (" + placeholders + ")");
        } else if (op == "update") {
            const Json& set = object(edit, "set");
            if (set.empty()) throw BadRequest(400, where_ + ": \"set\" names no column");
            std::string assignments;
            for (auto it = set.begin(); it != set.end(); ++it)
                assignments += (assignments.empty() ? "" : ", ") + quoteIdentifier(d_, column(it.key()).name) + " = " +
                               bind(s, column(it.key()), it.value());
            s.sql = "UPDATE " + target_ + " SET " + assignments + byKey(s, edit);
            s.oneRow = true;
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

    const ColumnInfo& column(const std::string& name) const {
        try {
            return table_.column(name);
        } catch (const BadRequest& e) {
            throw BadRequest(400, where_ + ": " + e.what());
        }
    }

    std::string bind(EditStatement& s, const ColumnInfo& column, const Json& value) const {
        if (value.is_null()) {
            s.params.emplace_back(nullptr);
        } else if (value.is_string()) {
            try {
                s.params.push_back(catalog_.toParam(column, value.get<std::string>()));
            } catch (const BadRequest& e) {
                throw BadRequest(400, where_ + ": " + e.what());
            }
        } else {
            throw BadRequest(400, where_ + ": a value must be text or null");
        }
        return "?";  // the PostgreSQL driver numbers them
    }

    // WHERE over the whole primary key, as the row was read.
    std::string byKey(EditStatement& s, const Json& edit) const {
        const auto& key = table_.key;
        if (key.empty()) throw BadRequest(400, where_ + ": \"" + table_.name + "\" has no primary key, so a row cannot be named");
        const Json& given = object(edit, "key");
        if (given.size() != key.size())
            throw BadRequest(400, where_ + ": \"key\" must name the primary key's columns, and only them");
        std::string where;
        for (const auto& k : key) {
            if (!given.contains(k) || given[k].is_null()) throw BadRequest(400, where_ + ": \"key\" lacks \"" + k + "\"");
            where += (where.empty() ? " WHERE " : " AND ") + quoteIdentifier(d_, k) + " = " + bind(s, table_.column(k), given[k]);
        }
        return where;
    }

    const Catalog& catalog_;
    Dialect d_;
    const TableInfo& table_;
    std::string target_, where_;
};

}  // namespace

std::vector<EditStatement> buildEdits(const Catalog& catalog, const Json& request) {
    if (!request.is_object()) throw BadRequest(400, "the request must be a JSON object");
    const TableInfo& table = catalog.find(stringField(request, "schema"), stringField(request, "table"));
    if (!table.table) throw BadRequest(400, "\"" + table.name + "\" is a " + table.kind + ": views cannot be edited");
    if (!request.contains("edits") || !request["edits"].is_array() || request["edits"].empty())
        throw BadRequest(400, "\"edits\" must be a non-empty list");
    Builder builder(catalog, table);
    std::vector<EditStatement> out;
    for (std::size_t i = 0; i < request["edits"].size(); ++i) out.push_back(builder.build(request["edits"][i], i));
    return out;
}

}  // namespace drizzle::kit::studio
