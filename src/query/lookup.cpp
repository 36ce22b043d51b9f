// Registry lookups for the query front end: which column a member pointer names, which table a
// row type is. The registry is complete once static initialisation is over, so the index is
// built on first use and only read afterwards.
#include <mutex>
#include <string>
#include <unordered_map>

#include "drizzle/error.hpp"
#include "drizzle/query/expr.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::detail {

namespace {

struct Index {
    std::unordered_map<const void*, const TableDef*> tables;
    std::unordered_map<const void*, std::unordered_map<std::ptrdiff_t, const ColumnSpec*>> columns;
};

const Index& index() {
    static const Index built = [] {
        Index i;
        for (const TableDef& t : registry().tables) {
            i.tables.emplace(t.owner, &t);
            auto& byOffset = i.columns[t.owner];
            for (const ColumnSpec& c : t.columns) byOffset.emplace(c.member.offset, &c);
        }
        for (const ViewDef& v : registry().views) {
            auto& byOffset = i.columns[v.owner];
            for (const ColumnSpec& c : v.columns) byOffset.emplace(c.member.offset, &c);
        }
        return i;
    }();
    return built;
}

}  // namespace

const ColumnSpec& columnOf(MemberRef member) {
    const auto& columns = index().columns;
    if (auto t = columns.find(member.owner); t != columns.end()) {
        if (auto c = t->second.find(member.offset); c != t->second.end()) return *c->second;
        throw Error(ErrorCategory::usage, "a query uses a struct member that no column of its table is declared on",
                    "declare a column for the member in the table's column list");
    }
    throw Error(ErrorCategory::usage, "a query uses a member of a struct that no declared table has as its row type",
                "declare the table (pg::pgTable<Row>, sqlite::sqliteTable<Row>, mysql::mysqlTable<Row>) before querying it");
}

const TableDef& tableOf(const void* owner) {
    const auto& tables = index().tables;
    if (auto t = tables.find(owner); t != tables.end()) return *t->second;
    throw Error(ErrorCategory::usage, "a query names a row type that no declared table has",
                "declare the table (pg::pgTable<Row>, sqlite::sqliteTable<Row>, mysql::mysqlTable<Row>) before querying it");
}

std::string_view tableNameOf(const void* owner) { return tableOf(owner).name; }

void checkNumericText(const ast::Node& x, std::string_view function) {
    if (x.kind != ast::Node::Kind::column || x.column == nullptr) return;
    if (x.column->kind == "numeric" || x.column->kind == "decimal") return;
    throw Error(ErrorCategory::usage,
                std::string(function) + "(\"" + std::string(x.column->name) + "\"): the column is " +
                    std::string(x.column->kind) + ", not a number",
                "sum and avg take numeric columns; a std::string member may be summed only on a numeric/decimal column");
}

}  // namespace drizzle::detail
