// One introspection per dialect (src/introspect/<dialect>/); kit::introspect (the public entry,
// drizzle/kit/introspect.hpp) picks the connection's. Internal: tests call them directly.
#pragma once

#include "drizzle/kit/introspect.hpp"

namespace drizzle::kit {

Introspection introspectPg(driver::Connection& db, const IntrospectOptions& options);
Introspection introspectSqlite(driver::Connection& db, const IntrospectOptions& options);
Introspection introspectMysql(driver::Connection& db, const IntrospectOptions& options);

}  // namespace drizzle::kit
