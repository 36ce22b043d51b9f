// Connection pools and read replicas: Connections that many threads use at once, so that the
// ORM's API is the same on them as on one connection (drizzle::pg::pool, drizzle::withReplicas
// in orm.hpp wrap these).
//
//   auto pool = drizzle::driver::pool(Dialect::postgresql, {.url = url}, {.max = 16});
//   // from any thread: each statement borrows a connection and returns it when its rows are
//   // read; a transaction keeps one for the thread until it ends.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "drizzle/driver/connection.hpp"

namespace drizzle::driver {

struct PoolOptions {
    // Connections at most. SQLite: readers at most, beside its one writer (the file is put in
    // WAL mode, in which readers do not wait for the writer).
    int max = 10;
    // A connection unused this long is closed (the pool keeps none open for their own sake).
    std::chrono::milliseconds idleTimeout{10'000};
    // How long a statement waits for a free connection before it throws Error(timeout).
    std::chrono::milliseconds acquireTimeout{30'000};
    // A connection idle this long is checked (without a round trip) before it is lent again;
    // one the server closed meanwhile is replaced.
    std::chrono::milliseconds checkAfterIdle{1'000};
    // false: prepared statements are sent as one-shot statements each time they run, for
    // PgBouncer's transaction pooling, where a named statement lives on one server connection
    // and the next transaction may get another.
    bool prepare = true;
};

// A pool of connections to one database. Statements run on a borrowed connection, returned
// when their rows are read (or their cursor is closed or destroyed). begin() pins a connection
// to the calling thread until commit() or rollback(), savepoints included. A connection that
// failed with ErrorCategory::connection is dropped, not lent again. The credentials are
// checked by opening the first connection now.
std::unique_ptr<Connection> pool(Dialect dialect, const Credentials& credentials, const PoolOptions& options = {});

// `connection` with prepare() replaced by one-shot statements (PoolOptions::prepare, for one
// connection).
std::unique_ptr<Connection> unprepared(std::unique_ptr<Connection> connection);

// Which replica serves a read: given how many there are, the index of one. Called from any
// thread.
using ReplicaPicker = std::function<std::size_t(std::size_t count)>;

// Reads (Access::read outside a transaction) go to a replica, chosen by `pick` (at random when
// empty); everything else, and everything while the calling thread has a transaction open on
// the primary, goes to the primary. A replica that cannot be reached (ErrorCategory::
// connection) is skipped: the read is tried once on another replica, then on the primary.
std::unique_ptr<Connection> withReplicas(std::shared_ptr<Connection> primary,
                                         std::vector<std::shared_ptr<Connection>> replicas, ReplicaPicker pick = {});

}  // namespace drizzle::driver
