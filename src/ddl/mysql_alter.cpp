// MySQL and MariaDB: the statements of each change the differ found (src/diff/mysql_diff.cpp
// decides), in Drizzle Kit's spelling. A changed column is restated whole with MODIFY COLUMN.
#include <stdexcept>

#include "ddl/ddl_internal.hpp"
#include "drizzle/kit/ddl.hpp"

namespace drizzle::kit::ddl::detail {
namespace {

using namespace model;

std::string q(std::string_view name) { return ddl::quoteIdentifier(Dialect::mysql, name); }

}  // namespace

std::vector<std::string> mysqlChangeStatements(const Change& c, const Schema& to) {
    using K = ChangeKind;
    const std::string alter = "ALTER TABLE " + q(c.table) + " ";
    switch (c.kind) {
        case K::createTable: return {mysqlCreateTable(to.internal, the<Table>(c.after))};
        case K::dropTable: return {"DROP TABLE " + q(c.table) + ";"};
        case K::renameTable:
        case K::renameView: return {"RENAME TABLE " + q(c.oldName) + " TO " + q(c.name) + ";"};
        case K::renameColumn: return {alter + "RENAME COLUMN " + q(c.oldName) + " TO " + q(c.name) + ";"};
        case K::addColumn: return {alter + "ADD " + mysqlColumnDefinition(the<Column>(c.after)) + ";"};
        case K::dropColumn: return {alter + "DROP COLUMN " + q(c.name) + ";"};
        case K::alterColumn: {
            // The key has statements of its own: MODIFY COLUMN does not restate it.
            Column column = the<Column>(c.after);
            column.primaryKey = false;
            return {alter + "MODIFY COLUMN " + mysqlColumnDefinition(column) + ";"};
        }
        case K::createIndex: {
            const Index& idx = the<Index>(c.after);
            const Table& table = changedTable(to, c);
            if (!idx.isUnique) return {mysqlCreateIndex(to.internal, table, idx)};
            return {"CREATE UNIQUE INDEX " + q(idx.name) + " ON " + q(table.name) + " (" +
                    mysqlIndexColumns(to.internal, idx) + ");"};
        }
        case K::dropIndex: return {"DROP INDEX " + q(c.name) + " ON " + q(c.table) + ";"};
        // (Drizzle Kit ends this one statement with a newline.)
        case K::dropForeignKey: return {alter + "DROP FOREIGN KEY " + q(c.name) + ";\n"};
        case K::addForeignKey: return {mysqlCreateForeignKey(changedTable(to, c), the<ForeignKey>(c.after))};
        case K::dropPrimaryKey: return {alter + "DROP PRIMARY KEY;"};
        case K::addPrimaryKey: return {alter + "ADD PRIMARY KEY(" + quotedList(the<PrimaryKey>(c.after).columns, '`', ",") + ");"};
        case K::dropUnique: return {alter + "DROP INDEX " + q(c.name) + ";"};
        case K::addUnique:
            return {alter + "ADD CONSTRAINT " + q(c.name) + " UNIQUE(" + quotedList(the<Unique>(c.after).columns, '`', ",") + ");"};
        case K::dropCheck: return {alter + "DROP CONSTRAINT " + q(c.name) + ";"};
        case K::addCheck: return {alter + "ADD CONSTRAINT " + q(c.name) + " CHECK (" + the<Check>(c.after).value + ");"};
        case K::createView: return {mysqlCreateView(the<View>(c.after))};
        case K::dropView: return {"DROP VIEW " + q(c.name) + ";"};
        default: break;
    }
    throw std::logic_error("MySQL has no statement for a " + std::string(changeKindName(c.kind)) + " change");
}

}  // namespace drizzle::kit::ddl::detail
