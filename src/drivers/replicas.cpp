// Read replicas: a Connection that sends reads to a replica and the rest to the primary. See
// driver/pool.hpp for what it promises.
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "drizzle/driver/pool.hpp"
#include "drizzle/error.hpp"

namespace drizzle::driver {

namespace {

struct Topology {
    std::shared_ptr<Connection> primary;
    std::vector<std::shared_ptr<Connection>> replicas;
    ReplicaPicker pick;

    bool readsOnPrimary(Access access) const {
        return access == Access::write || replicas.empty() || primary->transactionDepth() > 0;
    }

    std::size_t choose() const {
        const std::size_t n = replicas.size();
        if (!pick) {
            static thread_local std::minstd_rand random(std::random_device{}());
            return random() % n;
        }
        const std::size_t i = pick(n);
        if (i >= n)
            throw Error(ErrorCategory::usage,
                        "the replica picker chose replica " + std::to_string(i) + " of " + std::to_string(n),
                        "return an index below the count it is given");
        return i;
    }

    // Runs `read` on a replica (index), or on the primary (index replicas.size()): a replica that
    // cannot be reached is skipped for another one, then for the primary.
    template <class F>
    decltype(auto) read(F&& read) const {
        const std::size_t n = replicas.size();
        const std::size_t first = choose();
        try {
            return read(first);
        } catch (const Error& e) {
            if (e.category() != ErrorCategory::connection) throw;
        }
        if (n > 1) {
            try {
                return read((first + 1) % n);
            } catch (const Error& e) {
                if (e.category() != ErrorCategory::connection) throw;
            }
        }
        return read(n);
    }

    Connection& at(std::size_t index) const { return index < replicas.size() ? *replicas[index] : *primary; }
};

// A read statement, prepared on each server the first time it runs there.
class ReplicaStatement final : public Statement {
public:
    ReplicaStatement(std::shared_ptr<const Topology> topology, std::string_view sql)
        : topology_(std::move(topology)), sql_(sql), prepared_(topology_->replicas.size() + 1) {}

    Cursor& open(std::span<const Param> params) override {
        auto run = [&](std::size_t index) -> Cursor& {
            auto& statement = prepared_[index];
            if (!statement) statement = topology_->at(index).prepareAs(Access::read, sql_);
            last_ = statement.get();
            return statement->open(params);
        };
        if (topology_->readsOnPrimary(Access::read)) return run(topology_->replicas.size());
        return topology_->read(run);
    }
    std::int64_t affectedRows() const override { return last_ ? last_->affectedRows() : 0; }

private:
    std::shared_ptr<const Topology> topology_;
    std::string sql_;
    std::vector<std::unique_ptr<Statement>> prepared_;  // per replica, then the primary
    Statement* last_ = nullptr;
};

class ReplicasConnection final : public Connection {
public:
    explicit ReplicasConnection(std::shared_ptr<const Topology> topology)
        : topology_(std::move(topology)), primary_(*topology_->primary) {}

    Dialect dialect() const override { return primary_.dialect(); }
    std::string describe() const override {
        return primary_.describe() + " with " + std::to_string(topology_->replicas.size()) + " read replica(s)";
    }

    void execute(std::string_view sql) override { primary_.execute(sql); }
    Rows query(std::string_view sql, const std::vector<Param>& params) override { return primary_.query(sql, params); }
    std::unique_ptr<Cursor> stream(std::string_view sql, std::span<const Param> params) override {
        return primary_.stream(sql, params);
    }
    std::unique_ptr<Cursor> streamUnbuffered(std::string_view sql, std::span<const Param> params) override {
        return primary_.streamUnbuffered(sql, params);
    }
    std::unique_ptr<Cursor> streamAs(Access access, std::string_view sql, std::span<const Param> params,
                                     bool unbuffered) override {
        if (topology_->readsOnPrimary(access)) return primary_.streamAs(access, sql, params, unbuffered);
        return topology_->read([&](std::size_t index) { return topology_->at(index).streamAs(access, sql, params, unbuffered); });
    }
    std::unique_ptr<Statement> prepare(std::string_view sql) override { return primary_.prepare(sql); }
    std::unique_ptr<Statement> prepareAs(Access access, std::string_view sql) override {
        if (access == Access::write || topology_->replicas.empty()) return primary_.prepareAs(access, sql);
        return std::make_unique<ReplicaStatement>(topology_, sql);
    }

    void begin() override { primary_.begin(); }
    void commit() override { primary_.commit(); }
    void rollback() override { primary_.rollback(); }
    void savepoint(std::string_view name) override { primary_.savepoint(name); }
    void releaseSavepoint(std::string_view name) override { primary_.releaseSavepoint(name); }
    void rollbackToSavepoint(std::string_view name) override { primary_.rollbackToSavepoint(name); }
    int& transactionDepth() override { return primary_.transactionDepth(); }
    bool alive() override { return primary_.alive(); }
    std::unique_ptr<Connection> reopen() const override { return primary_.reopen(); }

private:
    std::shared_ptr<const Topology> topology_;
    Connection& primary_;
};

}  // namespace

std::unique_ptr<Connection> withReplicas(std::shared_ptr<Connection> primary,
                                         std::vector<std::shared_ptr<Connection>> replicas, ReplicaPicker pick) {
    if (!primary) throw Error(ErrorCategory::usage, "withReplicas() needs a primary");
    for (const auto& r : replicas) {
        if (!r) throw Error(ErrorCategory::usage, "withReplicas() was given an empty replica");
        if (r->dialect() != primary->dialect())
            throw Error(ErrorCategory::usage,
                        "a " + std::string(dialectName(r->dialect())) + " replica of a " +
                            std::string(dialectName(primary->dialect())) + " primary",
                        "give replicas of the primary's database");
    }
    auto topology = std::make_shared<Topology>(Topology{std::move(primary), std::move(replicas), std::move(pick)});
    return std::make_unique<ReplicasConnection>(std::move(topology));
}

}  // namespace drizzle::driver
