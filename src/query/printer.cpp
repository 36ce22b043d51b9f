// The dialect printers: a statement tree becomes SQL text with `?` placeholders and the list of
// values to bind, in order. Every identifier is quoted; no value is ever written into the text.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/detail/ast.hpp"
#include "drizzle/query/expr.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::ast {

Node columnNode(std::string_view qualifier, const detail::ColumnSpec* column) {
    Node n;
    n.kind = Node::Kind::column;
    n.qualifier = qualifier;
    n.column = column;
    return n;
}
Node paramNode(driver::Param value) {
    Node n;
    n.kind = Node::Kind::param;
    n.value = std::move(value);
    return n;
}
Node rawNode(std::string text, std::vector<Node> args) {
    Node n;
    n.kind = Node::Kind::raw;
    n.text = std::move(text);
    n.args = std::move(args);
    return n;
}
Node binaryNode(Node left, std::string_view op, Node right) {
    Node n;
    n.kind = Node::Kind::binary;
    n.text = op;
    n.args.reserve(2);
    n.args.push_back(std::move(left));
    n.args.push_back(std::move(right));
    return n;
}
Node chainNode(std::string_view op, std::vector<Node> args) {
    Node n;
    n.kind = Node::Kind::chain;
    n.text = op;
    n.args = std::move(args);
    return n;
}

std::string_view Source::qualifier() const {
    if (!alias.empty()) return alias;
    return table ? table->name : std::string_view{};
}

namespace {

class Printer {
public:
    explicit Printer(Dialect dialect) : dialect_(dialect) {}

    Printed take() { return std::move(out_); }

    void identifier(std::string_view name) {
        const char q = traitsOf(dialect_).identifierQuote;
        sql() += q;
        for (char c : name) {
            if (c == q) sql() += q;
            sql() += c;
        }
        sql() += q;
    }

    void source(const Source& s) {
        if (s.subquery) {
            sql() += '(';
            select(*s.subquery, false);
            sql() += ") ";
            identifier(s.alias);
            return;
        }
        if (!s.table) {  // a CTE, by its name
            if (s.alias.empty()) throw Error(ErrorCategory::internal, "a query names no table");
            identifier(s.alias);
            return;
        }
        if (!s.table->schema.empty() && s.table->schema != "public") {
            identifier(s.table->schema);
            sql() += '.';
        }
        identifier(s.table->name);
        if (!s.alias.empty() && s.alias != s.table->name) {
            sql() += ' ';
            identifier(s.alias);
        }
    }

    void bind(const driver::Param* value) { out_.values.push_back(value); }

