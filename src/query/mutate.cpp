// INSERT and UPDATE at run time: which columns a whole row sends, app-side defaults and
// on-update values, the NOT NULL check of column-by-column inserts, and multi-row inserts split
// under the dialect's parameter limit.
#include <algorithm>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/query/mutate.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::detail {

namespace {

// Ids the database assigns: sent only when the row carries one (non-zero).
bool databaseAssignsId(const TableDef& table, const ColumnSpec& c) {
    if (c.identity.kind != IdentitySpec::Kind::none || c.autoincrement) return true;
    if (c.kind == "serial" || c.kind == "smallserial" || c.kind == "bigserial") return true;
    return table.dialect == Dialect::sqlite && c.primaryKey && c.kind == "integer";
}

bool isZero(const driver::Param& p) {
    const auto* i = std::get_if<std::int64_t>(&p);
    return i && *i == 0;
}

bool hasDatabaseDefault(const TableDef& table, const ColumnSpec& c) {
    return c.defaultValue.kind != DefaultSpec::Kind::none || !c.generatedAs.empty() || databaseAssignsId(table, c) ||
           c.defaultFn != nullptr || c.onUpdateNow;
}

std::size_t parameterLimit(Dialect d) { return traitsOf(d).maxBindParameters; }
constexpr std::size_t maxRowsPerStatement = 1000;

}  // namespace

namespace {

// A Defaulted member the row leaves unset: its column's default applies.
bool leftUnset(const ColumnSpec& c, const char* row) { return c.codec->isUnset && c.codec->isUnset(row + c.member.offset); }

// Whether whole rows leave column `c` to the database: an id it assigns, left at 0, or a Defaulted
// member left unset (without a defaultFn, which the ORM runs instead).
bool leftToDatabase(const TableDef& table, const ColumnSpec& c, const char* row) {
    if (databaseAssignsId(table, c) && isZero(c.codec->write(row + c.member.offset))) return true;
    return leftUnset(c, row) && c.defaultFn == nullptr;
}

[[noreturn]] void refuseRow(const TableDef& table, std::size_t row, const std::string& what, std::string hint) {
    throw Error(ErrorCategory::usage, "insert into " + std::string(table.name) + ": row " + std::to_string(row) + " " + what,
                std::move(hint));
}

}  // namespace

void addWholeRows(ast::Insert& insert, const TableDef& table, const void* rows, std::size_t count, std::size_t stride) {
    const auto* base = static_cast<const char*>(rows);
    if (insert.columns.empty() && insert.wholeRows == 0) {
        for (const ColumnSpec& c : table.columns) {
            if (!c.generatedAs.empty()) continue;
            // INSERT ... SELECT (no rows here) takes every column the query returns.
            if (count > 0 && leftToDatabase(table, c, base)) continue;
            insert.columns.push_back(&c);
        }
    }
    if (!insert.rows.empty() && count > 0)
        throw Error(ErrorCategory::usage, "insert into " + std::string(table.name) + ": whole rows and column-by-column rows mixed",
                    "insert whole rows (.values) and rows set column by column (.set) in separate statements");
    // The column list follows the first row. A row that gives a value where the first leaves it
    // to the database, or the other way round, would lose its value or overwrite the default:
    // refused, never changed.
    for (const ColumnSpec& c : table.columns) {
        if (count == 0 || !c.generatedAs.empty()) continue;
        if (c.codec->isUnset == nullptr && !databaseAssignsId(table, c)) continue;  // always sent
        const bool listed = std::find(insert.columns.begin(), insert.columns.end(), &c) != insert.columns.end();
        const std::string name = "\"" + std::string(c.name) + "\"";
        for (std::size_t r = 0; r < count; ++r) {
            const char* row = base + r * stride;
            const std::size_t n = insert.wholeRows + r + 1;
            if (leftUnset(c, row) && !c.defaultFn && c.notNull && !hasDatabaseDefault(table, c))
                refuseRow(table, n, "leaves " + name + " unset, but it is NOT NULL and has no default",
                          "set it, or declare the column's default (.default_(...), .defaultNow(), .defaultFn<...>())");
            if (listed != leftToDatabase(table, c, row)) continue;
            if (databaseAssignsId(table, c))
                refuseRow(table, n,
                          (listed ? "leaves " + name + " to the database (0) where the first row gives it"
                                  : "gives " + name + " where the first row leaves it to the database (0)") +
                              ", so one statement would store 0 or drop the id",
                          "insert the rows that give it and those that do not in separate calls");
            refuseRow(table, n,
                      (listed ? "leaves " + name + " to its default where the first row sets it"
                              : "sets " + name + " where the first row leaves it to its default") +
                          ", so one statement would overwrite the default or drop the value",
                      "insert the rows that set it and those that do not in separate calls");
        }
    }
    insert.wholeRows += count;
    insert.values.reserve(insert.values.size() + count * insert.columns.size());
    for (std::size_t r = 0; r < count; ++r) {
        const char* row = base + r * stride;
        for (const ColumnSpec* c : insert.columns)
            insert.values.push_back(leftUnset(*c, row) ? c->codec->produce(c->defaultFn) : c->codec->write(row + c->member.offset));
    }
}

