// The connection pool: a Connection that lends its connections to one statement (or one
// transaction) at a time, from any thread. See driver/pool.hpp for what it promises.
#include "drizzle/driver/pool.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "drizzle/error.hpp"

namespace drizzle::driver {

namespace {

using Clock = std::chrono::steady_clock;

struct Slot {
    std::unique_ptr<Connection> connection;
    int lane = 0;
    Clock::time_point idleSince = Clock::now();
    // The statements prepared here for each pooled statement (by its id).
    std::unordered_map<std::uint64_t, std::unique_ptr<Statement>> statements;
    std::vector<std::uint64_t> forgotten;  // pooled statements gone since (guarded by the pool's mutex)
    bool broken = false;                   // failed with a lost connection: closed, not lent again
};

// Runs `work` on `slot`, marking it broken when the connection was lost.
template <class F>
decltype(auto) guarded(Slot& slot, F&& work) {
    try {
        return work();
    } catch (const Error& e) {
        if (e.category() == ErrorCategory::connection) slot.broken = true;
        throw;
    }
}

class PoolCore;

// A slot lent out, returned when this is released or destroyed. A lease of the connection a
// thread's transaction pinned has no core: the pin returns it.
class Lease {
public:
    Lease() = default;
    Lease(std::shared_ptr<PoolCore> core, Slot* slot) : core_(std::move(core)), slot_(slot) {}
    Lease(Lease&& other) noexcept : core_(std::move(other.core_)), slot_(std::exchange(other.slot_, nullptr)) {}
    Lease& operator=(Lease&& other) noexcept {
        if (this != &other) {
            release();
            core_ = std::move(other.core_);
            slot_ = std::exchange(other.slot_, nullptr);
        }
        return *this;
    }
    ~Lease() { release(); }

    bool held() const { return slot_ != nullptr; }
    Slot& slot() const { return *slot_; }
    Connection& connection() const { return *slot_->connection; }
    void release() noexcept;

private:
    std::shared_ptr<PoolCore> core_;
    Slot* slot_ = nullptr;
};

// Rows read on a lent connection: the connection goes back when they are read to their end,
// closed or destroyed, so that it is never lent twice with rows pending.
class LentCursor final : public Cursor {
public:
    LentCursor() = default;
    LentCursor(const LentCursor&) = delete;
    LentCursor& operator=(const LentCursor&) = delete;
    ~LentCursor() override { finish(); }

    // Rows the cursor owns, or a statement's (`borrowed`), read on `lease`'s connection.
    void lend(std::unique_ptr<Cursor> owned, Cursor* borrowed, Lease lease) {
        owned_ = std::move(owned);
        rows_ = owned_ ? owned_.get() : borrowed;
        lease_ = std::move(lease);
        affected_ = lastId_ = 0;
    }
    // Ends the rows (reading and dropping what is left) and returns the connection.
    void finish() noexcept {
        if (rows_) {
            try {
                affected_ = rows_->affectedRows();
                lastId_ = rows_->lastInsertId();
                if (owned_) owned_.reset();
                else rows_->close();
            } catch (const Error& e) {
                broke(e);
            } catch (...) {
            }
            owned_.reset();
            rows_ = nullptr;
        }
        lease_.release();
    }

    bool next() override {
        if (!rows_) return false;
        try {
            if (rows_->next()) return true;
        } catch (const Error& e) {
            broke(e);
            finish();
            throw;
        }
        finish();
        return false;
    }
    std::size_t columnCount() const override { return rows_ ? rows_->columnCount() : 0; }
    std::string_view columnName(std::size_t column) const override { return rows().columnName(column); }
    bool isNull(std::size_t column) const override { return rows().isNull(column); }
    std::int64_t integer(std::size_t column) const override { return rows().integer(column); }
    double real(std::size_t column) const override { return rows().real(column); }
    std::string_view text(std::size_t column) const override { return rows().text(column); }
    std::string_view bytes(std::size_t column) const override { return rows().bytes(column); }
    std::int64_t affectedRows() const override { return rows_ ? rows_->affectedRows() : affected_; }
    std::int64_t lastInsertId() const override { return rows_ ? rows_->lastInsertId() : lastId_; }
    void close() override { finish(); }
    std::size_t rowCountHint() const override { return rows_ ? rows_->rowCountHint() : 0; }

private:
    const Cursor& rows() const {
        if (!rows_) throw Error(ErrorCategory::usage, "a value read after the last row", "read values only after next() returned true");
        return *rows_;
    }
    void broke(const Error& e) noexcept {
        if (e.category() == ErrorCategory::connection && lease_.held()) lease_.slot().broken = true;
    }