    void expression(const Node& n) {
        using K = Node::Kind;
        switch (n.kind) {
            case K::column: {
                const std::string_view name = n.column ? n.column->name : std::string_view(n.text);
                if (n.qualifier == "excluded" && !traitsOf(dialect_).onConflict) {  // ON DUPLICATE KEY UPDATE
                    sql() += "values(";
                    identifier(name);
                    sql() += ')';
                    return;
                }
                if (!n.qualifier.empty() && qualify_) {
                    identifier(n.qualifier);
                    sql() += '.';
                }
                identifier(name);
                return;
            }
            case K::param:
                sql() += '?';
                bind(&n.value);
                return;
            case K::placeholder:
                sql() += '?';
                out_.placeholders.push_back({out_.values.size(), n.text, n.column});
                bind(nullptr);
                return;
            case K::raw: {
                std::size_t next = 0;
                for (char c : n.text) {
                    if (c == '?' && next < n.args.size()) {
                        expression(n.args[next++]);
                    } else {
                        sql() += c;
                    }
                }
                return;
            }
            case K::identifier: identifier(n.text); return;
            case K::unary:
                sql() += n.text;
                sql() += '(';
                expression(n.args.at(0));
                sql() += ')';
                return;
            case K::postfix:
                expression(n.args.at(0));
                sql() += n.text;
                return;
            case K::binary:
                expression(n.args.at(0));
                // ILIKE is PostgreSQL's; LIKE is already case-insensitive (ASCII) on SQLite and
                // with MySQL's default collations.
                sql() += n.text == " ilike " && !traitsOf(dialect_).ilike ? std::string_view(" like ")
                                                                          : std::string_view(n.text);
                expression(n.args.at(1));
                return;
            case K::valueSet: {  // a long IN list, bound as one value (expr.hpp: valueSet)
                expression(n.args.at(0));
                if (dialect_ == Dialect::postgresql) {
                    sql() += n.text == " in " ? " = any(" : " <> all(";
                    expression(n.args.at(2));
                    sql() += ')';
                } else if (dialect_ == Dialect::sqlite) {
                    sql() += n.text;
                    sql() += "(select value from json_each(";
                    expression(n.args.at(1));
                    sql() += "))";
                } else {
                    sql() += n.text;
                    sql() += "(select v from json_table(";
                    expression(n.args.at(1));
                    sql() += ", '$[*]' columns (v ";
                    sql() += n.qualifier;
                    sql() += " path '$')) as j)";
                }
                return;
            }
            case K::chain:
                sql() += '(';
                for (std::size_t i = 0; i < n.args.size(); ++i) {
                    if (i) sql() += n.text;
                    expression(n.args[i]);
                }
                sql() += ')';
                return;
            case K::call:
                sql() += n.text;
                sql() += '(';
                list(n.args);
                // MySQL averages integers and decimals as a DECIMAL of 4 places; over a double
                // it gives what avg() promises, the double.
                if (n.text == "avg" && dialect_ == Dialect::mysql) sql() += " * 1e0";
                sql() += ')';
                return;
            case K::list:
                sql() += '(';
                list(n.args);
                sql() += ')';
                return;
            case K::subquery:
                sql() += '(';
                select(*n.query, false);
                sql() += ')';
                return;
            case K::exists:
                sql() += n.text;
                sql() += " (";
                select(*n.query, false);
                sql() += ')';
                return;
            case K::star: sql() += '*'; return;
        }
    }