void finishPartialRow(ast::Insert& insert, const TableDef& table, std::vector<ast::Assignment>& row) {
    auto isSet = [&](const ColumnSpec& c) {
        return std::any_of(row.begin(), row.end(), [&](const ast::Assignment& a) { return a.column->name == c.name; });
    };
    for (const ColumnSpec& c : table.columns) {
        if (isSet(c)) continue;
        if (c.defaultFn) {
            row.push_back({&c, ast::paramNode(c.codec->produce(c.defaultFn))});
        } else if (c.notNull && !hasDatabaseDefault(table, c)) {
            throw Error(ErrorCategory::usage,
                        "insert into " + std::string(table.name) + ": no value for column \"" + std::string(c.name) +
                            "\", which is NOT NULL and has no default",
                        "set it with .set(&Row::member, value), or insert whole rows with .values(row)");
        }
    }
    if (insert.wholeRows > 0)
        throw Error(ErrorCategory::usage, "insert into " + std::string(table.name) + ": whole rows and column-by-column rows mixed",
                    "insert whole rows (.values) and rows set column by column (.set) in separate statements");
    if (!insert.rows.empty() && insert.columns.size() != row.size())
        throw Error(ErrorCategory::usage, "insert into " + std::string(table.name) + ": rows set different columns",
                    "give every row of one insert the same columns");
    if (insert.rows.empty()) {
        for (const ast::Assignment& a : row) insert.columns.push_back(a.column);
    }
    auto& values = insert.rows.emplace_back();
    for (const ColumnSpec* c : insert.columns) {
        auto it = std::find_if(row.begin(), row.end(), [&](const ast::Assignment& a) { return a.column == c; });
        if (it == row.end())
            throw Error(ErrorCategory::usage, "insert into " + std::string(table.name) + ": rows set different columns",
                        "give every row of one insert the same columns");
        values.push_back(std::move(it->value));
    }
    row.clear();
}

void addOnUpdateFns(ast::Update& update, const TableDef& table) {
    for (const ColumnSpec& c : table.columns) {
        if (!c.onUpdateFn) continue;
        const bool set = std::any_of(update.set.begin(), update.set.end(),
                                     [&](const ast::Assignment& a) { return a.column->name == c.name; });
        if (!set) update.set.push_back({&c, ast::paramNode(c.codec->produce(c.onUpdateFn))});
    }
}

namespace {

// Runs the insert in statements of at most `perStatement` rows; `each` sees every statement's cursor.
template <class F>
void inChunks(Session& session, const ast::Insert& insert, F&& each) {
    const std::size_t columns = std::max<std::size_t>(insert.columns.size(), 1);
    const std::size_t rows = insert.rows.size() + insert.wholeRows;
    // No row (values() of an empty list): nothing to run, on every dialect.
    if (rows == 0 && !insert.select) return;
    // Rows the database fills entirely: one default row per statement.
    if (insert.columns.empty() && insert.wholeRows > 1) {
        session.transaction([&] {
            for (std::size_t r = 0; r < insert.wholeRows; ++r) each(*session.run(ast::print(session.dialect(), insert)).cursor);
        });
        return;
    }
    const std::size_t perStatement =
        std::min(maxRowsPerStatement, std::max<std::size_t>(parameterLimit(session.dialect()) / columns, 1));
    if (rows <= perStatement) {
        detail::Running r = session.run(ast::print(session.dialect(), insert));
        each(*r.cursor);
        return;
    }
    if (insert.values.empty())
        throw Error(ErrorCategory::usage, "insert: more rows set column by column than one statement can bind",
                    "insert whole rows with .values(rows)");
    // Several statements, all or none of the rows: each shape is printed and prepared once and
    // runs over slices of the values, which are bound where they are.
    session.transaction([&] {
        ast::Insert shape;
        shape.into = insert.into;
        shape.columns = insert.columns;
        shape.conflict = insert.conflict;
        shape.returning = insert.returning;
        struct Prepared {
            std::unique_ptr<driver::Statement> statement;
            ast::Printed printed;
        } full, last;
        std::vector<driver::Param> withTail;
        for (std::size_t start = 0; start < rows; start += perStatement) {
            const std::size_t n = std::min(perStatement, rows - start);
            Prepared& p = n == perStatement ? full : last;
            if (!p.statement) {
                shape.placeholderRows = n;
                p.printed = ast::print(session.dialect(), shape);
                p.statement = session.connection().prepare(p.printed.sql);
            }
            const auto slice = std::span<const driver::Param>(insert.values).subspan(start * columns, n * columns);
            if (p.printed.values.size() == slice.size()) {
                each(session.logged(p.printed.sql, slice, [&]() -> driver::Cursor& { return p.statement->open(slice); }));
                continue;
            }
            // Values the conflict clause binds follow the rows'.
            withTail.assign(slice.begin(), slice.end());
            for (std::size_t i = slice.size(); i < p.printed.values.size(); ++i) withTail.push_back(*p.printed.values[i]);
            each(session.logged(p.printed.sql, withTail, [&]() -> driver::Cursor& { return p.statement->open(withTail); }));
        }
    });
}

}  // namespace

