// drizzle::Uuid: a UUID as its 16 bytes, for PostgreSQL `uuid` columns (a std::string member
// works too). Light on purpose: schema headers include it.
//
//   struct Order { drizzle::Uuid id; std::string item; };
//   pg::uuid<&Order::id>("id").primaryKey().defaultRandom();
//   auto id = drizzle::Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
//   id.toString();  // "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace drizzle {

struct Uuid {
    std::array<std::uint8_t, 16> bytes{};

    // Reads the canonical form (8-4-4-4-12 hex digits) in either case, as PostgreSQL accepts it
    // also without hyphens or in braces. Throws drizzle::Error on anything else.
    static Uuid parse(std::string_view text);
    // The canonical form, lowercase: what PostgreSQL prints.
    std::string toString() const;

    auto operator<=>(const Uuid&) const = default;
};

}  // namespace drizzle
