// drizzle::Error: the one error type of drizzle-cpp, shared by the kit, the drivers and the ORM.
//
// It carries a portable category (what kind of failure; the CLI maps it to its exit code,
// src/cli/exit_codes.hpp),
// the native code where a database produced it (SQLSTATE, MySQL errno), and a hint that says
// what to do.
//
//   throw drizzle::Error(drizzle::ErrorCategory::config,
//                        "drizzle.config.json: \"dialect\" must be postgresql, sqlite or mysql",
//                        "set \"dialect\" to the database you use");
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace drizzle {

enum class ErrorCategory {
    usage,       // bad command-line arguments
    config,      // a broken or missing config file
    schema,      // a schema declaration that is inconsistent or does not compile
    snapshot,    // a malformed, too new or unreadable snapshot or journal
    connection,  // cannot reach or log in to the database
    constraint,  // a statement violated a constraint
    syntax,      // the database rejected a statement's SQL
    migration,   // a migration could not be applied
    io,          // a file could not be read or written
    internal,    // a bug in drizzle-cpp
    conflict,    // the transaction lost to a concurrent one: serialization failure, deadlock, a
                 // Galera certification conflict (40001, 40P01, MySQL 1213); retrying it is correct
    timeout,     // a lock wait or a statement ran past its limit (55P03, 57014; MySQL 1205, 1969)
    readOnly,    // the server or transaction takes no writes: a hot standby, a read-only replica
    mapping,     // a value the row struct cannot hold, or a member value with no database form (the ORM)
};

class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, std::string message, std::string hint = {}, std::string nativeCode = {})
        : std::runtime_error(std::move(message)),
          category_(category),
          hint_(std::move(hint)),
          nativeCode_(std::move(nativeCode)) {}

    ErrorCategory category() const { return category_; }
    // Whether running the same transaction again may succeed: a conflict with a concurrent
    // transaction, or a lock wait that ran out (the other side may be done by then).
    bool retryable() const {
        return category_ == ErrorCategory::conflict || nativeCode_ == "55P03" || nativeCode_ == "1205";
    }
    const std::string& hint() const { return hint_; }
    const std::string& nativeCode() const { return nativeCode_; }
    // Where in the failing statement's SQL the database placed the error: a 1-based character
    // (code point) offset, 0 when it did not say.
    std::size_t position() const { return position_; }
    Error& at(std::size_t position) {
        position_ = position;
        return *this;
    }

private:
    ErrorCategory category_;
    std::string hint_;
    std::string nativeCode_;
    std::size_t position_ = 0;
};

}  // namespace drizzle
