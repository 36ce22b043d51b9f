#include "drizzle/model/model.hpp"

namespace drizzle::model {

const Column* Table::column(std::string_view n) const {
    for (const auto& c : columns)
        if (c.name == n) return &c;
    return nullptr;
}

const Table* Schema::table(std::string_view schemaName, std::string_view name) const {
    for (const auto& t : tables)
        if (t.schema == schemaName && t.name == name) return &t;
    return nullptr;
}

std::string objectKey(Dialect dialect, std::string_view schema, std::string_view name) {
    if (!traitsOf(dialect).schemas) return std::string(name);
    return std::string(schema.empty() ? "public" : schema) + "." + std::string(name);
}

}  // namespace drizzle::model
