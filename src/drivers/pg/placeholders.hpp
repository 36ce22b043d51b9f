// PostgreSQL numbers its parameters ($1, $2...); drizzle-cpp writes '?' in every dialect.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace drizzle::driver::pg {

struct NumberedSql {
    std::string sql;
    std::size_t placeholders = 0;
};

// Rewrites each '?' to $1, $2, ... except inside string literals ('...', E'...', $tag$...$tag$),
// quoted identifiers and comments. A '?' operator (jsonb `?`, `?|`, `?&`) is rewritten too:
// write jsonb_exists(), jsonb_exists_any() or jsonb_exists_all() instead.
NumberedSql numberPlaceholders(std::string_view sql);

}  // namespace drizzle::driver::pg
