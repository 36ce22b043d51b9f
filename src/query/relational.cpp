// Relational queries at run time: one SELECT whose related rows come back as JSON built by the
// database (json_agg / json_group_array / JSON_ARRAYAGG of one JSON array per row), and the
// small JSON reader that turns them back into rows for the codecs.
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "drizzle/error.hpp"
#include "drizzle/query/relational.hpp"
#include "schema/registry_internal.hpp"

namespace drizzle::detail {

namespace {

constexpr std::size_t maxJsonArguments = 100;

std::string_view aliasName(int i) {
    static const auto names = [] {
        std::array<std::string, 256> n;
        for (std::size_t k = 0; k < n.size(); ++k) {
            n[k] = std::to_string(k + 1);
            n[k].insert(n[k].begin(), 'r');
        }
        return n;
    }();
    if (i >= static_cast<int>(names.size()))
        throw Error(ErrorCategory::usage, "a relational query loads more than 256 relations");
    return names[static_cast<std::size_t>(i)];
}

bool isBinary(const ColumnSpec& c) {
    const std::string_view k = c.kind;
    return k == "bytea" || k == "blob" || k == "binary" || k == "varbinary" || k == "tinyblob" || k == "mediumblob" ||
           k == "longblob";
}

// The user's conditions on a related table name it; inside the query it has an alias.
void requalify(ast::Node& n, std::string_view table, std::string_view alias) {
    if (n.kind == ast::Node::Kind::column && n.qualifier == table) n.qualifier = alias;
    for (ast::Node& a : n.args) requalify(a, table, alias);
}

ast::Node call(std::string_view function, std::vector<ast::Node> args) {
    ast::Node n;
    n.kind = ast::Node::Kind::call;
    n.text = function;
    n.args = std::move(args);
    return n;
}

ast::Node subquery(ast::Select select) {
    ast::Node n;
    n.kind = ast::Node::Kind::subquery;
    n.query = std::make_shared<const ast::Select>(std::move(select));
    return n;
}

class Builder {
public:
    explicit Builder(Dialect dialect) : dialect_(dialect) {}

