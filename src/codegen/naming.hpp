// Names for generated C++: identifiers from SQL names (camelCase, PascalCase, English singular
// and plural as Drizzle Kit's relations use them), made unique and safe (no keywords, no
// leading digits), and C++ string literals for arbitrary SQL text. Every piece of database text
// in generated code goes through exactly one of: identifier() (names), literal() (strings) and
// kit::printable() (// comments, and messages on a terminal).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace drizzle::codegen {

// "user_id" -> "userId", "FirstName" -> "firstName", "ID" -> "id".
std::string camelCase(std::string_view sqlName);
// "user_id" -> "UserId".
std::string pascalCase(std::string_view sqlName);
// "categories" -> "category", "addresses" -> "address", "status" -> "status".
std::string singular(std::string_view word);
// "category" -> "categories", "address" -> "addresses".
std::string plural(std::string_view word);

// A valid identifier for `wanted`: invalid characters become '_', a leading digit gets a
// prefix, a C++ keyword a trailing '_'.
std::string identifier(std::string_view wanted);

// Hands out identifiers that are unique within one scope: the second "user" is "user2".
class Scope {
public:
    std::string take(std::string_view wanted);
    void reserve(std::string_view name) { taken_.insert(std::string(name)); }

private:
    std::set<std::string> taken_;
};

// Whether `text` is well-formed UTF-8 (what JSON snapshots can hold).
bool validUtf8(std::string_view text);

// A C++ string literal holding `text` byte for byte, whatever it contains: "..." when that
// needs no escapes; a raw string R"d(...)d" for multi-line text and text full of quotes when
// every byte survives a raw string; else an ordinary literal with escapes. Nothing in `text` can
// end the literal.
std::string literal(std::string_view text);

}  // namespace drizzle::codegen