    std::unique_ptr<Cursor> owned_;
    Cursor* rows_ = nullptr;
    Lease lease_;
    std::int64_t affected_ = 0, lastId_ = 0;
};

// What a thread's open transaction holds.
struct Pin {
    const PoolCore* core;
    Lease lease;
    int depth = 0;
};
thread_local std::vector<Pin> pins;
thread_local int noDepth = 0;
thread_local const void* lastUsed = nullptr;  // the slot this thread borrowed last

// The pool's state, shared with the cursors and statements it lends (which may outlive it).
class PoolCore : public std::enable_shared_from_this<PoolCore> {
public:
    PoolCore(Dialect dialect, Credentials credentials, PoolOptions options)
        : dialect_(dialect), credentials_(std::move(credentials)), options_(options) {
        if (options_.max < 1)
            throw Error(ErrorCategory::usage, "a pool needs max >= 1 connections, not " + std::to_string(options_.max));
        lanes_[0].max = dialect == Dialect::sqlite ? 1 : options_.max;
        lanes_[1].max = options_.max;
    }

    void start() {
        // Checks the credentials at once, and puts an SQLite file in WAL mode.
        if (dialect_ == Dialect::sqlite &&
            (credentials_.url == ":memory:" || credentials_.url.empty() || credentials_.url.find("mode=memory") != std::string::npos))
            throw Error(ErrorCategory::usage,
                        "a pool of an in-memory SQLite database would give every connection a database of its own",
                        "pool a database file, or use one connection (drizzle::sqlite::open)");
        auto first = openSlot(0);
        description_ = first->connection->describe();
        if (dialect_ == Dialect::sqlite) first->connection->execute("PRAGMA journal_mode = WAL");
        std::lock_guard lock(mutex_);
        ++lanes_[0].open;
        slots_.push_back(first.get());
        park(std::move(first));
    }

    const PoolOptions& options() const { return options_; }
    std::unique_ptr<Connection> connectAgain() const { return connect(dialect_, credentials_); }
    Dialect dialect() const { return dialect_; }
    const std::string& description() const { return description_; }

    Pin* pinned() const {
        for (Pin& p : pins)
            if (p.core == this) return &p;
        return nullptr;
    }

    // A connection for one statement: the thread's transaction's, or a free one.
    Lease acquire(Access access) {
        if (Pin* pin = pinned()) return Lease(nullptr, &pin->lease.slot());
        const int lane = access == Access::read && dialect_ == Dialect::sqlite ? 1 : 0;
        return Lease(shared_from_this(), take(lane));
    }

    void pin(Lease lease) { pins.push_back(Pin{this, std::move(lease)}); }
    // Ends the thread's pin: its connection goes back to the pool.
    void unpin() noexcept {
        for (auto it = pins.begin(); it != pins.end(); ++it)
            if (it->core == this) {
                Lease lease = std::move(it->lease);
                pins.erase(it);
                return;
            }
    }

    void giveBack(Slot* slot) noexcept {
        std::unique_ptr<Slot> owned(slot);
        std::vector<std::unique_ptr<Slot>> closing;
        {
            std::lock_guard lock(mutex_);
            Lane& lane = lanes_[slot->lane];
            if (slot->broken) {
                --lane.open;
                forgetSlot(slot);
                closing.push_back(std::move(owned));
            } else {
                slot->idleSince = Clock::now();
                park(std::move(owned));
            }
            if (slot->idleSince >= nextExpiry_ || slot->broken) expire(closing);
            lane.freed.notify_one();
        }
    }

