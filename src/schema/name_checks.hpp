// Which declared names the database would refuse: two objects one namespace cannot hold, and
// identifiers longer than the dialect allows. Checked when declarations become the model, so a
// clash is a schema error naming both declarations instead of a snapshot that silently keeps
// one of them or a migration that fails half-way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drizzle/dialect.hpp"

namespace drizzle::detail {

struct DeclaredName {
    enum class Kind : std::uint8_t {
        schema, role, table, view, materializedView, enum_, enumValue, sequence, identitySequence,
        column, index, primaryKey, unique, foreignKey, check, policy,
    };
    Kind kind;
    std::string name;
    std::string schema;   // PostgreSQL: the schema it (or its table) lives in; "" elsewhere
    std::string parent;   // the table, view or enum it belongs to; "" for top-level objects
    bool derived = false;  // named by Drizzle's convention (`<table>_<column>_fk`), not by the user
    std::string site;      // where its declaration is written ("src/schema.hpp:12"), when known
};

// Throws Error(schema) for the first name the dialect refuses, naming both declarations of a
// clash. PostgreSQL truncates names to 63 bytes: a derived name that long is kept as Drizzle
// Kit keeps it (the database stores its first 63 bytes), one the user wrote is an error.
void checkDeclaredNames(Dialect dialect, const std::vector<DeclaredName>& names);

}  // namespace drizzle::detail
