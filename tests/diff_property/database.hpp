// A scratch database of one dialect for the property test, reused pair after pair (opening one
// is the expensive part): emptied by `reset`, filled by `apply`, and described by `dump`, the
// database's own account of its schema normalised for order.
//
// PostgreSQL and MySQL databases are created on the servers scripts/test.sh starts, with names
// unique to the process, and dropped again by the destructor; SQLite ones live in memory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "drizzle/dialect.hpp"
#include "drizzle/driver/connection.hpp"

namespace drizzle::diff_property {

class Database {
public:
    virtual ~Database() = default;
    virtual void reset() = 0;
    // Runs each statement on its own; throws drizzle::Error naming the failing one.
    virtual void apply(const std::vector<std::string>& statements) = 0;
    // Sorted lines: equal for two databases with the same schema whatever order it was built in.
    virtual std::vector<std::string> dump() = 0;
    // The open connection, for what works on a live database (push).
    virtual driver::Connection& connection() = 0;
};

// `tag` tells apart the databases one process opens. Throws std::runtime_error saying to run
// `bash scripts/test.sh` when the server's environment variable is missing.
std::unique_ptr<Database> openDatabase(Dialect dialect, const std::string& tag);

}  // namespace drizzle::diff_property