    std::uint64_t newStatementId() {
        std::lock_guard lock(mutex_);
        return ++statements_;
    }
    // A pooled statement is gone: each connection drops its copy when next lent out.
    void forget(std::uint64_t id) noexcept {
        try {
            std::lock_guard lock(mutex_);
            for (Slot* s : slots_) s->forgotten.push_back(id);
        } catch (...) {  // out of memory: the copies stay until their connection closes
        }
    }

    ~PoolCore() {
        for (Slot* s : slots_) delete s;  // idle ones; lent ones keep the core alive
    }

private:
    struct Lane {
        std::vector<Slot*> idle;  // most recently used last
        int open = 0;
        int max = 0;
        std::condition_variable freed;
    };

    std::unique_ptr<Slot> openSlot(int lane) {
        auto slot = std::make_unique<Slot>();
        slot->lane = lane;
        slot->connection = connect(dialect_, credentials_);
        // SQLite readers: a write sent there by mistake fails instead of waiting for the writer.
        if (lane == 1) slot->connection->execute("PRAGMA query_only = 1");
        return slot;
    }

    // Under the lock: an idle slot joins its lane.
    void park(std::unique_ptr<Slot> slot) { lanes_[slot->lane].idle.push_back(slot.release()); }
    void forgetSlot(Slot* slot) { slots_.erase(std::remove(slots_.begin(), slots_.end(), slot), slots_.end()); }

    // Under the lock: moves the slots idle past idleTimeout into `closing`.
    void expire(std::vector<std::unique_ptr<Slot>>& closing) {
        const auto now = Clock::now();
        nextExpiry_ = now + std::chrono::seconds(1);  // looked for at most once a second
        const auto limit = now - options_.idleTimeout;
        for (Lane& lane : lanes_) {
            auto stale = std::find_if(lane.idle.begin(), lane.idle.end(), [&](Slot* s) { return s->idleSince >= limit; });
            for (auto it = lane.idle.begin(); it != stale; ++it) {
                forgetSlot(*it);
                closing.emplace_back(*it);
                --lane.open;
            }
            lane.idle.erase(lane.idle.begin(), stale);
        }
    }

    Slot* take(int laneIndex) {
        Lane& lane = lanes_[laneIndex];
        std::unique_lock lock(mutex_);
        std::optional<Clock::time_point> deadline;  // set when it first has to wait
        Slot* slot = nullptr;
        while (!slot) {
            if (!lane.idle.empty()) {
                // The connection this thread used last, when it is free: a thread keeps to one
                // server process, as with a connection of its own (its caches stay warm, and
                // the scheduler pairs the two). Only compared, never followed: it may be gone.
                auto it = std::find(lane.idle.begin(), lane.idle.end(), lastUsed);
                if (it == lane.idle.end()) it = lane.idle.end() - 1;
                slot = *it;
                lane.idle.erase(it);
                break;
            }
            if (lane.open < lane.max) {
                ++lane.open;
                lock.unlock();
                return opened(laneIndex, nullptr);
            }
            if (!deadline) deadline = Clock::now() + options_.acquireTimeout;
            if (lane.freed.wait_until(lock, *deadline) == std::cv_status::timeout && lane.idle.empty())
                throw Error(ErrorCategory::timeout,
                            "no connection of the pool to " + description_ + " came free within " +
                                std::to_string(options_.acquireTimeout.count()) + " ms (all " +
                                std::to_string(lane.max) + " are in use)",
                            "raise the pool's max, shorten transactions, or look for a result left unread (it holds "
                            "its connection until read to its end or destroyed)");
        }
        lastUsed = slot;
        std::vector<std::uint64_t> forgotten = std::move(slot->forgotten);
        slot->forgotten.clear();
        const bool check = Clock::now() - slot->idleSince > options_.checkAfterIdle;
        lock.unlock();
        for (std::uint64_t id : forgotten) slot->statements.erase(id);
        if (check && !slot->connection->alive()) return opened(laneIndex, slot);
        return slot;
    }

    // A new connection for a lane whose count already includes it, replacing `dead` if given.
    Slot* opened(int laneIndex, Slot* dead) {
        std::unique_ptr<Slot> fresh;
        try {
            if (dead) {
                {
                    std::lock_guard lock(mutex_);
                    forgetSlot(dead);
                }
                delete dead;
            }
            fresh = openSlot(laneIndex);
        } catch (...) {
            std::lock_guard lock(mutex_);
            --lanes_[laneIndex].open;
            lanes_[laneIndex].freed.notify_one();
            throw;
        }
        std::lock_guard lock(mutex_);
        slots_.push_back(fresh.get());
        return fresh.release();
    }

