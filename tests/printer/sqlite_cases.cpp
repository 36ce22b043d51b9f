// SQLite golden cases: the SQL SQLite receives and the parameters bound, for every clause the
// query API offers on SQLite.
#include <chrono>

#include "golden.hpp"
#include "sqlite_shop.hpp"

namespace printer_test {
namespace {

using namespace drizzle;
using namespace printer_sqlite;
using namespace std::chrono_literals;

// `placed` (golden.hpp): an integer timestamp column binds epoch seconds.

}  // namespace

std::vector<Case> sqliteCases() {
    return {
        // ---- select lists ----
        {"selectWithoutFieldsListsEveryColumnQualified",
         [](Database& db) { return all(db.select().from(customers)); },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at" from "customers")", {}},
        {"selectChosenColumnsInOrder",
         [](Database& db) { return all(db.select(&Product::name, &Product::priceCents).from(products)); },
         R"(select "products"."name", "products"."price_cents" from "products")", {}},
        {"selectIntoAStructListsItsFields",
         [](Database& db) { return all(db.select<NameAndPrice>(&Product::name, &Product::priceCents).from(products)); },
         R"(select "products"."name", "products"."price_cents" from "products")", {}},
        {"aliasedTableIsNamedByItsAlias",
         [](Database& db) {
             const auto c = alias<"c">(customers);
             return all(db.select(c(&Customer::email)).from(c).where(eq(c(&Customer::tier), "gold")));
         },
         R"(select "c"."email" from "customers" "c" where "c"."tier" = ?)", {"gold"}},
        {"selectWithoutFieldsFromAnAliasQualifiesByTheAlias",
         [](Database& db) { return all(db.select().from(alias<"c">(categories))); },
         R"(select "c"."id", "c"."name", "c"."parent_id" from "categories" "c")", {}},
        {"distinctRemovesDuplicateRows",
         [](Database& db) { return all(db.select(&Customer::tier).from(customers).distinct()); },
         R"(select distinct "customers"."tier" from "customers")", {}},
        {"rawSqlInTheSelectListQuotesColumnsAndBindsValues",
         [](Database& db) {
             return all(db.select(&Product::name, sql<std::int64_t>("? * ?", &Product::priceCents, 2)).from(products));
         },
         R"(select "products"."name", "products"."price_cents" * ? from "products")", {2}},
        {"expressionSelectedUnderAName",
         [](Database& db) { return all(db.select(as(count(), "n")).from(orders)); },
         R"(select count(*) as "n" from "orders")", {}},
        {"rawSqlIdentifierIsQuoted",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(sql<bool>("? is not null", identifier("phone"))));
         },
         R"(select "customers"."id" from "customers" where "phone" is not null)", {}},