    ast::Node relation(const RelationPlan& plan, std::string_view parent) {
        const std::string_view alias = aliasName(next_++);
        const TableDef& target = tableOf(plan.to);
        std::vector<ast::Node> conditions;
        if (plan.many) {
            const OneLink link = pairedOne(plan.to, plan.from, plan.relationName, plan.name);
            for (std::size_t i = 0; i < link.columnCount; ++i)
                conditions.push_back(ast::binaryNode(ast::columnNode(alias, &columnOf(link.fields[i])), " = ",
                                                     ast::columnNode(parent, &columnOf(link.references[i]))));
        } else {
            for (std::size_t i = 0; i < plan.columnCount; ++i)
                conditions.push_back(ast::binaryNode(ast::columnNode(alias, &columnOf(plan.references[i])), " = ",
                                                     ast::columnNode(parent, &columnOf(plan.fields[i]))));
        }
        if (plan.where) {
            ast::Node w = *plan.where;
            requalify(w, target.name, alias);
            conditions.push_back(std::move(w));
        }
        std::vector<ast::Order> orderBy = plan.orderBy;
        for (ast::Order& o : orderBy) requalify(o.expression, target.name, alias);

        std::vector<ast::Node> items;
        if (plan.columns.empty()) {
            for (const ColumnSpec& c : target.columns) items.push_back(value(alias, c));
        } else {
            for (const ColumnSpec* c : plan.columns) items.push_back(value(alias, *c));
        }
        for (const RelationPlan& child : plan.children) {
            if (child.extra) {  // a computed field of the related row, on its alias
                ast::Node e = *child.extra;
                requalify(e, target.name, alias);
                items.push_back(std::move(e));
            } else {
                items.push_back(nested(relation(child, alias)));
            }
        }
        ast::Node row = jsonArray(std::move(items));

        ast::Select s;
        s.from = ast::Source{&target, alias, nullptr};
        s.where = ast::chainNode(" and ", std::move(conditions));
        if (!plan.many) {
            s.fields.push_back(std::move(row));
            s.limit = ast::paramNode(std::int64_t{1});
            return subquery(std::move(s));
        }
        if (dialect_ == Dialect::mysql) {  // MariaDB orders and limits inside JSON_ARRAYAGG
            std::vector<ast::Node> args{std::move(row)};
            std::string text = "coalesce(json_arrayagg(?" + orderText(orderBy, args);
            if (plan.limit || plan.offset) {
                text += " limit ?";
                args.push_back(ast::paramNode(plan.limit.value_or(std::numeric_limits<std::int64_t>::max())));
            }
            if (plan.offset) {
                text += " offset ?";
                args.push_back(ast::paramNode(*plan.offset));
            }
            text += "), json_array())";
            s.fields.push_back(ast::rawNode(std::move(text), std::move(args)));
            return subquery(std::move(s));
        }
        // PostgreSQL and SQLite: order and limit a derived table, aggregate its rows.
        ast::Select inner = std::move(s);
        ast::Node star;
        star.kind = ast::Node::Kind::star;
        inner.fields.push_back(std::move(star));
        inner.orderBy = orderBy;
        if (plan.limit) inner.limit = ast::paramNode(*plan.limit);
        if (plan.offset) inner.offset = ast::paramNode(*plan.offset);
        ast::Select outer;
        outer.from = ast::Source{nullptr, alias, std::make_shared<const ast::Select>(std::move(inner))};
        std::vector<ast::Node> args{std::move(row)};
        if (dialect_ == Dialect::postgresql) {
            std::string text = "coalesce(json_agg(?" + orderText(orderBy, args) + "), '[]'::json)";
            outer.fields.push_back(ast::rawNode(std::move(text), std::move(args)));
        } else {
            outer.fields.push_back(ast::rawNode("coalesce(json_group_array(?), '[]')", std::move(args)));
        }
        return subquery(std::move(outer));
    }

private:
    // A row's values as one JSON array. PostgreSQL's functions take at most 100 arguments
    // (SQLite's 127), so a wider row goes as an array of arrays of 100, read back as one row
    // (JsonRow).
    ast::Node jsonArray(std::vector<ast::Node> items) const {
        const std::string_view fn = dialect_ == Dialect::postgresql ? "json_build_array" : "json_array";
        if (items.size() <= maxJsonArguments) return call(fn, std::move(items));
        std::vector<ast::Node> chunks;
        for (std::size_t i = 0; i < items.size(); i += maxJsonArguments) {
            const std::size_t end = std::min(items.size(), i + maxJsonArguments);
            std::vector<ast::Node> chunk(std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(i)),
                                         std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(end)));
            chunks.push_back(nested(call(fn, std::move(chunk))));
        }
        if (chunks.size() > maxJsonArguments) throw Error(ErrorCategory::usage, "a related table has more than 10,000 columns");
        return call(fn, std::move(chunks));
    }

    static std::string orderText(const std::vector<ast::Order>& orderBy, std::vector<ast::Node>& args) {
        std::string text;
        for (std::size_t i = 0; i < orderBy.size(); ++i) {
            text += i ? ", ?" : " order by ?";
            if (orderBy[i].desc) text += " desc";
            args.push_back(orderBy[i].expression);
        }
        return text;
    }

    // A column as a JSON element the codecs can read back: bytes as hex, PostgreSQL arrays as
    // their text literal, SQLite doubles as the 20 digits quote() writes, which give them back exactly (its
    // json_array writes 15).
    ast::Node value(std::string_view alias, const ColumnSpec& c) const {
        ast::Node col = ast::columnNode(alias, &c);
        if (dialect_ == Dialect::sqlite && c.kind == "real")
            return ast::rawNode("iif(? is null, null, printf('%!.20e', ?))", {col, col});
        if (isBinary(c) && dialect_ != Dialect::postgresql) return call("hex", {std::move(col)});
        if (dialect_ == Dialect::postgresql && c.args.dimensions > 0) return ast::rawNode("?::text", {std::move(col)});
        return col;
    }
    // A nested relation inside a row: JSON, not a string holding JSON.
    ast::Node nested(ast::Node relation) const {
        if (dialect_ == Dialect::sqlite) return call("json", {std::move(relation)});
        if (dialect_ == Dialect::mysql) return ast::rawNode("json_extract(?, '$')", {std::move(relation)});
        return relation;
    }

    Dialect dialect_;
    int next_ = 0;
};

}  // namespace

