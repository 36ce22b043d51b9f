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
};

class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, std::string message, std::string hint = {}, std::string nativeCode = {})
        : std::runtime_error(std::move(message)),
          category_(category),
          hint_(std::move(hint)),
          nativeCode_(std::move(nativeCode)) {}

    ErrorCategory category() const { return category_; }
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
