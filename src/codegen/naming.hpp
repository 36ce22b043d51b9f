// Names for generated C++: identifiers from SQL names (camelCase, PascalCase, English singular
// and plural as Drizzle Kit's relations use them), made unique and safe (no keywords, no
// leading digits), and C++ string literals for arbitrary SQL text.
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

// A C++ string literal holding `text` exactly: "..." when that needs no escapes, else a raw
// string with a delimiter the text does not contain.
std::string literal(std::string_view text);

}  // namespace drizzle::codegen