std::vector<const ColumnSpec*> chosenColumns(const TableDef& root, const std::vector<MemberRef>& members) {
    std::vector<const ColumnSpec*> out;
    if (members.empty()) {
        for (const ColumnSpec& c : root.columns) out.push_back(&c);
        return out;
    }
    for (const MemberRef& m : members) {
        if (m.owner != root.owner)
            throw Error(ErrorCategory::usage, "findMany columns: a column of another table than " + std::string(root.name),
                        "list columns of the table queried");
        out.push_back(&columnOf(m));
    }
    return out;
}

void readColumns(const std::vector<const ColumnSpec*>& columns, const driver::Cursor& cursor, void* row) {
    auto* base = static_cast<char*>(row);
    for (std::size_t i = 0; i < columns.size(); ++i) columns[i]->codec->read(cursor, i, base + columns[i]->member.offset);
}

ast::Select relationalSelect(Dialect dialect, const TableDef& root, const std::vector<const ColumnSpec*>& columns,
                             const std::vector<RelationPlan>& relations,
                             const std::optional<ast::Node>& where, const std::vector<ast::Order>& orderBy,
                             std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    ast::Select s;
    s.from = ast::Source{&root, {}, nullptr};
    for (const ColumnSpec* c : columns) s.fields.push_back(ast::columnNode(root.name, c));
    Builder builder(dialect);
    for (const RelationPlan& r : relations) {
        if (r.extra) {  // a computed field
            s.fields.push_back(*r.extra);
            s.fieldAliases.resize(s.fields.size());
            continue;
        }
        s.fields.push_back(builder.relation(r, root.name));
        s.fieldAliases.resize(s.fields.size());
        s.fieldAliases.back() = r.name;
    }
    s.where = where;
    s.orderBy = orderBy;
    if (limit) s.limit = ast::paramNode(*limit);
    if (offset) s.offset = ast::paramNode(*offset);
    return s;
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

class TapeWriter {
public:
    TapeWriter(std::string_view text, JsonTape& tape) : s_(text), tape_(tape) {}

    void run() {
        value();
        space();
        if (i_ != s_.size()) fail();
    }

private:
    using Kind = JsonTape::Kind;

    [[noreturn]] void fail() const {
        throw Error(ErrorCategory::internal, "related rows: malformed JSON from the database at offset " + std::to_string(i_));
    }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool literal(std::string_view word) {
        if (s_.compare(i_, word.size(), word) != 0) return false;
        i_ += word.size();
        return true;
    }
    std::uint32_t push(Kind kind, std::string_view text) {
        tape_.values.push_back({kind, 0, 0, text});
        const auto index = static_cast<std::uint32_t>(tape_.values.size() - 1);
        tape_.values[index].end = index + 1;
        return index;
    }

    void value() {
        space();
        if (i_ >= s_.size()) fail();
        const std::size_t start = i_;
        const char c = s_[i_];
        if (c == '[' || c == '{') {
            const bool array = c == '[';
            const std::uint32_t index = push(array ? Kind::array : Kind::object, {});
            const char close = array ? ']' : '}';
            std::uint32_t count = 0;
            ++i_;
            space();
            if (i_ < s_.size() && s_[i_] == close) {
                ++i_;
            } else {
                for (;;) {
                    if (!array) {  // an object is kept whole, as raw text: its key and value are skipped
                        value();
                        space();
                        if (i_ >= s_.size() || s_[i_++] != ':') fail();
                    }
                    value();
                    ++count;
                    space();
                    if (i_ >= s_.size()) fail();
                    if (s_[i_] == ',') {
                        ++i_;
                        continue;
                    }
                    if (s_[i_++] != close) fail();
                    break;
                }
            }
            JsonTape::Value& v = tape_.values[index];
            v.text = s_.substr(start, i_ - start);
            v.count = count;
            if (!array) tape_.values.resize(index + 1);  // objects are values, not rows
            tape_.values[index].end = static_cast<std::uint32_t>(tape_.values.size());
        } else if (c == '"') {
            ++i_;
            const std::size_t from = i_;
            bool escaped = false;
            while (i_ < s_.size() && s_[i_] != '"') {
                if (s_[i_] == '\\') {
                    escaped = true;
                    ++i_;
                }
                ++i_;
            }
            if (i_ >= s_.size()) fail();
            const std::string_view raw = s_.substr(from, i_ - from);
            ++i_;
            push(Kind::string, escaped ? std::string_view(unescape(raw)) : raw);
        } else if (literal("null")) {
            push(Kind::null, {});
        } else if (literal("true")) {
            push(Kind::boolean, "1");
        } else if (literal("false")) {
            push(Kind::boolean, "0");
        } else {
            while (i_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[i_]) != std::string_view::npos) ++i_;
            if (i_ == start) fail();
            push(Kind::number, s_.substr(start, i_ - start));
        }
    }

    const std::string& unescape(std::string_view raw) {
        std::string& out = tape_.unescaped.emplace_back();
        out.reserve(raw.size());
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] != '\\' || k + 1 >= raw.size()) {
                out += raw[k];
                continue;
            }
            switch (raw[++k]) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': k = unicode(raw, k, out); break;
                default: out += raw[k];
            }
        }
        return out;
    }
    // \uXXXX (with surrogate pairs) as UTF-8; k is on the 'u'; returns the index of its last digit.
    std::size_t unicode(std::string_view raw, std::size_t k, std::string& out) const {
        auto hex4 = [&](std::size_t at) -> unsigned {
            unsigned v = 0;
            if (at + 4 > raw.size() || std::from_chars(raw.data() + at, raw.data() + at + 4, v, 16).ptr != raw.data() + at + 4)
                fail();
            return v;
        };
        unsigned cp = hex4(k + 1);
        k += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && raw.substr(k + 1, 2) == "\\u") {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(k + 3) - 0xDC00);
            k += 6;
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return k;
    }

    std::string_view s_;
    JsonTape& tape_;
    std::size_t i_ = 0;
};

}  // namespace