ExecResult runInsert(Session& session, const ast::Insert& insert) {
    ExecResult total;
    inChunks(session, insert, [&](driver::Cursor& c) {
        while (c.next()) {
        }
        total.rowsAffected += c.affectedRows();
        total.lastInsertId = c.lastInsertId();
    });
    return total;
}

void runInsertReturning(Session& session, const ast::Insert& insert, void (*read)(const driver::Cursor&, void*), void* sink) {
    inChunks(session, insert, [&](driver::Cursor& c) {
        while (c.next()) read(c, sink);
    });
}

std::vector<std::int64_t> runInsertReturningIds(Session& session, const ast::Insert& insert, const TableDef& table) {
    const ColumnSpec* id = nullptr;
    for (const ColumnSpec& c : table.columns)
        if (c.autoincrement || c.kind == "serial") id = &c;
    if (id == nullptr)
        throw Error(ErrorCategory::usage, "returningId(): " + std::string(table.name) + " has no AUTO_INCREMENT column",
                    "select the rows afterwards by a key the application knows");
    if (insert.conflict.action != ast::Conflict::Action::none)
        throw Error(ErrorCategory::usage, "returningId(): MySQL does not report the ids of rows an upsert updated or skipped",
                    "insert without onDuplicateKeyUpdate/onConflictDoNothing, or select the rows afterwards");
    std::vector<std::int64_t> ids;
    const auto given = std::find(insert.columns.begin(), insert.columns.end(), id);
    if (given != insert.columns.end()) {  // the rows gave their ids
        const std::size_t at = static_cast<std::size_t>(given - insert.columns.begin());
        auto idOf = [&](const driver::Param& p) {
            if (const auto* i = std::get_if<std::int64_t>(&p)) return *i;
            throw Error(ErrorCategory::usage, "returningId(): a row's id is not an integer value");
        };
        for (std::size_t r = 0; r < insert.wholeRows; ++r) ids.push_back(idOf(insert.values[r * insert.columns.size() + at]));
        for (const auto& row : insert.rows) ids.push_back(idOf(row.at(at).value));
    }
    inChunks(session, insert, [&](driver::Cursor& c) {
        while (c.next()) {
        }
        if (given != insert.columns.end()) return;
        // One statement's rows get consecutive ids from the first (InnoDB, for inserts of known size).
        for (std::int64_t k = 0; k < c.affectedRows(); ++k) ids.push_back(c.lastInsertId() + k);
    });
    return ids;
}

void checkColumnOf(const TableDef& table, MemberRef member, std::string_view where) {
    if (member.owner == table.owner) return;
    throw Error(ErrorCategory::usage, std::string(where) + ": a column of another table than " + std::string(table.name),
                "name columns of the table the statement writes");
}

void checkConflictTarget(const ast::Insert& insert, std::string_view what) {
    if (insert.conflict.action != ast::Conflict::Action::none && !insert.conflict.target.empty()) return;
    throw Error(ErrorCategory::usage, std::string(what) + ": the insert has no ON CONFLICT target for it to follow",
                "call it after onConflictDoNothing(&Row::member...) or onConflictDoUpdate(cols(...), set(...))");
}

void checkConflictUpdate(const ast::Insert& insert) {
    if (insert.conflict.action == ast::Conflict::Action::doUpdate) return;
    throw Error(ErrorCategory::usage, "setWhere(...): the insert has no ON CONFLICT DO UPDATE for it to follow",
                "call it after onConflictDoUpdate(cols(...), set(...))");
}

void checkPreparable(const ast::Insert& insert) {
    const std::size_t rows = insert.rows.size() + insert.wholeRows;
    if (rows == 0 && !insert.select)
        throw Error(ErrorCategory::usage, "insert(...).prepare(): the insert has no row",
                    "give it a row to prepare: .set(&Row::member, placeholder(\"name\")) or .values(row)");
    if (insert.columns.empty() && insert.wholeRows > 1)
        throw Error(ErrorCategory::usage, "insert(...).prepare(): rows of defaults only run as one statement each",
                    "prepare an insert of one such row and run it once per row");
    const std::size_t columns = std::max<std::size_t>(insert.columns.size(), 1);
    if (rows > std::min(maxRowsPerStatement, std::max<std::size_t>(parameterLimit(insert.into.table->dialect) / columns, 1)))
        throw Error(ErrorCategory::usage, "insert(...).prepare(): the rows need more than one statement",
                    "prepare fewer rows, or run the insert with execute(), which splits it");
}

void throwNoRows(std::string_view statement) {
    throw Error(ErrorCategory::usage, std::string(statement) + ": the statement returned no row");
}

}  // namespace drizzle::detail