    Dialect dialect_;
    Credentials credentials_;
    PoolOptions options_;
    std::string description_;
    std::mutex mutex_;
    Lane lanes_[2];             // 0: every connection (SQLite: the writer); 1: SQLite's readers
    std::vector<Slot*> slots_;  // every open slot, lent or idle
    std::uint64_t statements_ = 0;
    Clock::time_point nextExpiry_{};  // when giveBack next looks for connections idle too long
};

void Lease::release() noexcept {
    if (slot_ && core_) core_->giveBack(slot_);
    slot_ = nullptr;
    core_.reset();
}

// A statement of the pool: prepared on each connection it runs on, the first time it does.
class PoolStatement final : public Statement {
public:
    PoolStatement(std::shared_ptr<PoolCore> core, Access access, std::string_view sql)
        : core_(std::move(core)), access_(access), sql_(sql), id_(core_->newStatementId()) {}
    ~PoolStatement() override {
        cursor_.finish();
        core_->forget(id_);
    }

    Cursor& open(std::span<const Param> params) override {
        cursor_.finish();
        Lease lease = core_->acquire(access_);
        Slot& slot = lease.slot();
        if (!core_->options().prepare) {
            auto rows = guarded(slot, [&] { return lease.connection().stream(sql_, params); });
            cursor_.lend(std::move(rows), nullptr, std::move(lease));
            return cursor_;
        }
        auto& statement = slot.statements[id_];
        if (!statement) statement = guarded(slot, [&] { return lease.connection().prepare(sql_); });
        Cursor& rows = guarded(slot, [&]() -> Cursor& { return statement->open(params); });
        cursor_.lend(nullptr, &rows, std::move(lease));
        return cursor_;
    }
    std::int64_t affectedRows() const override { return cursor_.affectedRows(); }

private:
    std::shared_ptr<PoolCore> core_;
    Access access_;
    std::string sql_;
    std::uint64_t id_;
    LentCursor cursor_;
};

class PoolConnection final : public Connection {
public:
    explicit PoolConnection(std::shared_ptr<PoolCore> core) : core_(std::move(core)) {}

    Dialect dialect() const override { return core_->dialect(); }
    std::string describe() const override { return core_->description() + " (pool)"; }

    void execute(std::string_view sql) override {
        Lease lease = core_->acquire(Access::write);
        guarded(lease.slot(), [&] { lease.connection().execute(sql); });
    }
    Rows query(std::string_view sql, const std::vector<Param>& params) override {
        Lease lease = core_->acquire(Access::write);
        return guarded(lease.slot(), [&] { return lease.connection().query(sql, params); });
    }
    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        return streamAs(Access::write, sql, params, false);
    }
    std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params) override {
        return streamAs(Access::write, sql, params, true);
    }
    std::unique_ptr<Cursor> streamAs(Access access, std::string_view sql, std::span<const Param> params,
                                     bool unbuffered) override {
        Lease lease = core_->acquire(access);
        Slot& slot = lease.slot();
        auto rows = guarded(slot, [&] {
            return unbuffered ? lease.connection().streamUnbuffered(sql, params) : lease.connection().stream(sql, params);
        });
        auto lent = std::make_unique<LentCursor>();
        lent->lend(std::move(rows), nullptr, std::move(lease));
        return lent;
    }
    std::unique_ptr<Statement> prepare(std::string_view sql) override { return prepareAs(Access::write, sql); }
    std::unique_ptr<Statement> prepareAs(Access access, std::string_view sql) override {
        return std::make_unique<PoolStatement>(core_, access, sql);
    }

