// Relations between tables, as Drizzle's `relations()` declares them: what relational queries
// follow (`with`). They describe the application's view of the data and change nothing in the
// database, so the kit ignores them; `drizzle-kit pull` writes one set per table from the
// foreign keys.
//
// A relation set is a plain struct whose members are the relations, so naming one that does
// not exist is a compile error, and each relation's type names the two row types it links:
//
//   struct TaskRelations {
//       drizzle::One<Task, User> assignee{"assignee", &Task::assigneeId, &User::id};
//   };
//   struct UserRelations {
//       drizzle::Many<User, Task> tasks{"tasks"};
//   };
//   inline const TaskRelations tasksRelations{};
//   inline const UserRelations usersRelations{};
//
// When two tables are linked more than once, `relationName` pairs each One with its Many.
#pragma once

#include <cstdint>
#include <string_view>

#include "drizzle/schema/table.hpp"

namespace drizzle {
namespace detail {

// A One relation as relational queries look it up: a Many finds its join columns in the One
// that points back at it (src/schema/relations.cpp).
struct OneLink {
    std::string_view name, relationName;
    const void* from;
    const void* to;
    const MemberRef* fields;
    const MemberRef* references;
    std::uint8_t columnCount;
};
void registerOne(const OneLink& link);
// The One from `from` to `to` paired with a Many named `relationName` ("" when the pair is
// unnamed). Throws drizzle::Error when there is none, or more than one.
OneLink pairedOne(const void* from, const void* to, std::string_view relationName, std::string_view manyName);

}  // namespace detail

// Many-to-one (or one-to-one): `From`'s `fields` hold the values of `To`'s `references`.
template <class From, class To>
struct One {
    using FromRow = From;
    using ToRow = To;

    std::string_view name;
    detail::MemberRef fields[detail::maxConstraintColumns]{};
    detail::MemberRef references[detail::maxConstraintColumns]{};
    std::uint8_t columnCount = 0;
    std::string_view relationName;

    template <class M1, class M2>
    One(std::string_view relation, M1 From::*field, M2 To::*reference, std::string_view pairName = {})
        : name(relation), relationName(pairName) {
        static_assert(detail::sameValueType<M1, M2>,
                      "drizzle::One: the field and the column it references hold different value types");
        fields[0] = detail::memberRef(field);
        references[0] = detail::memberRef(reference);
        columnCount = 1;
        link();
    }

    template <class... Ms, class... Ns>
    One(std::string_view relation, const ColumnList<Ms...>& from, const ColumnList<Ns...>& to,
        std::string_view pairName = {})
        : name(relation), relationName(pairName) {
        static_assert(sizeof...(Ms) == sizeof...(Ns), "drizzle::One: the field and reference lists differ in length");
        for (std::size_t i = 0; i < sizeof...(Ms); ++i) {
            fields[i] = from.refs[i];
            references[i] = to.refs[i];
        }
        columnCount = sizeof...(Ms);
        link();
    }

private:
    void link() const {
        detail::registerOne({name, relationName, &detail::typeTag<From>, &detail::typeTag<To>, fields, references, columnCount});
    }
};

// One-to-many: the `To` rows whose One relation points back at a `From` row.
template <class From, class To>
struct Many {
    using FromRow = From;
    using ToRow = To;

    std::string_view name;
    std::string_view relationName;

    explicit Many(std::string_view relation, std::string_view pairName = {}) : name(relation), relationName(pairName) {}
};

}  // namespace drizzle