void JsonTape::parse(std::string_view json) {
    values.clear();
    unescaped.clear();
    TapeWriter(json, *this).run();
}

void throwBadRelated(std::string_view what) {
    throw Error(ErrorCategory::internal, "related rows: the database sent something other than a " + std::string(what));
}

JsonRow::JsonRow(const JsonTape& tape, std::uint32_t array, std::size_t expected) : tape_(tape) {
    const JsonTape::Value& a = tape.values[array];
    auto add = [&](std::uint32_t i) {
        if (count_ < inline_.size()) inline_[count_] = i;
        else overflow_.push_back(i);
        ++count_;
    };
    // A row wider than one JSON function's arguments came as chunks (Builder::jsonArray).
    const bool chunked = expected > maxJsonArguments && a.count < expected;
    for (std::uint32_t i = array + 1; i < a.end; i = tape.values[i].end) {
        if (!chunked) {
            add(i);
            continue;
        }
        if (tape.values[i].kind != JsonTape::Kind::array) throwBadRelated("row");
        for (std::uint32_t k = i + 1; k < tape.values[i].end; k = tape.values[k].end) add(k);
    }
}

const JsonTape::Value& JsonRow::item(std::size_t c) const {
    if (c >= count_) throw Error(ErrorCategory::internal, "related rows: a row has fewer values than its table has columns");
    return tape_.values[itemIndex(c)];
}

std::int64_t JsonRow::integer(std::size_t c) const {
    const std::string_view t = item(c).text;
    std::int64_t out = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), out);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) {
        if (t == "true" || t == "t") return 1;
        if (t == "false" || t == "f") return 0;
        throw Error(ErrorCategory::mapping, "related column " + std::to_string(c) + ": \"" + std::string(t) + "\" is not an integer");
    }
    return out;
}

double JsonRow::real(std::size_t c) const {
    const std::string_view t = item(c).text;
    if (t == "NaN") return NAN;
    if (t == "Infinity") return INFINITY;
    if (t == "-Infinity") return -INFINITY;
    double out = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), out);
    if (r.ec != std::errc()) throw Error(ErrorCategory::mapping, "related column " + std::to_string(c) + ": not a number");
    return out;
}

// Related rows carry bytes as hex: hex() on SQLite and MySQL, bytea's own text on PostgreSQL.
std::string_view JsonRow::bytes(std::size_t c) const {
    if (!driver::decodeHex(text(c), decoded_))
        throw Error(ErrorCategory::internal, "related column " + std::to_string(c) + ": binary value is not hex");
    return decoded_;
}

}  // namespace drizzle::detail
