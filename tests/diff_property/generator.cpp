// Random schemas and random changes to them. Every schema is valid for its dialect: foreign keys
// point at the integer primary key `id` of an existing table from nullable integer columns
// (`r...`), indexes avoid MySQL's unindexable text, checks compare an integer column with zero.
#include "generator.hpp"

#include <algorithm>
#include <map>

namespace drizzle::diff_property {
namespace {

using namespace model;

// Types one column may move between: PostgreSQL, MySQL and SQLite convert them without USING.
struct Family {
    std::string kind;
    std::vector<std::string> types;
    bool indexable = true;
};

const std::vector<Family>& families(Dialect d) {
    static const std::vector<Family> pg = {
        {"int", {"smallint", "integer", "bigint"}},
        {"text", {"varchar(20)", "varchar(64)", "text"}},
        {"float", {"real", "double precision"}},
        {"numeric", {"numeric(10, 2)", "numeric(12, 4)"}},
        {"bool", {"boolean"}},
        {"time", {"date", "timestamp"}},
        {"json", {"jsonb"}, false},
        {"uuid", {"uuid"}},
    };
    static const std::vector<Family> mysql = {
        {"int", {"smallint", "int", "bigint"}},
        {"text", {"varchar(20)", "varchar(64)", "varchar(255)"}},
        {"longtext", {"text"}, false},
        {"float", {"float", "double"}},
        {"numeric", {"decimal(10,2)", "decimal(12,4)"}},
        {"bool", {"boolean"}},
        {"time", {"datetime", "timestamp"}},
    };
    static const std::vector<Family> sqlite = {
        {"int", {"integer"}},
        {"text", {"text"}},
        {"float", {"real"}},
        {"numeric", {"numeric"}},
        {"blob", {"blob"}, false},
    };
    switch (d) {
        case Dialect::postgresql: return pg;
        case Dialect::mysql: return mysql;
        case Dialect::sqlite: return sqlite;
    }
    return pg;
}

std::string intType(Dialect d) { return d == Dialect::mysql ? "int" : "integer"; }

// The family of a column, or nullptr for enums and foreign key columns.
const Family* familyOf(Dialect d, const Column& c) {
    if (c.typeSchema) return nullptr;
    for (const auto& f : families(d))
        if (std::find(f.types.begin(), f.types.end(), c.type) != f.types.end()) return &f;
    return nullptr;
}

bool isKeyColumn(const Column& c) { return c.primaryKey || c.name.starts_with("r"); }

const Enum* enumOf(const Schema& s, const Column& c) {
    if (!c.typeSchema) return nullptr;
    for (const auto& e : s.enums)
        if (e.name == c.type) return &e;
    return nullptr;
}

std::optional<DefaultValue> randomDefault(const Schema& s, const Column& c, Rng& rng) {
    using K = DefaultValue::Kind;
    Dialect d = s.dialect;
    if (const Enum* e = enumOf(s, c)) return DefaultValue{K::sql, "'" + e->values.front() + "'"};
    const Family* f = familyOf(d, c);
    if (!f) return std::nullopt;
    const std::string n = std::to_string(rng.below(100));
    if (f->kind == "int") return DefaultValue{K::number, n};
    if (d == Dialect::sqlite && f->kind == "text" && rng.percent(20)) return DefaultValue{K::sql, "(CURRENT_TIMESTAMP)"};
    if (f->kind == "text" || f->kind == "longtext") return DefaultValue{K::sql, "'v" + n + "'"};
    if (f->kind == "float") return DefaultValue{K::number, n + ".5"};
    if (f->kind == "numeric") return DefaultValue{K::number, n + ".25"};
    if (f->kind == "bool") return DefaultValue{K::boolean, rng.percent(50) ? "true" : "false"};
    if (f->kind == "time") return DefaultValue{K::sql, d == Dialect::mysql ? "CURRENT_TIMESTAMP" : "now()"};
    if (f->kind == "json") return DefaultValue{K::sql, "'{}'::jsonb"};
    if (f->kind == "uuid") return DefaultValue{K::sql, "gen_random_uuid()"};
    if (f->kind == "blob") return DefaultValue{K::sql, "x'" + std::string(n.size() == 1 ? "0" : "") + n + "'"};
    return std::nullopt;
}

// A name `prefix<k>` with the smallest k that none of `taken` uses.
std::string freshName(const std::string& prefix, const std::vector<std::string>& taken) {
    for (int k = 0;; ++k) {
        std::string name = prefix + std::to_string(k);
        if (std::find(taken.begin(), taken.end(), name) == taken.end()) return name;
    }
}

std::vector<std::string> columnNames(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.name);
    return out;
}

// Every constraint and index name of a table (MySQL keeps them in one namespace per table).
std::vector<std::string> constraintNames(const Table& t) {
    std::vector<std::string> out;
    for (const auto& i : t.indexes) out.push_back(i.name);
    for (const auto& u : t.uniqueConstraints) out.push_back(u.name);
    for (const auto& c : t.checks) out.push_back(c.name);
    for (const auto& f : t.foreignKeys) out.push_back(f.name);
    return out;
}

Column randomColumn(const Schema& s, const std::string& name, Rng& rng) {
    Column c;
    c.name = name;
    if (s.dialect == Dialect::postgresql && !s.enums.empty() && rng.percent(15)) {
        c.type = rng.pick(s.enums).name;
        c.typeSchema = "public";
    } else {
        c.type = rng.pick(rng.pick(families(s.dialect)).types);
    }
    c.notNull = rng.percent(40);
    if (rng.percent(40)) c.defaultValue = randomDefault(s, c, rng);
    return c;
}

std::optional<std::string> randomAction(Rng& rng) {
    static const std::vector<std::optional<std::string>> actions = {std::nullopt, "cascade", "set null", "restrict",
                                                                    "no action"};
    return rng.pick(actions);
}

ForeignKey foreignKey(const Schema& s, const Table& from, const std::string& column, const std::string& to, Rng& rng) {
    ForeignKey fk{.name = from.name + "_" + column + "_" + to + "_id_fk",
                  .tableFrom = from.name,
                  .columnsFrom = {column},
                  .tableTo = to,
                  .columnsTo = {"id"},
                  .onDelete = randomAction(rng),
                  .onUpdate = randomAction(rng)};
    if (s.dialect == Dialect::postgresql) fk.schemaTo = "public";
    return fk;
}

// Candidate columns for an index or a unique constraint.
std::vector<std::string> indexableColumns(const Schema& s, const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) {
        if (c.primaryKey) continue;
        const Family* f = familyOf(s.dialect, c);
        bool reference = c.name.starts_with("r");
        if (c.typeSchema || reference || (f && f->indexable)) out.push_back(c.name);
    }
    return out;
}

