// C++ enums as SQL enum values: DRIZZLE_ENUM declares an enum class and the SQL value of each
// enumerator (its name), which the ORM reads and binds (query/codec.hpp: EnumLike).
//
//   DRIZZLE_ENUM(Mood, sad, ok, happy)        // enum class Mood { sad, ok, happy };
//   struct User { std::int32_t id; Mood mood; };
//   moodEnum.column<&User::mood>("mood")       // pgEnum("mood", {"sad", "ok", "happy"})
//
// For values that are not C++ names, declare the function yourself, beside the enum:
//   enum class Status { todo, inProgress };
//   constexpr std::array<std::string_view, 2> drizzleEnumValues(Status) { return {"todo", "in-progress"}; }
// Enumerators take their default numbers (0, 1, ...): the array is in declaration order.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace drizzle::detail {

constexpr bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr std::size_t countNames(std::string_view list) {
    std::size_t n = list.empty() ? 0 : 1;
    for (char c : list) n += c == ',' ? 1 : 0;
    return n;
}
template <std::size_t N>
constexpr std::array<std::string_view, N> splitNames(std::string_view list) {
    std::array<std::string_view, N> out{};
    std::size_t i = 0;
    while (i < N) {
        const std::size_t comma = list.find(',');
        std::string_view name = list.substr(0, comma);
        while (!name.empty() && isSpace(name.front())) name.remove_prefix(1);
        while (!name.empty() && isSpace(name.back())) name.remove_suffix(1);
        out[i++] = name;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return out;
}

}  // namespace drizzle::detail

#define DRIZZLE_ENUM(Name, ...)                                                                                       \
    enum class Name { __VA_ARGS__ };                                                                                  \
    constexpr std::array<std::string_view, ::drizzle::detail::countNames(#__VA_ARGS__)> drizzleEnumValues(Name) {     \
        return ::drizzle::detail::splitNames<::drizzle::detail::countNames(#__VA_ARGS__)>(#__VA_ARGS__);              \
    }