    void list(const std::vector<Node>& nodes) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i) sql() += ", ";
            expression(nodes[i]);
        }
    }

    void select(const Select& s, bool topLevel) {
        (void)topLevel;
        if (!s.with.empty()) {
            sql() += "with ";
            for (std::size_t i = 0; i < s.with.size(); ++i) {
                if (i) sql() += ", ";
                identifier(s.with[i].name);
                sql() += " as (";
                select(*s.with[i].query, false);
                sql() += ')';
            }
            sql() += ' ';
        }
        const bool compound = !s.setOperations.empty();
        const bool parens = compound && traitsOf(dialect_).parenthesisedSetOperands;
        if (parens) sql() += '(';
        core(s);
        if (parens) sql() += ')';
        for (const SetOperation& op : s.setOperations) {
            sql() += ' ';
            sql() += op.kind;
            sql() += ' ';
            if (parens) sql() += '(';
            select(*op.query, false);
            if (parens) sql() += ')';
        }
        tail(s);
    }

    void core(const Select& s) {
        sql() += "select ";
        if (!s.distinctOn.empty()) {
            sql() += "distinct on (";
            list(s.distinctOn);
            sql() += ") ";
        } else if (s.distinct) {
            sql() += "distinct ";
        }
        for (std::size_t i = 0; i < s.fields.size(); ++i) {
            if (i) sql() += ", ";
            expression(s.fields[i]);
            if (i < s.fieldAliases.size() && !s.fieldAliases[i].empty()) {
                sql() += " as ";
                identifier(s.fieldAliases[i]);
            }
        }
        if (s.from) {
            sql() += " from ";
            source(*s.from);
        }
        for (const Join& j : s.joins) {
            sql() += ' ';
            sql() += j.kind;
            sql() += ' ';
            if (j.lateral) sql() += "lateral ";
            source(j.source);
            if (j.on) {
                sql() += " on ";
                expression(*j.on);
            } else if (j.lateral) {
                sql() += " on true";
            }
        }
        if (s.where) {
            sql() += " where ";
            expression(*s.where);
        }
        if (!s.groupBy.empty()) {
            sql() += " group by ";
            list(s.groupBy);
        }
        if (s.having) {
            sql() += " having ";
            expression(*s.having);
        }
    }

    // ORDER BY, LIMIT, OFFSET and the lock: printed once, after a compound's last part.
    void tail(const Select& s) {
        if (!s.orderBy.empty()) {
            sql() += " order by ";
            for (std::size_t i = 0; i < s.orderBy.size(); ++i) {
                if (i) sql() += ", ";
                const Order& o = s.orderBy[i];
                if (!o.nulls.empty() && !traitsOf(dialect_).nullsOrdering) {
                    // Without NULLS FIRST/LAST: sort on "is null" first.
                    sql() += '(';
                    expression(o.expression);
                    sql() += o.nulls == "first" ? " is null) desc, " : " is null), ";
                }
                expression(o.expression);
                if (o.desc) sql() += " desc";
                if (!o.nulls.empty() && traitsOf(dialect_).nullsOrdering) {
                    sql() += " nulls ";
                    sql() += o.nulls;
                }
            }
        }
        if (s.limit) {
            sql() += " limit ";
            expression(*s.limit);
        } else if (s.offset) {
            sql() += traitsOf(dialect_).limitForOffset;
        }
        if (s.offset) {
            sql() += " offset ";
            expression(*s.offset);
        }
        if (!s.lock.empty()) {
            sql() += ' ';
            sql() += s.lock;
        }
    }

    void returning(const std::vector<Node>& fields) {
        if (fields.empty()) return;
        sql() += " returning ";
        qualify_ = false;  // SQLite resolves only bare column names in RETURNING
        list(fields);
        qualify_ = true;
    }

    void assignments(const std::vector<Assignment>& set) {
        for (std::size_t i = 0; i < set.size(); ++i) {
            if (i) sql() += ", ";
            identifier(set[i].column->name);
            sql() += " = ";
            expression(set[i].value);
        }
    }

    void insert(const Insert& s) {
        const bool ignore = !traitsOf(dialect_).onConflict && s.conflict.action == Conflict::Action::doNothing;
        sql() += ignore ? "insert ignore into " : "insert into ";
        source(s.into);
        if (!s.columns.empty()) {
            sql() += " (";
            for (std::size_t i = 0; i < s.columns.size(); ++i) {
                if (i) sql() += ", ";
                identifier(s.columns[i]->name);
            }
            sql() += ')';
        }
        if (s.select) {
            sql() += ' ';
            select(*s.select, false);
        } else if (s.columns.empty()) {
            sql() += traitsOf(dialect_).insertDefaultRow;
        } else if (s.placeholderRows > 0 || !s.values.empty()) {
            const std::size_t n = s.placeholderRows > 0 ? s.placeholderRows : s.values.size() / s.columns.size();
            sql() += " values ";
            std::size_t next = 0;
            for (std::size_t r = 0; r < n; ++r) {
                sql() += r ? ", (" : "(";
                for (std::size_t c = 0; c < s.columns.size(); ++c) {
                    sql() += c ? ", ?" : "?";
                    bind(s.placeholderRows > 0 ? nullptr : &s.values[next++]);
                }
                sql() += ')';
            }
        } else {
            sql() += " values ";
            for (std::size_t r = 0; r < s.rows.size(); ++r) {
                if (r) sql() += ", ";
                sql() += '(';
                list(s.rows[r]);
                sql() += ')';
            }
        }
        conflict(s);
        returning(s.returning);
    }

    void conflict(const Insert& s) {
        const Conflict& c = s.conflict;
        switch (c.action) {
            case Conflict::Action::none: return;
            case Conflict::Action::duplicateKeyUpdate:
                sql() += " on duplicate key update ";
                assignments(c.set);
                return;
            case Conflict::Action::doNothing:
                if (!traitsOf(dialect_).onConflict) return;  // INSERT IGNORE
                [[fallthrough]];
            case Conflict::Action::doUpdate:
                break;
        }
        // SQLite cannot tell `INSERT ... SELECT ... ON CONFLICT` from a join's ON without a WHERE.
        if (s.select && dialect_ == Dialect::sqlite && !s.select->where) sql() += " where true";
        sql() += " on conflict";
        if (!c.target.empty()) {
            sql() += " (";
            for (std::size_t i = 0; i < c.target.size(); ++i) {
                if (i) sql() += ", ";
                identifier(c.target[i]->name);
            }
            sql() += ')';
            if (c.targetWhere) {
                sql() += " where ";
                expression(*c.targetWhere);
            }
        }
        if (c.action == Conflict::Action::doNothing) {
            sql() += " do nothing";
            return;
        }
        sql() += " do update set ";
        assignments(c.set);
        if (c.where) {
            sql() += " where ";
            expression(*c.where);
        }
    }

    void update(const Update& s) {
        sql() += "update ";
        source(s.table);
        sql() += " set ";
        assignments(s.set);
        for (std::size_t i = 0; i < s.from.size(); ++i) {
            sql() += i ? ", " : " from ";
            source(s.from[i]);
        }
        if (s.where) {
            sql() += " where ";
            expression(*s.where);
        }
        returning(s.returning);
    }

    void remove(const Delete& s) {
        sql() += "delete from ";
        source(s.from);
        if (s.where) {
            sql() += " where ";
            expression(*s.where);
        }
        returning(s.returning);
    }

