// The printer cases' PostgreSQL schema: a small shop (customers, a category tree, products,
// orders and their items under a composite key), with enums, timestamps, nullable columns, an
// array column and a table in its own schema. sqlite_shop.hpp and mysql_shop.hpp declare the
// same shop with what their dialects have.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/pg.hpp"
#include "drizzle/relations.hpp"

namespace printer_pg {
using namespace drizzle;

// App-side values, constant so every printing of a case binds the same thing.
inline std::string defaultCurrency() { return "EUR"; }
inline std::string editor() { return "printer"; }

struct Category {
    std::int32_t id = 0;
    std::string name;
    std::optional<std::int32_t> parentId;
};
struct Customer {
    std::int32_t id = 0;
    std::string email;
    std::string name;
    std::string tier = "bronze";
    std::optional<std::string> phone;
    std::chrono::sys_seconds createdAt{};
};
struct Product {
    std::int32_t id = 0;
    std::int32_t categoryId = 0;
    std::string sku;
    std::string name;
    std::int64_t priceCents = 0;
    std::optional<double> weightKg;
    bool discontinued = false;
    std::vector<std::string> tags;
};
struct Order {
    std::int32_t id = 0;
    std::int32_t customerId = 0;
    std::string status = "pending";
    std::chrono::sys_seconds placedAt{};
    std::optional<std::chrono::sys_seconds> shippedAt;
    std::optional<std::string> note;
    std::string currency;
    std::optional<std::string> updatedBy;
};
struct OrderItem {
    std::int32_t orderId = 0;
    std::int32_t productId = 0;
    std::int32_t quantity = 1;
    std::int64_t unitPriceCents = 0;
};
struct AuditEvent {
    std::int64_t id = 0;
    std::string action;
    std::optional<std::string> payload;
};

inline const auto customerTier = pg::pgEnum("customer_tier", {"bronze", "silver", "gold"});
inline const auto orderStatus = pg::pgEnum("order_status", {"pending", "paid", "shipped", "cancelled"});
inline const auto audit = pg::pgSchema("audit");

inline const auto categories = pg::pgTable<Category>("categories", {
    pg::serial<&Category::id>("id").primaryKey(),
    pg::text<&Category::name>("name").notNull(),
    pg::integer<&Category::parentId>("parent_id").references<&Category::id>(),
});
inline const auto customers = pg::pgTable<Customer>("customers", {
    pg::serial<&Customer::id>("id").primaryKey(),
    pg::varchar<&Customer::email>("email", {.length = 255}).notNull().unique(),
    pg::text<&Customer::name>("name").notNull(),
    customerTier.column<&Customer::tier>("tier").notNull().default_("bronze"),
    pg::text<&Customer::phone>("phone"),
    pg::timestamp<&Customer::createdAt>("created_at", {.withTimezone = true}).notNull().defaultNow(),
});
inline const auto products = pg::pgTable<Product>("products", {
    pg::serial<&Product::id>("id").primaryKey(),
    pg::integer<&Product::categoryId>("category_id").notNull().references<&Category::id>(),
    pg::text<&Product::sku>("sku").notNull().unique(),
    pg::text<&Product::name>("name").notNull(),
    pg::bigint<&Product::priceCents>("price_cents").notNull(),
    pg::doublePrecision<&Product::weightKg>("weight_kg"),
    pg::boolean<&Product::discontinued>("discontinued").notNull().default_(false),
    pg::text<&Product::tags>("tags").notNull().default_(sql("'{}'")),
});
inline const auto orders = pg::pgTable<Order>("orders", {
    pg::serial<&Order::id>("id").primaryKey(),
    pg::integer<&Order::customerId>("customer_id").notNull().references<&Customer::id>(),
    orderStatus.column<&Order::status>("status").notNull().default_("pending"),
    pg::timestamp<&Order::placedAt>("placed_at", {.withTimezone = true}).notNull(),
    pg::timestamp<&Order::shippedAt>("shipped_at", {.withTimezone = true}),
    pg::text<&Order::note>("note"),
    pg::char_<&Order::currency>("currency", {.length = 3}).notNull().defaultFn<&defaultCurrency>(),
    pg::text<&Order::updatedBy>("updated_by").onUpdateFn<&editor>(),
});
inline const auto orderItems = pg::pgTable<OrderItem>("order_items", {
    pg::integer<&OrderItem::orderId>("order_id").notNull().references<&Order::id>({.onDelete = pg::cascade}),
    pg::integer<&OrderItem::productId>("product_id").notNull().references<&Product::id>(),
    pg::integer<&OrderItem::quantity>("quantity").notNull().default_(1),
    pg::bigint<&OrderItem::unitPriceCents>("unit_price_cents").notNull(),
}, {
    pg::primaryKey<&OrderItem::orderId, &OrderItem::productId>(),
});
inline const auto auditEvents = audit.table<AuditEvent>("events", {
    pg::bigserial<&AuditEvent::id>("id").primaryKey(),
    pg::text<&AuditEvent::action>("action").notNull(),
    pg::jsonb<&AuditEvent::payload>("payload"),
});

struct CategoryRelations {
    One<Category, Category> parent{"parent", &Category::parentId, &Category::id, "tree"};
    Many<Category, Category> children{"children", "tree"};
    Many<Category, Product> products{"products"};
};
struct CustomerRelations {
    Many<Customer, Order> orders{"orders"};
};
struct ProductRelations {
    One<Product, Category> category{"category", &Product::categoryId, &Category::id};
};
struct OrderRelations {
    One<Order, Customer> customer{"customer", &Order::customerId, &Customer::id};
    Many<Order, OrderItem> items{"items"};
};
struct OrderItemRelations {
    One<OrderItem, Order> order{"order", &OrderItem::orderId, &Order::id};
    One<OrderItem, Product> product{"product", &OrderItem::productId, &Product::id};
};
inline const CategoryRelations categoriesRelations{};
inline const CustomerRelations customersRelations{};
inline const ProductRelations productsRelations{};
inline const OrderRelations ordersRelations{};
inline const OrderItemRelations orderItemsRelations{};

}  // namespace printer_pg