    void begin() override {
        if (core_->pinned())
            throw Error(ErrorCategory::usage, "begin() on a pool whose connection for this thread is in a transaction already",
                        "nest with savepoints (db.transaction inside db.transaction does)");
        Lease lease = core_->acquire(Access::write);
        guarded(lease.slot(), [&] { lease.connection().begin(); });
        core_->pin(std::move(lease));
    }
    void commit() override { end(true); }
    void rollback() override { end(false); }
    void savepoint(std::string_view name) override { inPinned([&](Connection& c) { c.savepoint(name); }); }
    void releaseSavepoint(std::string_view name) override { inPinned([&](Connection& c) { c.releaseSavepoint(name); }); }
    void rollbackToSavepoint(std::string_view name) override {
        inPinned([&](Connection& c) { c.rollbackToSavepoint(name); });
    }

    std::unique_ptr<Connection> reopen() const override { return core_->connectAgain(); }

    int& transactionDepth() override {
        if (Pin* pin = core_->pinned()) return pin->depth;
        noDepth = 0;
        return noDepth;
    }

private:
    template <class F>
    void inPinned(F&& work) {
        Pin* pin = core_->pinned();
        if (!pin)
            throw Error(ErrorCategory::usage, "a savepoint on a pool outside a transaction",
                        "begin a transaction first (db.transaction)");
        guarded(pin->lease.slot(), [&] { work(pin->lease.connection()); });
    }

    // Commits or rolls back the thread's transaction and returns its connection, whatever happens.
    void end(bool commit) {
        Pin* pin = core_->pinned();
        if (!pin)
            throw Error(ErrorCategory::usage, std::string(commit ? "commit()" : "rollback()") + " on a pool outside a transaction",
                        "begin a transaction first (db.transaction)");
        try {
            guarded(pin->lease.slot(), [&] { commit ? pin->lease.connection().commit() : pin->lease.connection().rollback(); });
        } catch (...) {
            core_->unpin();
            throw;
        }
        core_->unpin();
    }

    std::shared_ptr<PoolCore> core_;
};

// prepare() as one-shot statements: each run parses the SQL again, on whichever server
// connection a pooler hands out.
class OneShotStatement final : public Statement {
public:
    OneShotStatement(Connection& connection, std::string_view sql) : connection_(connection), sql_(sql) {}
    Cursor& open(std::span<const Param> params) override {
        cursor_.finish();
        cursor_.lend(connection_.stream(sql_, params), nullptr, {});
        return cursor_;
    }
    std::int64_t affectedRows() const override { return cursor_.affectedRows(); }

private:
    Connection& connection_;
    std::string sql_;
    LentCursor cursor_;
};

class UnpreparedConnection final : public Connection {
public:
    explicit UnpreparedConnection(std::unique_ptr<Connection> inner) : inner_(std::move(inner)) {}
    Dialect dialect() const override { return inner_->dialect(); }
    void execute(std::string_view sql) override { inner_->execute(sql); }
    Rows query(std::string_view sql, const std::vector<Param>& params) override { return inner_->query(sql, params); }
    std::unique_ptr<Statement> prepare(std::string_view sql) override { return std::make_unique<OneShotStatement>(*inner_, sql); }
    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        return inner_->stream(sql, params);
    }
    std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params) override {
        return inner_->streamUnbuffered(sql, params);
    }
    void begin() override { inner_->begin(); }
    void commit() override { inner_->commit(); }
    void rollback() override { inner_->rollback(); }
    void savepoint(std::string_view name) override { inner_->savepoint(name); }
    void releaseSavepoint(std::string_view name) override { inner_->releaseSavepoint(name); }
    void rollbackToSavepoint(std::string_view name) override { inner_->rollbackToSavepoint(name); }
    std::string describe() const override { return inner_->describe(); }
    bool alive() override { return inner_->alive(); }
    std::unique_ptr<Connection> reopen() const override {
        auto again = inner_->reopen();
        return again ? unprepared(std::move(again)) : nullptr;
    }

private:
    std::unique_ptr<Connection> inner_;
};

}  // namespace

std::unique_ptr<Connection> pool(Dialect dialect, const Credentials& credentials, const PoolOptions& options) {
    auto core = std::make_shared<PoolCore>(dialect, credentials, options);
    core->start();
    return std::make_unique<PoolConnection>(std::move(core));
}

std::unique_ptr<Connection> unprepared(std::unique_ptr<Connection> connection) {
    return std::make_unique<UnpreparedConnection>(std::move(connection));
}

}  // namespace drizzle::driver
