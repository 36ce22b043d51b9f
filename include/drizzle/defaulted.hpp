// drizzle::Defaulted<T>: a row member whose column the database (or the schema's defaultFn)
// fills when the application leaves it unset, as Drizzle leaves out a key that is undefined.
//
//   struct Account {
//       std::int64_t id = 0;
//       std::string name;
//       drizzle::Defaulted<std::string> tier;                  // DEFAULT 'free'
//       drizzle::Defaulted<std::chrono::sys_seconds> createdAt;  // DEFAULT now()
//   };
//   db.insert(accounts).values(Account{.name = "Ada"}).execute();            // tier 'free', now
//   db.insert(accounts).values(Account{.name = "Bo", .tier = "pro"}).execute();  // tier 'pro'
//
// A plain member is always sent, its zero value included; so a column with a database default
// takes a Defaulted member unless the application means to write every value itself. A row
// read back has every Defaulted member set. For a nullable column, Defaulted<std::optional<T>>
// tells "leave it to the default" (unset) from NULL (set to std::nullopt).
#pragma once

#include <concepts>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace drizzle {

template <class T>
class Defaulted {
public:
    using value_type = T;

    Defaulted() = default;
    // From anything a T is made of: `.tier = "pro"`, `row.createdAt = now`.
    template <class U>
        requires(!std::is_same_v<std::remove_cvref_t<U>, Defaulted> && std::is_constructible_v<T, U &&>)
    Defaulted(U&& value) : value_(std::in_place, std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)

    // Whether the row gives this value (false: the database's default applies).
    bool isSet() const { return value_.has_value(); }
    const T& value() const {
        if (!value_) throw std::logic_error("drizzle::Defaulted: the value is unset (the database's default was not read back)");
        return *value_;
    }
    T& value() {
        if (!value_) throw std::logic_error("drizzle::Defaulted: the value is unset (the database's default was not read back)");
        return *value_;
    }
    const T& operator*() const { return value(); }
    T& operator*() { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    operator const T&() const { return value(); }  // NOLINT(google-explicit-constructor)

    // Leaves the value to the database again.
    void reset() { value_.reset(); }
    // Sets a value-initialised T and returns it (what the ORM reads a row's value into).
    T& emplace() { return value_.emplace(); }

    // A template, so a value compares through the overload below, not by becoming a Defaulted.
    template <std::same_as<Defaulted> D>
    friend bool operator==(const Defaulted& a, const D& b) {
        return a.value_ == b.value_;
    }
    friend bool operator==(const Defaulted& a, const T& b) { return a.value_.has_value() && *a.value_ == b; }

private:
    std::optional<T> value_;
};

template <class T>
inline constexpr bool isDefaulted = false;
template <class T>
inline constexpr bool isDefaulted<Defaulted<T>> = true;

}  // namespace drizzle