        // ---- where: comparisons and operators ----
        {"eqBindsTheValue",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(eq(&Customer::id, 7))); },
         R"(select "customers"."id" from "customers" where "customers"."id" = ?)", {7}},
        {"eqOnTextBindsTheString",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(eq(&Customer::email, "ada@example.com"))); },
         R"(select "customers"."id" from "customers" where "customers"."email" = ?)", {"ada@example.com"}},
        {"comparingTwoColumnsBindsNothing",
         [](Database& db) { return all(db.select(&Order::id).from(orders).where(lt(&Order::shippedAt, &Order::placedAt))); },
         R"(select "orders"."id" from "orders" where "orders"."shipped_at" < "orders"."placed_at")", {}},
        {"neOnAnEnumBindsTheLabel",
         [](Database& db) { return all(db.select(&Order::id).from(orders).where(ne(&Order::status, "cancelled"))); },
         R"(select "orders"."id" from "orders" where "orders"."status" <> ?)", {"cancelled"}},
        {"gtBindsAnInteger",
         [](Database& db) { return all(db.select(&Product::id).from(products).where(gt(&Product::priceCents, 1000))); },
         R"(select "products"."id" from "products" where "products"."price_cents" > ?)", {1000}},
        {"gteAndLteBoundARange",
         [](Database& db) {
             return all(db.select(&Product::id).from(products).where(and_(gte(&Product::priceCents, 100), lte(&Product::priceCents, 900))));
         },
         R"(select "products"."id" from "products" where ("products"."price_cents" >= ? and "products"."price_cents" <= ?))", {100, 900}},
        {"ltOnADoubleBindsADouble",
         [](Database& db) { return all(db.select(&Product::id).from(products).where(lt(&Product::weightKg, 2.5))); },
         R"(select "products"."id" from "products" where "products"."weight_kg" < ?)", {2.5}},
        {"isNullTakesNoParameter",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(isNull(&Customer::phone))); },
         R"(select "customers"."id" from "customers" where "customers"."phone" is null)", {}},
        {"isNotNullTakesNoParameter",
         [](Database& db) { return all(db.select(&Order::id).from(orders).where(isNotNull(&Order::shippedAt))); },
         R"(select "orders"."id" from "orders" where "orders"."shipped_at" is not null)", {}},
        {"inArrayBindsEachValue",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(inArray(&Customer::tier, {"silver", "gold"}))); },
         R"(select "customers"."id" from "customers" where "customers"."tier" in (?, ?))", {"silver", "gold"}},
        {"notInArrayBindsEachValue",
         [](Database& db) { return all(db.select(&Product::sku).from(products).where(notInArray(&Product::id, {1, 2, 3}))); },
         R"(select "products"."sku" from "products" where "products"."id" not in (?, ?, ?))", {1, 2, 3}},
        {"inAnEmptyListMatchesNothing",
         [](Database& db) {
             return all(db.select(&Product::sku).from(products).where(inArray(&Product::id, std::vector<std::int32_t>{})));
         },
         R"(select "products"."sku" from "products" where false)", {}},
        {"notInAnEmptyListMatchesEverything",
         [](Database& db) {
             return all(db.select(&Product::sku).from(products).where(notInArray(&Product::id, std::vector<std::int32_t>{})));
         },
         R"(select "products"."sku" from "products" where true)", {}},
        {"betweenBindsBothBounds",
         [](Database& db) { return all(db.select(&Product::id).from(products).where(between(&Product::priceCents, 500, 2000))); },
         R"(select "products"."id" from "products" where "products"."price_cents" between ? and ?)", {500, 2000}},
        {"likeBindsThePattern",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(like(&Customer::email, "%@example.com"))); },
         R"(select "customers"."id" from "customers" where "customers"."email" like ?)", {"%@example.com"}},
        {"notLikeBindsThePattern",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(notLike(&Customer::name, "Test%"))); },
         R"(select "customers"."id" from "customers" where "customers"."name" not like ?)", {"Test%"}},
        {"ilikeIsLikeWhichIgnoresAsciiCase",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).where(ilike(&Customer::name, "ada%"))); },
         R"(select "customers"."id" from "customers" where "customers"."name" like ?)", {"ada%"}},
        {"notNegatesInParentheses",
         [](Database& db) { return all(db.select(&Product::id).from(products).where(not_(eq(&Product::discontinued, true)))); },
         R"(select "products"."id" from "products" where not ("products"."discontinued" = ?))", {1}},
        {"andChainsEveryCondition",
         [](Database& db) {
             return all(db.select(&Order::id).from(orders).where(
                 and_(eq(&Order::customerId, 3), eq(&Order::status, "paid"), isNull(&Order::note))));
         },
         R"(select "orders"."id" from "orders" where ("orders"."customer_id" = ? and "orders"."status" = ? and "orders"."note" is )"
         R"(null))", {3, "paid"}},
        {"orChainsEveryCondition",
         [](Database& db) {
             return all(db.select(&Order::id).from(orders).where(or_(eq(&Order::status, "paid"), eq(&Order::status, "shipped"))));
         },
         R"(select "orders"."id" from "orders" where ("orders"."status" = ? or "orders"."status" = ?))", {"paid", "shipped"}},
        {"cxxOperatorsNestWithParentheses",
         [](Database& db) {
             return all(db.select(&Product::id).from(products).where(
                 (gt(&Product::priceCents, 100) && isNotNull(&Product::weightKg)) || !eq(&Product::discontinued, false)));
         },
         R"(select "products"."id" from "products" where (("products"."price_cents" > ? and "products"."weight_kg" is not null) or)"
         R"( not ("products"."discontinued" = ?)))", {100, 0}},
        {"rawSqlConditionBindsItsValues",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(sql<bool>("lower(?) = ?", &Customer::email, "ada@example.com")));
         },
         R"(select "customers"."id" from "customers" where lower("customers"."email") = ?)", {"ada@example.com"}},
        {"timestampBindsEpochSeconds",
         [](Database& db) { return all(db.select(&Order::id).from(orders).where(gte(&Order::placedAt, placed))); },
         R"(select "orders"."id" from "orders" where "orders"."placed_at" >= ?)", {1704450030}},
        {"hostileTextStaysAParameter",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(eq(&Customer::name, "x'); drop table customers; --")));
         },
         R"(select "customers"."id" from "customers" where "customers"."name" = ?)", {"x'); drop table customers; --"}},
        {"blobComparisonBindsBytes",
         [](Database& db) {
             return all(db.select(&Product::id).from(products).where(eq(&Product::thumbnail, std::vector<unsigned char>{0x00, 0x01})));
         },
         R"(select "products"."id" from "products" where "products"."thumbnail" = ?)", {bytes({0x00, 0x01})}},
        {"identifiersEscapeTheirQuoteCharacter",
         [](Database& db) {
             const auto odd = alias<"o\"x">(orders);
             return all(db.select(odd(&Order::id)).from(odd));
         },
         R"(select "o""x"."id" from "orders" "o""x")", {}},

        // ---- ordering and paging ----
        {"orderByAColumnIsAscending",
         [](Database& db) { return all(db.select(&Customer::name).from(customers).orderBy(&Customer::name)); },
         R"(select "customers"."name" from "customers" order by "customers"."name")", {}},
        {"orderByAscAndDesc",
         [](Database& db) {
             return all(db.select(&Product::name).from(products).orderBy(asc(&Product::name), desc(&Product::priceCents)));
         },
         R"(select "products"."name" from "products" order by "products"."name", "products"."price_cents" desc)", {}},
        {"orderByNullsFirstAndLast",
         [](Database& db) {
             return all(db.select(&Product::name)
                            .from(products)
                            .orderBy(desc(&Product::weightKg).nullsLast(), asc(&Product::name).nullsFirst()));
         },
         R"(select "products"."name" from "products" order by "products"."weight_kg" desc nulls last, "products"."name" nulls first)", {}},
        {"limitBindsTheCount",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).orderBy(&Customer::id).limit(10)); },
         R"(select "customers"."id" from "customers" order by "customers"."id" limit ?)", {10}},
        {"limitAndOffsetBindTheirCounts",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).orderBy(&Customer::id).limit(10).offset(20)); },
         R"(select "customers"."id" from "customers" order by "customers"."id" limit ? offset ?)", {10, 20}},
        {"offsetWithoutLimitGetsLimitMinusOne",
         [](Database& db) { return all(db.select(&Customer::id).from(customers).orderBy(&Customer::id).offset(5)); },
         R"(select "customers"."id" from "customers" order by "customers"."id" limit -1 offset ?)", {5}},

        // ---- aggregates ----
        {"countStarTakesNoColumn",
         [](Database& db) { return all(db.select(count()).from(orders)); },
         R"(select count(*) from "orders")", {}},
        {"countAColumnAndCountDistinct",
         [](Database& db) { return all(db.select(count(&Order::shippedAt), countDistinct(&Order::customerId)).from(orders)); },
         R"(select count("orders"."shipped_at"), count(distinct "orders"."customer_id") from "orders")", {}},
        {"sumAvgMinMaxWrapTheirColumn",
         [](Database& db) {
             return all(db.select(sum(&OrderItem::quantity), avg(&OrderItem::unitPriceCents), min(&OrderItem::unitPriceCents),
                                  max(&OrderItem::unitPriceCents))
                            .from(orderItems));
         },
         R"(select sum("order_items"."quantity"), avg("order_items"."unit_price_cents"), min("order_items"."unit_price_cents"),)"
         R"( max("order_items"."unit_price_cents") from "order_items")", {}},
        {"groupByWithHavingOnAnAggregate",
         [](Database& db) {
             return all(db.select(&Order::customerId, count()).from(orders).groupBy(&Order::customerId).having(gt(count(), 5)));
         },
         R"(select "orders"."customer_id", count(*) from "orders" group by "orders"."customer_id" having count(*) > ?)", {5}},
        {"groupBySeveralColumnsOrderedByAnAggregate",
         [](Database& db) {
             return all(db.select(&Order::customerId, &Order::status, count())
                            .from(orders)
                            .where(ne(&Order::status, "cancelled"))
                            .groupBy(&Order::customerId, &Order::status)
                            .orderBy(desc(count())));
         },
         R"(select "orders"."customer_id", "orders"."status", count(*) from "orders" where "orders"."status" <> ?)"
         R"( group by "orders"."customer_id", "orders"."status" order by count(*) desc)", {"cancelled"}},

        // ---- joins ----
        {"innerJoinOnAForeignKey",
         [](Database& db) {
             return all(db.select(&Order::id, &Customer::email).from(orders).innerJoin(customers, eq(&Order::customerId, &Customer::id)));
         },
         R"(select "orders"."id", "customers"."email" from "orders" inner join "customers" on "orders"."customer_id" = "customers"."id")", {}},
        {"leftJoinSelectsEveryColumnOfBothTables",
         [](Database& db) { return all(db.select().from(products).leftJoin(categories, eq(&Product::categoryId, &Category::id))); },
         R"(select "products"."id", "products"."category_id", "products"."sku", "products"."name", "products"."price_cents",)"
         R"( "products"."weight_kg", "products"."discontinued", "products"."thumbnail", "categories"."id", "categories"."name",)"
         R"( "categories"."parent_id" from "products" left join "categories" on "products"."category_id" = "categories"."id")", {}},
        {"rightJoinOnAForeignKey",
         [](Database& db) {
             return all(db.select(&Order::id, &Customer::email).from(orders).rightJoin(customers, eq(&Order::customerId, &Customer::id)));
         },
         R"(select "orders"."id", "customers"."email" from "orders" right join "customers" on "orders"."customer_id" = "customers"."id")", {}},
        {"fullJoinOnAForeignKey",
         [](Database& db) {
             return all(db.select(&Order::id, &Customer::email).from(orders).fullJoin(customers, eq(&Order::customerId, &Customer::id)));
         },
         R"(select "orders"."id", "customers"."email" from "orders" full join "customers" on "orders"."customer_id" = "customers"."id")", {}},
        {"crossJoinHasNoCondition",
         [](Database& db) { return all(db.select(&Customer::id, &Product::id).from(customers).crossJoin(products)); },
         R"(select "customers"."id", "products"."id" from "customers" cross join "products")", {}},
        {"selfJoinThroughAnAlias",
         [](Database& db) {
             const auto parent = alias<"parent">(categories);
             return all(db.select(&Category::name, parent(&Category::name))
                            .from(categories)
                            .leftJoin(parent, eq(&Category::parentId, parent(&Category::id))));
         },
         R"(select "categories"."name", "parent"."name" from "categories" left join "categories" "parent")"
         R"( on "categories"."parent_id" = "parent"."id")", {}},
        {"joinChainThroughTheCompositeKeyTable",
         [](Database& db) {
             return all(db.select(&Order::id, &Product::sku, &OrderItem::quantity)
                            .from(orderItems)
                            .innerJoin(orders, eq(&OrderItem::orderId, &Order::id))
                            .innerJoin(products, eq(&OrderItem::productId, &Product::id))
                            .where(eq(&Order::status, "paid")));
         },
         R"(select "orders"."id", "products"."sku", "order_items"."quantity" from "order_items" inner join "orders")"
         R"( on "order_items"."order_id" = "orders"."id" inner join "products")"
         R"( on "order_items"."product_id" = "products"."id" where "orders"."status" = ?)", {"paid"}},
        {"joinOnSeveralConditionsBindsItsValues",
         [](Database& db) {
             return all(db.select(&Customer::email, &Order::id)
                            .from(customers)
                            .leftJoin(orders, and_(eq(&Order::customerId, &Customer::id), eq(&Order::status, "paid"))));
         },
         R"(select "customers"."email", "orders"."id" from "customers" left join "orders")"
         R"( on ("orders"."customer_id" = "customers"."id" and "orders"."status" = ?))", {"paid"}},
        {"joinASubqueryUnderItsName",
         [](Database& db) {
             const auto counts =
                 db.select(&Order::customerId, as(count(), "orders")).from(orders).groupBy(&Order::customerId).as<"counts">();
             return all(db.select(&Customer::email, counts.column<std::int64_t>("orders"))
                            .from(customers)
                            .innerJoin(counts, eq(counts(&Order::customerId), &Customer::id)));
         },
         R"(select "customers"."email", "counts"."orders" from "customers")"
         R"( inner join (select "orders"."customer_id", count(*) as "orders" from "orders")"
         R"( group by "orders"."customer_id") "counts" on "counts"."customer_id" = "customers"."id")", {}},

        // ---- subqueries ----
        {"inArrayOfASubquery",
         [](Database& db) {
             return all(db.select(&Customer::email).from(customers).where(
                 inArray(&Customer::id, db.select(&Order::customerId).from(orders).where(eq(&Order::status, "paid")))));
         },
         R"(select "customers"."email" from "customers" where "customers"."id" in (select "orders"."customer_id")"
         R"( from "orders" where "orders"."status" = ?))", {"paid"}},
        {"notInArrayOfASubquery",
         [](Database& db) {
             return all(db.select(&Product::sku).from(products).where(
                 notInArray(&Product::id, db.select(&OrderItem::productId).from(orderItems))));
         },
         R"(select "products"."sku" from "products" where "products"."id" not in (select "order_items"."product_id" from "order_items"))", {}},
        {"existsWithACorrelatedSubquery",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(
                 exists(db.select(&Order::id).from(orders).where(eq(&Order::customerId, outer(&Customer::id))))));
         },
         R"(select "customers"."id" from "customers" where exists (select "orders"."id" from "orders")"
         R"( where "orders"."customer_id" = "customers"."id"))", {}},
        {"notExistsBindsTheSubquerysValues",
         [](Database& db) {
             const auto paid = and_(eq(&Order::customerId, outer(&Customer::id)), eq(&Order::status, "paid"));
             return all(db.select(&Customer::id).from(customers).where(notExists(db.select(&Order::id).from(orders).where(paid))));
         },
         R"(select "customers"."id" from "customers" where not exists (select "orders"."id" from "orders")"
         R"( where ("orders"."customer_id" = "customers"."id" and "orders"."status" = ?)))", {"paid"}},
        {"selectFromASubquery",
         [](Database& db) {
             const auto live = db.select(&Product::id, &Product::name).from(products).where(eq(&Product::discontinued, false)).as<"live">();
             return all(db.select(live(&Product::name)).from(live).orderBy(live(&Product::id)).limit(5));
         },
         R"(select "live"."name" from (select "products"."id", "products"."name" from "products")"
         R"( where "products"."discontinued" = ?) "live" order by "live"."id" limit ?)", {0, 5}},

        // ---- set operations ----
        {"unionJoinsThePartsWithoutParentheses",
         [](Database& db) {
             return all(db.select(&Customer::email).from(customers).where(eq(&Customer::tier, "gold"))
                            .union_(db.select(&Customer::email).from(customers).where(isNotNull(&Customer::phone))));
         },
         R"(select "customers"."email" from "customers" where "customers"."tier" = ? union select "customers"."email")"
         R"( from "customers" where "customers"."phone" is not null)", {"gold"}},
        {"unionAllKeepsDuplicates",
         [](Database& db) {
             return all(db.select(&Order::customerId).from(orders).unionAll(db.select(&Customer::id).from(customers)));
         },
         R"(select "orders"."customer_id" from "orders" union all select "customers"."id" from "customers")", {}},
        {"intersectWithoutParentheses",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).intersect(db.select(&Order::customerId).from(orders)));
         },
         R"(select "customers"."id" from "customers" intersect select "orders"."customer_id" from "orders")", {}},
        {"exceptWithoutParentheses",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).except(db.select(&Order::customerId).from(orders)));
         },
         R"(select "customers"."id" from "customers" except select "orders"."customer_id" from "orders")", {}},
        {"threeQueriesInOneUnion",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(eq(&Customer::tier, "gold"))
                            .union_(db.select(&Customer::id).from(customers).where(eq(&Customer::tier, "silver")))
                            .unionAll(db.select(&Order::customerId).from(orders).where(eq(&Order::status, "paid"))));
         },
         R"(select "customers"."id" from "customers" where "customers"."tier" = ? union select "customers"."id")"
         R"( from "customers" where "customers"."tier" = ? union all select "orders"."customer_id" from "orders")"
         R"( where "orders"."status" = ?)", {"gold", "silver", "paid"}},

        {"unionOrderedByAQualifiedColumnAndLimited",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers).where(eq(&Customer::tier, "gold"))
                            .union_(db.select(&Order::customerId).from(orders))
                            .orderBy(&Customer::id)
                            .limit(10));
         },
         R"(select "customers"."id" from "customers" where "customers"."tier" = ? union select "orders"."customer_id")"
         R"( from "orders" order by "customers"."id" limit ?)", {"gold", 10}},
        {"unionOrderedByAnOutputName",
         [](Database& db) {
             return all(db.select(&Customer::id).from(customers)
                            .union_(db.select(&Order::customerId).from(orders))
                            .orderBy(desc(sql<std::int64_t>("?", identifier("id")))));
         },
         R"(select "customers"."id" from "customers" union select "orders"."customer_id" from "orders" order by "id" desc)", {}},

        // ---- common table expressions ----
        {"withACteJoined",
         [](Database& db) {
             const auto counts = cte<"counts">(db.select(&Order::customerId, as(count(), "n")).from(orders).groupBy(&Order::customerId));
             return all(db.with(counts)
                            .select(&Customer::email, counts.column<std::int64_t>("n"))
                            .from(customers)
                            .innerJoin(counts, eq(counts(&Order::customerId), &Customer::id)));
         },
         R"(with "counts" as (select "orders"."customer_id", count(*) as "n" from "orders")"
         R"( group by "orders"."customer_id") select "customers"."email", "counts"."n" from "customers" inner join "counts")"
         R"( on "counts"."customer_id" = "customers"."id")", {}},
        {"withACteSelectedFrom",
         [](Database& db) {
             const auto pricey =
                 cte<"pricey">(db.select(&Product::id, &Product::name).from(products).where(gt(&Product::priceCents, 10000)));
             return all(db.with(pricey).select(pricey(&Product::name)).from(pricey).orderBy(pricey(&Product::name)));
         },
         R"(with "pricey" as (select "products"."id", "products"."name" from "products")"
         R"( where "products"."price_cents" > ?) select "pricey"."name" from "pricey" order by "pricey"."name")", {10000}},
        {"withTwoCtes",
         [](Database& db) {
             const auto gold = cte<"gold">(db.select(&Customer::id).from(customers).where(eq(&Customer::tier, "gold")));
             const auto paid = cte<"paid">(db.select(&Order::customerId, &Order::id).from(orders).where(eq(&Order::status, "paid")));
             return all(db.with(gold, paid)
                            .select(gold(&Customer::id), paid(&Order::id))
                            .from(gold)
                            .innerJoin(paid, eq(paid(&Order::customerId), gold(&Customer::id))));
         },
         R"(with "gold" as (select "customers"."id" from "customers" where "customers"."tier" = ?), "paid")"
         R"( as (select "orders"."customer_id", "orders"."id" from "orders" where "orders"."status" = ?))"
         R"( select "gold"."id", "paid"."id" from "gold" inner join "paid" on "paid"."customer_id" = "gold"."id")", {"gold", "paid"}},

        // ---- row locks ----
        // ---- insert ----
        {"insertWholeRowLeavesTheSerialToTheDatabase",
         [](Database& db) {
             return execute(db.insert(customers).values(Customer{0, "ada@example.com", "Ada", "gold", std::nullopt, placed}));
         },
         R"(insert into "customers" ("email", "name", "tier", "phone", "created_at") values (?, ?, ?, ?, ?))",
         {"ada@example.com", "Ada", "gold", nullptr, 1704450030}},
        {"insertWholeRowSendsAGivenId",
         [](Database& db) { return execute(db.insert(categories).values(Category{5, "Books", std::nullopt})); },
         R"(insert into "categories" ("id", "name", "parent_id") values (?, ?, ?))", {5, "Books", nullptr}},
        {"insertSeveralRowsInOneStatement",
         [](Database& db) {
             return execute(db.insert(categories).values(std::vector<Category>{{0, "Books", std::nullopt}, {0, "Poetry", 1}}));
         },
         R"(insert into "categories" ("name", "parent_id") values (?, ?), (?, ?))", {"Books", nullptr, "Poetry", 1}},
        {"insertColumnByColumnAddsAppDefaults",
         [](Database& db) { return execute(db.insert(orders).set(&Order::customerId, 1).set(&Order::placedAt, placed)); },
         R"(insert into "orders" ("customer_id", "placed_at", "currency") values (?, ?, ?))", {1, 1704450030, "EUR"}},
        {"insertWholeRowBindsBlobsAndDoubles",
         [](Database& db) {
             const std::vector<unsigned char> thumbnail{0x89, 0x00, 0xff};
             return execute(db.insert(products).values(Product{0, 2, "SKU-1", "Lamp", 1999, 1.25, false, thumbnail}));
         },
         R"(insert into "products" ("category_id", "sku", "name", "price_cents", "weight_kg", "discontinued", "thumbnail"))"
         R"( values (?, ?, ?, ?, ?, ?, ?))", {2, "SKU-1", "Lamp", 1999, 1.25, 0, bytes({0x89, 0x00, 0xff})}},
        {"insertColumnByColumnKeepsTheSetOrderAndBindsNull",
         [](Database& db) {
             return execute(db.insert(orders)
                                .set(&Order::status, "paid")
                                .set(&Order::note, std::nullopt)
                                .set(&Order::placedAt, placed)
                                .set(&Order::customerId, 3));
         },
         R"(insert into "orders" ("status", "note", "placed_at", "customer_id", "currency") values (?, ?, ?, ?, ?))",
         {"paid", nullptr, 1704450030, 3, "EUR"}},
        {"insertReturningEveryColumn",
         [](Database& db) { return all(db.insert(categories).set(&Category::name, "Books").returning()); },
         R"(insert into "categories" ("name") values (?) returning "id", "name", "parent_id")", {"Books"}},
        {"insertReturningChosenColumnsUnqualified",
         [](Database& db) {
             return all(db.insert(orders).set(&Order::customerId, 1).set(&Order::placedAt, placed).returning(&Order::id, &Order::status));
         },
         R"(insert into "orders" ("customer_id", "placed_at", "currency") values (?, ?, ?) returning "id", "status")", {1, 1704450030, "EUR"}},
        {"onConflictDoNothingWithoutATarget",
         [](Database& db) { return execute(db.insert(categories).values(Category{5, "Books", std::nullopt}).onConflictDoNothing()); },
         R"(insert into "categories" ("id", "name", "parent_id") values (?, ?, ?) on conflict do nothing)", {5, "Books", nullptr}},
        {"onConflictDoNothingOnATarget",
         [](Database& db) {
             return execute(db.insert(customers)
                                .values(Customer{0, "ada@example.com", "Ada", "gold", std::nullopt, placed})
                                .onConflictDoNothing(&Customer::email));
         },
         R"(insert into "customers" ("email", "name", "tier", "phone", "created_at") values (?, ?, ?, ?, ?))"
         R"( on conflict ("email") do nothing)", {"ada@example.com", "Ada", "gold", nullptr, 1704450030}},
        {"onConflictDoUpdateFromExcluded",
         [](Database& db) {
             return execute(db.insert(customers)
                                .values(Customer{0, "ada@example.com", "Ada", "gold", std::nullopt, placed})
                                .onConflictDoUpdate(cols(&Customer::email), set(&Customer::name, excluded(&Customer::name)),
                                                    set(&Customer::tier, excluded(&Customer::tier))));
         },
         R"(insert into "customers" ("email", "name", "tier", "phone", "created_at") values (?, ?, ?, ?, ?))"
         R"( on conflict ("email") do update set "name" = "excluded"."name", "tier" = "excluded"."tier")",
         {"ada@example.com", "Ada", "gold", nullptr, 1704450030}},
        {"onConflictDoUpdateOnTheCompositeKey",
         [](Database& db) {
             return execute(db.insert(orderItems)
                                .values(OrderItem{1, 2, 3, 1999})
                                .onConflictDoUpdate(cols(&OrderItem::orderId, &OrderItem::productId),
                                                    set(&OrderItem::quantity,
                                                        sql<std::int32_t>("? + ?", &OrderItem::quantity, excluded(&OrderItem::quantity)))));
         },
         R"(insert into "order_items" ("order_id", "product_id", "quantity", "unit_price_cents") values (?, ?, ?, ?))"
         R"( on conflict ("order_id", "product_id") do update set "quantity" = "order_items"."quantity" + "excluded"."quantity")", {1, 2, 3, 1999}},
        {"onConflictDoUpdateWithValuesAndReturning",
         [](Database& db) {
             return all(db.insert(products)
                            .values(Product{0, 2, "SKU-1", "Lamp", 1999, std::nullopt, false, {}})
                            .onConflictDoUpdate(cols(&Product::sku), set(&Product::priceCents, 2500), set(&Product::discontinued, false))
                            .returning(&Product::id));
         },
         R"(insert into "products" ("category_id", "sku", "name", "price_cents", "weight_kg", "discontinued", "thumbnail"))"
         R"( values (?, ?, ?, ?, ?, ?, ?) on conflict ("sku") do update set "price_cents" = ?, "discontinued" = ? returning "id")",
         {2, "SKU-1", "Lamp", 1999, nullptr, 0, nullptr, 2500, 0}},
        {"insertFromSelectNamesEveryColumn",
         [](Database& db) {
             return execute(db.insert(categories).select(db.select().from(categories).where(isNull(&Category::parentId))));
         },
         R"(insert into "categories" ("id", "name", "parent_id"))"
         R"( select "categories"."id", "categories"."name", "categories"."parent_id" from "categories")"
         R"( where "categories"."parent_id" is null)", {}},
        {"insertFromSelectOnConflictDoNothing",
         [](Database& db) {
             return execute(db.insert(categories).select(db.select().from(categories).where(eq(&Category::id, 1))).onConflictDoNothing());
         },
         R"(insert into "categories" ("id", "name", "parent_id"))"
         R"( select "categories"."id", "categories"."name", "categories"."parent_id" from "categories")"
         R"( where "categories"."id" = ? on conflict do nothing)", {1}},

        {"insertFromSelectOnConflictAddsWhereTrue",
         [](Database& db) { return execute(db.insert(categories).select(db.select().from(categories)).onConflictDoNothing()); },
         R"(insert into "categories" ("id", "name", "parent_id"))"
         R"( select "categories"."id", "categories"."name", "categories"."parent_id" from "categories" where true)"
         R"( on conflict do nothing)", {}},

        // ---- update ----
        {"updateSetsAndFilters",
         [](Database& db) { return execute(db.update(customers).set(&Customer::name, "Ada").where(eq(&Customer::id, 1))); },
         R"(update "customers" set "name" = ? where "customers"."id" = ?)", {"Ada", 1}},
        {"updateSetsNull",
         [](Database& db) {
             return execute(db.update(customers).set(&Customer::phone, nullptr).set(&Customer::tier, "silver").where(eq(&Customer::id, 1)));
         },
         R"(update "customers" set "phone" = ?, "tier" = ? where "customers"."id" = ?)", {nullptr, "silver", 1}},
        {"updateAddsOnUpdateValuesAfterTheSetOnes",
         [](Database& db) {
             return execute(db.update(orders).set(&Order::status, "shipped").set(&Order::shippedAt, placed).where(eq(&Order::id, 9)));
         },
         R"(update "orders" set "status" = ?, "shipped_at" = ?, "updated_by" = ? where "orders"."id" = ?)", {"shipped", 1704450030, "printer", 9}},
        {"updateKeepsAnExplicitValueOverOnUpdate",
         [](Database& db) { return execute(db.update(orders).set(&Order::updatedBy, "ops").where(eq(&Order::id, 9))); },
         R"(update "orders" set "updated_by" = ? where "orders"."id" = ?)", {"ops", 9}},
        {"updateToAnExpressionOfTheRow",
         [](Database& db) {
             return execute(db.update(products)
                                .set(&Product::priceCents, sql<std::int64_t>("? * ?", &Product::priceCents, 2))
                                .where(eq(&Product::categoryId, 3)));
         },
         R"(update "products" set "price_cents" = "products"."price_cents" * ? where "products"."category_id" = ?)", {2, 3}},
        {"updateWithoutWhereTouchesEveryRow",
         [](Database& db) { return execute(db.update(products).set(&Product::discontinued, true)); },
         R"(update "products" set "discontinued" = ?)", {1}},
        {"updateReturningEveryColumn",
         [](Database& db) { return all(db.update(categories).set(&Category::name, "Tools").where(eq(&Category::id, 2)).returning()); },
         R"(update "categories" set "name" = ? where "categories"."id" = ? returning "id", "name", "parent_id")", {"Tools", 2}},
        {"updateWhereInASubquery",
         [](Database& db) {
             return execute(db.update(products)
                                .set(&Product::discontinued, true)
                                .where(notInArray(&Product::id, db.select(&OrderItem::productId).from(orderItems))));
         },
         R"(update "products" set "discontinued" = ? where "products"."id" not in (select "order_items"."product_id" from "order_items"))", {1}},

        // ---- delete ----
        {"deleteWhereBindsTheCondition",
         [](Database& db) { return execute(db.delete_(orders).where(eq(&Order::status, "cancelled"))); },
         R"(delete from "orders" where "orders"."status" = ?)", {"cancelled"}},
        {"deleteEveryRow",
         [](Database& db) { return execute(db.delete_(orderItems)); },
         R"(delete from "order_items")", {}},
        {"deleteReturningChosenColumns",
         [](Database& db) { return all(db.delete_(customers).where(eq(&Customer::id, 3)).returning(&Customer::id, &Customer::email)); },
         R"(delete from "customers" where "customers"."id" = ? returning "id", "email")", {3}},
        {"deleteWhereNotExists",
         [](Database& db) {
             return execute(db.delete_(customers).where(
                 notExists(db.select(&Order::id).from(orders).where(eq(&Order::customerId, outer(&Customer::id))))));
         },
         R"(delete from "customers" where not exists (select "orders"."id" from "orders" where "orders"."customer_id" = "customers"."id"))", {}},

        // ---- relational queries ----
        {"findManyReadsEveryColumn",
         [](Database& db) { return findMany(db.query(customers)); },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at" from "customers")", {}},
        {"findManyWithAOneRelation",
         [](Database& db) { return findMany(db.query(products).with(productsRelations.category)); },
         R"(select "products"."id", "products"."category_id", "products"."sku", "products"."name", "products"."price_cents",)"
         R"( "products"."weight_kg", "products"."discontinued", "products"."thumbnail", (select json_array("r1"."id",)"
         R"( "r1"."name", "r1"."parent_id") from "categories" "r1" where ("r1"."id" = "products"."category_id"))"
         R"( limit ?) as "category" from "products")", {1}},
        {"findManyWithAManyRelation",
         [](Database& db) { return findMany(db.query(customers).with(customersRelations.orders)); },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at", (select coalesce(json_group_array(json_array("r1"."id", "r1"."customer_id", "r1"."status",)"
         R"( "r1"."placed_at", "r1"."shipped_at", "r1"."note", "r1"."currency", "r1"."updated_by")), '[]') from (select *)"
         R"( from "orders" "r1" where ("r1"."customer_id" = "customers"."id")) "r1") as "orders" from "customers")", {}},
        {"manyRelationFilteredOrderedAndLimited",
         [](Database& db) {
             return findMany(db.query(customers).with(drizzle::with(
                 customersRelations.orders, {.where = eq(&Order::status, "paid"), .orderBy = {desc(&Order::placedAt)}, .limit = 3})));
         },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at", (select coalesce(json_group_array(json_array("r1"."id", "r1"."customer_id", "r1"."status",)"
         R"( "r1"."placed_at", "r1"."shipped_at", "r1"."note", "r1"."currency", "r1"."updated_by")), '[]') from (select *)"
         R"( from "orders" "r1" where ("r1"."customer_id" = "customers"."id" and "r1"."status" = ?))"
         R"( order by "r1"."placed_at" desc limit ?) "r1") as "orders" from "customers")", {"paid", 3}},
        {"nestedRelationsNestSubqueries",
         [](Database& db) {
             return findMany(
                 db.query(orders).with(ordersRelations.customer, drizzle::with(ordersRelations.items, orderItemsRelations.product)));
         },
         R"(select "orders"."id", "orders"."customer_id", "orders"."status", "orders"."placed_at", "orders"."shipped_at",)"
         R"( "orders"."note", "orders"."currency", "orders"."updated_by", (select json_array("r1"."id", "r1"."email",)"
         R"( "r1"."name", "r1"."tier", "r1"."phone", "r1"."created_at") from "customers" "r1")"
         R"( where ("r1"."id" = "orders"."customer_id"))"
         R"( limit ?) as "customer", (select coalesce(json_group_array(json_array("r2"."order_id", "r2"."product_id",)"
         R"( "r2"."quantity", "r2"."unit_price_cents", json((select json_array("r3"."id", "r3"."category_id", "r3"."sku",)"
         R"( "r3"."name", "r3"."price_cents", iif("r3"."weight_kg" is null, null, printf('%!.20e', "r3"."weight_kg")), "r3"."discontinued", hex("r3"."thumbnail")))"
         R"( from "products" "r3" where ("r3"."id" = "r2"."product_id") limit ?)))), '[]') from (select *)"
         R"( from "order_items" "r2" where ("r2"."order_id" = "orders"."id")) "r2") as "items" from "orders")", {1, 1}},
        {"selfRelationBothWays",
         [](Database& db) { return findMany(db.query(categories).with(categoriesRelations.parent, categoriesRelations.children)); },
         R"(select "categories"."id", "categories"."name", "categories"."parent_id", (select json_array("r1"."id", "r1"."name",)"
         R"( "r1"."parent_id") from "categories" "r1" where ("r1"."id" = "categories"."parent_id"))"
         R"( limit ?) as "parent", (select coalesce(json_group_array(json_array("r2"."id", "r2"."name", "r2"."parent_id")),)"
         R"( '[]') from (select * from "categories" "r2" where ("r2"."parent_id" = "categories"."id")) "r2") as "children")"
         R"( from "categories")", {1}},
        {"findManyWhereOrderLimitOffset",
         [](Database& db) {
             return findMany(db.query(customers),
                             {.where = eq(&Customer::tier, "gold"), .orderBy = {asc(&Customer::name)}, .limit = 10, .offset = 20});
         },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at" from "customers" where "customers"."tier" = ? order by "customers"."name" limit ? offset ?)", {"gold", 10, 20}},
        {"findFirstLimitsToOneRow",
         [](Database& db) {
             return findFirst(db.query(customers).with(customersRelations.orders), {.where = eq(&Customer::email, "ada@example.com")});
         },
         R"(select "customers"."id", "customers"."email", "customers"."name", "customers"."tier", "customers"."phone",)"
         R"( "customers"."created_at", (select coalesce(json_group_array(json_array("r1"."id", "r1"."customer_id", "r1"."status",)"
         R"( "r1"."placed_at", "r1"."shipped_at", "r1"."note", "r1"."currency", "r1"."updated_by")), '[]') from (select *)"
         R"( from "orders" "r1" where ("r1"."customer_id" = "customers"."id")) "r1") as "orders" from "customers")"
         R"( where "customers"."email" = ? limit ?)", {"ada@example.com", 1}},
        {"findManyChosenColumns",
         [](Database& db) { return findMany(db.query(customers), {.columns = cols(&Customer::id, &Customer::email)}); },
         R"(select "customers"."id", "customers"."email" from "customers")", {}},

        // ---- prepared statements ----
        {"preparedPlaceholderGetsItsValueAtRun",
         [](Database& db) {
             return prepared(db.select(&Customer::email).from(customers).where(eq(&Customer::id, placeholder("id"))),
                             [](auto& p) { p.all({{"id", 7}}); });
         },
         R"(select "customers"."email" from "customers" where "customers"."id" = ?)", {7}},
        {"preparedPlaceholdersAmongBoundValues",
         [](Database& db) {
             return prepared(db.select(&Order::id)
                                 .from(orders)
                                 .where(and_(eq(&Order::status, "paid"), gt(&Order::customerId, placeholder("after"))))
                                 .orderBy(&Order::id)
                                 .limit(placeholder("n")),
                             [](auto& p) { p.all({{"n", 10}, {"after", 5}}); });
         },
         R"(select "orders"."id" from "orders" where ("orders"."status" = ? and "orders"."customer_id" > ?))"
         R"( order by "orders"."id" limit ?)", {"paid", 5, 10}},
        {"preparedPlaceholderUsedTwice",
         [](Database& db) {
             return prepared(db.select(&Customer::id).from(customers).where(
                                 or_(eq(&Customer::email, placeholder("q")), eq(&Customer::name, placeholder("q")))),
                             [](auto& p) { p.get({{"q", "ada"}}); });
         },
         R"(select "customers"."id" from "customers" where ("customers"."email" = ? or "customers"."name" = ?))", {"ada", "ada"}},
    };
}

}  // namespace printer_test