private:
    std::string& sql() { return out_.sql; }

    Dialect dialect_;
    Printed out_;
    bool qualify_ = true;
};

}  // namespace

Printed print(Dialect dialect, const Select& statement) {
    Printer p(dialect);
    p.select(statement, true);
    Printed printed = p.take();
    printed.read = statement.lock.empty();
    return printed;
}
Printed print(Dialect dialect, const Insert& statement) {
    Printer p(dialect);
    p.insert(statement);
    return p.take();
}
Printed print(Dialect dialect, const Update& statement) {
    Printer p(dialect);
    p.update(statement);
    return p.take();
}
Printed print(Dialect dialect, const Delete& statement) {
    Printer p(dialect);
    p.remove(statement);
    return p.take();
}

}  // namespace drizzle::ast

namespace drizzle::detail {

// ---- long IN lists as one value ---------------------------------------------------------------

namespace {
void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
                    out += hex;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}
}  // namespace

ast::Node valueSet(ast::Node x, std::string_view op, std::vector<ast::Node> values) {
    std::string json = "[", array = "{";
    std::string_view mysqlType = "bigint";
    for (const ast::Node& v : values) {
        if (v.kind != ast::Node::Kind::param) return ast::binaryNode(std::move(x), op, [&] {
            ast::Node list;
            list.kind = ast::Node::Kind::list;
            list.args = std::move(values);
            return list;
        }());
        const driver::Param& p = v.value;
        const auto* d = std::get_if<double>(&p);
        if (std::holds_alternative<driver::Bytes>(p) || (d && !std::isfinite(*d))) {
            ast::Node list;
            list.kind = ast::Node::Kind::list;
            list.args = std::move(values);
            return ast::binaryNode(std::move(x), op, std::move(list));
        }
        if (json.size() > 1) {
            json += ',';
            array += ',';
        }
        appendArrayElement(array, p, false);
        if (std::holds_alternative<std::nullptr_t>(p)) {
            json += "null";
        } else if (const auto* i = std::get_if<std::int64_t>(&p)) {
            json += std::to_string(*i);
        } else if (d) {
            char digits[32];
            const auto end = std::to_chars(digits, digits + sizeof digits, *d).ptr;
            json.append(digits, end);
            mysqlType = "double";
        } else {
            appendJsonString(json, std::get<std::string>(p));
            mysqlType = "varchar(16383)";
        }
    }
    json += ']';
    array += '}';
    ast::Node n;
    n.kind = ast::Node::Kind::valueSet;
    n.text = op;
    n.qualifier = mysqlType;
    n.args.push_back(std::move(x));
    n.args.push_back(ast::paramNode(std::move(json)));
    n.args.push_back(ast::paramNode(std::move(array)));
    return n;
}

}  // namespace drizzle::detail
