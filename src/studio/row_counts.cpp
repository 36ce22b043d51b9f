// countRows (row_counts.hpp).
#include "studio/row_counts.hpp"

#include <map>
#include <utility>

#include "drizzle/dialect.hpp"

namespace drizzle::kit::studio {

namespace {

// The statistics' row estimate of every table, by (schema, name): PostgreSQL's reltuples (-1
// before the first ANALYZE or VACUUM: none), MySQL's TABLE_ROWS (InnoDB samples it).
std::map<std::pair<std::string, std::string>, std::int64_t> estimates(driver::Connection& db, Dialect d) {
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    driver::Rows rows;
    if (d == Dialect::postgresql)
        rows = db.query("SELECT n.nspname, c.relname, c.reltuples::bigint FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND c.reltuples >= 0");
    else if (d == Dialect::mysql)
        rows = db.query("SELECT '', TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES "
                        "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_ROWS IS NOT NULL");
    for (std::size_t i = 0; i < rows.size(); ++i) out[{rows.text(i, 0), rows.text(i, 1)}] = rows.integer(i, 2);
    return out;
}

}  // namespace

std::vector<RowCount> countRows(driver::Connection& db, const Catalog& catalog) {
    const Dialect d = catalog.dialect();
    const auto estimated = estimates(db, d);
    std::vector<RowCount> out;
    for (const auto& t : catalog.all()) {
        const auto e = t.table ? estimated.find({t.schema, t.name}) : estimated.end();
        if (e != estimated.end() && e->second >= kEstimatedFrom) {
            out.push_back({e->second, true});
            continue;
        }
        out.push_back({db.query("SELECT count(*) FROM " + quoteTableName(d, t.schema, t.name)).integer(0, 0), false});
    }
    return out;
}

}  // namespace drizzle::kit::studio