std::vector<std::string> someOf(std::vector<std::string> names, Rng& rng) {
    std::vector<std::string> out;
    std::size_t n = 1 + rng.below(std::min<std::size_t>(2, names.size()));
    while (out.size() < n) {
        std::size_t i = rng.below(names.size());
        out.push_back(names[i]);
        names.erase(names.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return out;
}

bool addIndex(const Schema& s, Table& t, Rng& rng) {
    auto candidates = indexableColumns(s, t);
    if (candidates.empty()) return false;
    Index idx{.name = freshName(t.name + "_idx", constraintNames(t)), .isUnique = rng.percent(25)};
    for (const auto& c : someOf(candidates, rng)) idx.columns.push_back({.expression = c, .asc = rng.percent(80)});
    t.indexes.push_back(idx);
    return true;
}

bool addUnique(const Schema& s, Table& t, Rng& rng) {
    auto candidates = indexableColumns(s, t);
    if (candidates.empty()) return false;
    Unique u{.name = freshName(t.name + "_uq", constraintNames(t)), .columns = someOf(candidates, rng)};
    // PostgreSQL's CREATE TABLE keeps one of two unique constraints on the same columns.
    for (const auto& other : t.uniqueConstraints)
        if (other.columns == u.columns) return false;
    if (s.dialect == Dialect::postgresql) u.nullsNotDistinct = rng.percent(20);
    t.uniqueConstraints.push_back(u);
    return true;
}

bool addCheck(const Schema& s, Table& t, Rng& rng) {
    std::vector<std::string> candidates;
    for (const auto& c : t.columns) {
        const Family* f = familyOf(s.dialect, c);
        // Not a foreign key column: MariaDB refuses checks on columns with referential actions.
        if (!isKeyColumn(c) && f && f->kind == "int") candidates.push_back(c.name);
    }
    if (candidates.empty()) return false;
    char quote = s.dialect == Dialect::mysql ? '`' : '"';
    std::string column = rng.pick(candidates);
    t.checks.push_back({freshName(t.name + "_chk", constraintNames(t)),
                        quote + column + quote + (rng.percent(50) ? " > " : " <> ") + std::to_string(rng.below(10))});
    return true;
}

// A new nullable integer column pointing at `to`.id.
void addReference(const Schema& s, Table& t, const std::string& to, Rng& rng) {
    std::string name = freshName("r", columnNames(t));
    t.columns.push_back({.name = name, .type = intType(s.dialect)});
    t.foreignKeys.push_back(foreignKey(s, t, name, to, rng));
}

Table randomTable(const Schema& s, const std::string& name, Rng& rng) {
    Table t{.name = name};
    t.columns.push_back({.name = "id", .type = intType(s.dialect), .primaryKey = true, .notNull = true});
    std::size_t n = 1 + rng.below(5);
    for (std::size_t i = 0; i < n; ++i) {
        std::string prefix = s.dialect != Dialect::mysql && rng.percent(10) ? "Col" : "c";
        t.columns.push_back(randomColumn(s, freshName(prefix, columnNames(t)), rng));
    }
    return t;
}

void decorate(const Schema& s, Table& t, Rng& rng) {
    if (!s.tables.empty() && rng.percent(50)) addReference(s, t, rng.pick(s.tables).name, rng);
    for (std::size_t i = rng.below(3); i > 0; --i) addIndex(s, t, rng);
    if (rng.percent(35)) addUnique(s, t, rng);
    if (rng.percent(35)) addCheck(s, t, rng);
}

std::vector<std::string> tableNames(const Schema& s) {
    std::vector<std::string> out;
    for (const auto& t : s.tables) out.push_back(t.name);
    return out;
}

Enum randomEnum(const Schema& s, Rng& rng) {
    std::vector<std::string> names;
    for (const auto& e : s.enums) names.push_back(e.name);
    Enum e{.name = freshName("e", names)};
    for (std::size_t i = 0, n = 1 + rng.below(4); i < n; ++i) e.values.push_back("v" + std::to_string(i));
    return e;
}

// Removes everything of `t` that uses column `name`.
void forgetColumn(Table& t, const std::string& name) {
    std::erase_if(t.indexes, [&](const Index& i) {
        return std::any_of(i.columns.begin(), i.columns.end(), [&](const IndexColumn& c) { return c.expression == name; });
    });
    std::erase_if(t.uniqueConstraints, [&](const Unique& u) {
        return std::find(u.columns.begin(), u.columns.end(), name) != u.columns.end();
    });
    std::erase_if(t.foreignKeys, [&](const ForeignKey& f) { return f.columnsFrom.front() == name; });
    std::erase_if(t.checks, [&](const Check& c) {
        return c.value.find('"' + name + '"') != std::string::npos || c.value.find('`' + name + '`') != std::string::npos;
    });
    std::erase_if(t.columns, [&](const Column& c) { return c.name == name; });
}

template <class T>
bool eraseOne(std::vector<T>& items, Rng& rng) {
    if (items.empty()) return false;
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(rng.below(items.size())));
    return true;
}

class Mutator {
public:
    Mutator(const Schema& a, Rng& rng) : b_(a), rng_(rng) {
        tableMode_ = static_cast<int>(rng.below(3));
        enumMode_ = static_cast<int>(rng.below(3));
        for (const auto& t : a.tables) columnMode_[t.name] = static_cast<int>(rng.below(3));
    }

    Schema run() {
        for (std::size_t i = 0, n = 1 + rng_.below(6); i < n; ++i) step();
        return b_;
    }

private:
    enum Mode { none, adding, dropping };

    Table* someTable() { return b_.tables.empty() ? nullptr : &b_.tables[rng_.below(b_.tables.size())]; }

    Column* someColumn(Table& t, bool keysToo = false) {
        std::vector<Column*> out;
        for (auto& c : t.columns)
            if (keysToo ? !c.primaryKey : !isKeyColumn(c)) out.push_back(&c);
        return out.empty() ? nullptr : out[rng_.below(out.size())];
    }

    bool tableMode(const std::string& name, int mode) {
        auto it = columnMode_.find(name);
        return it == columnMode_.end() ? mode == adding : it->second == mode;  // new tables only grow
    }

    void step() {
        Table* t = someTable();
        switch (rng_.below(16)) {
            case 0:
                if (tableMode_ == adding) {
                    Table fresh = randomTable(b_, freshName("t", tableNames(b_)), rng_);
                    decorate(b_, fresh, rng_);
                    b_.tables.push_back(fresh);
                }
                break;
            case 1:
                if (tableMode_ == dropping && t) {
                    std::string gone = t->name;
                    std::erase_if(b_.tables, [&](const Table& x) { return x.name == gone; });
                    for (auto& other : b_.tables)
                        std::erase_if(other.foreignKeys, [&](const ForeignKey& f) { return f.tableTo == gone; });
                }
                break;
            case 2:
                if (t && tableMode(t->name, adding)) {
                    if (rng_.percent(30) && !b_.tables.empty()) addReference(b_, *t, rng_.pick(b_.tables).name, rng_);
                    else t->columns.push_back(randomColumn(b_, freshName("c", columnNames(*t)), rng_));
                }
                break;
            case 3:
                if (t && tableMode(t->name, dropping))
                    if (Column* c = someColumn(*t, true)) forgetColumn(*t, std::string(c->name));
                break;
            case 4:
                if (t)
                    if (Column* c = someColumn(*t)) changeType(*c);
                break;
            case 5:
                if (t)
                    if (Column* c = someColumn(*t)) c->notNull = !c->notNull;
                break;
            case 6:
                if (t)
                    if (Column* c = someColumn(*t)) {
                        if (c->defaultValue && rng_.percent(40)) c->defaultValue.reset();
                        else c->defaultValue = randomDefault(b_, *c, rng_);
                    }
                break;
            case 7:
                if (t) addIndex(b_, *t, rng_);
                break;
            case 8:
                if (t) eraseOne(t->indexes, rng_);
                break;
            case 9:
                if (t) rng_.percent(50) ? addUnique(b_, *t, rng_) : eraseOne(t->uniqueConstraints, rng_);
                break;
            case 10:
                if (t) rng_.percent(50) ? addCheck(b_, *t, rng_) : eraseOne(t->checks, rng_);
                break;
            case 11:
                if (t && !t->foreignKeys.empty()) {
                    auto& fk = t->foreignKeys[rng_.below(t->foreignKeys.size())];
                    fk.onDelete = randomAction(rng_);
                    fk.onUpdate = randomAction(rng_);
                }
                break;
            case 12:
                if (t) toggleForeignKey(*t);
                break;
            case 13:
            case 14:
            case 15:
                if (b_.dialect == Dialect::postgresql) changeEnums();
                break;
        }
    }

    void changeType(Column& c) {
        const Family* f = familyOf(b_.dialect, c);
        bool textual = c.typeSchema || (f && f->kind == "text" && c.type == "text");
        if (b_.dialect == Dialect::postgresql && textual && !b_.enums.empty() && rng_.percent(40)) {
            // text <-> enum: the differ casts with USING.
            if (c.typeSchema) {
                c.type = "text";
                c.typeSchema.reset();
            } else {
                c.type = rng_.pick(b_.enums).name;
                c.typeSchema = "public";
            }
            if (c.defaultValue) c.defaultValue = randomDefault(b_, c, rng_);
            return;
        }
        if (!f || f->types.size() < 2) return;
        std::string type = c.type;
        while (type == c.type) type = rng_.pick(f->types);
        c.type = type;
    }

    void toggleForeignKey(Table& t) {
        std::vector<std::string> loose;
        for (const auto& c : t.columns)
            if (c.name.starts_with("r") && std::none_of(t.foreignKeys.begin(), t.foreignKeys.end(),
                                                        [&](const ForeignKey& f) { return f.columnsFrom.front() == c.name; }))
                loose.push_back(c.name);
        if (!loose.empty() && rng_.percent(60)) t.foreignKeys.push_back(foreignKey(b_, t, rng_.pick(loose), rng_.pick(b_.tables).name, rng_));
        else eraseOne(t.foreignKeys, rng_);
    }

    bool enumUsed(const std::string& name) const {
        for (const auto& t : b_.tables)
            for (const auto& c : t.columns)
                if (c.typeSchema && c.type == name) return true;
        return false;
    }

    void changeEnums() {
        std::size_t what = rng_.below(4);
        if (what == 0 && enumMode_ == adding) {
            b_.enums.push_back(randomEnum(b_, rng_));
            return;
        }
        if (b_.enums.empty()) return;
        Enum& e = b_.enums[rng_.below(b_.enums.size())];
        if (what == 1 && enumMode_ == dropping) {
            if (!enumUsed(e.name)) {
                std::string gone = e.name;
                std::erase_if(b_.enums, [&](const Enum& x) { return x.name == gone; });
            }
            return;
        }
        if (what == 2) {
            // A new value, anywhere after the first (defaults use the first).
            int next = 0;
            for (const auto& v : e.values) next = std::max(next, std::stoi(v.substr(1)) + 1);
            e.values.insert(e.values.begin() + 1 + static_cast<std::ptrdiff_t>(rng_.below(e.values.size())),
                            "v" + std::to_string(next));
        } else if (what == 3 && e.values.size() > 1) {
            // A value other than the first disappears: the differ recreates the type.
            e.values.erase(e.values.begin() + 1 + static_cast<std::ptrdiff_t>(rng_.below(e.values.size() - 1)));
        }
    }

    Schema b_;
    Rng& rng_;
    int tableMode_, enumMode_;
    std::map<std::string, int> columnMode_;
};

}  // namespace

Schema randomSchema(Dialect dialect, Rng& rng) {
    Schema s{.dialect = dialect};
    if (dialect == Dialect::postgresql)
        for (std::size_t i = rng.below(3); i > 0; --i) s.enums.push_back(randomEnum(s, rng));
    for (std::size_t i = 0, n = 1 + rng.below(4); i < n; ++i) {
        Table t = randomTable(s, "t" + std::to_string(i), rng);
        decorate(s, t, rng);
        s.tables.push_back(t);
    }
    return s;
}

Schema mutate(const Schema& from, Rng& rng) { return Mutator(from, rng).run(); }

}  // namespace drizzle::diff_property
