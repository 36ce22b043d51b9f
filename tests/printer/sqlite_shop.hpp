// The printer cases' SQLite schema: pg_shop.hpp's shop as SQLite declares it (64-bit integers,
// booleans and epoch-second timestamps in integer columns, a text column with enum values, a
// nullable blob in place of PostgreSQL's array).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/relations.hpp"
#include "drizzle/sqlite.hpp"

namespace printer_sqlite {
using namespace drizzle;

// App-side values, constant so every printing of a case binds the same thing.
inline std::string defaultCurrency() { return "EUR"; }
inline std::string editor() { return "printer"; }

struct Category {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> parentId;
};
struct Customer {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string tier = "bronze";
    std::optional<std::string> phone;
    std::chrono::sys_seconds createdAt{};
};
struct Product {
    std::int64_t id = 0;
    std::int64_t categoryId = 0;
    std::string sku;
    std::string name;
    std::int64_t priceCents = 0;
    std::optional<double> weightKg;
    bool discontinued = false;
    std::optional<std::vector<unsigned char>> thumbnail;
};
struct Order {
    std::int64_t id = 0;
    std::int64_t customerId = 0;
    std::string status = "pending";
    std::chrono::sys_seconds placedAt{};
    std::optional<std::chrono::sys_seconds> shippedAt;
    std::optional<std::string> note;
    std::string currency;
    std::optional<std::string> updatedBy;
};
struct OrderItem {
    std::int64_t orderId = 0;
    std::int64_t productId = 0;
    std::int64_t quantity = 1;
    std::int64_t unitPriceCents = 0;
};

inline const auto categories = sqlite::sqliteTable<Category>("categories", {
    sqlite::integer<&Category::id>("id").primaryKey(),
    sqlite::text<&Category::name>("name").notNull(),
    sqlite::integer<&Category::parentId>("parent_id").references<&Category::id>(),
});
inline const auto customers = sqlite::sqliteTable<Customer>("customers", {
    sqlite::integer<&Customer::id>("id").primaryKey(),
    sqlite::text<&Customer::email>("email").notNull().unique(),
    sqlite::text<&Customer::name>("name").notNull(),
    sqlite::text<&Customer::tier>("tier").notNull().default_("bronze").enumValues({"bronze", "silver", "gold"}),
    sqlite::text<&Customer::phone>("phone"),
    sqlite::integer<&Customer::createdAt>("created_at").notNull().default_(sql("(unixepoch())")),
});
inline const auto products = sqlite::sqliteTable<Product>("products", {
    sqlite::integer<&Product::id>("id").primaryKey(),
    sqlite::integer<&Product::categoryId>("category_id").notNull().references<&Category::id>(),
    sqlite::text<&Product::sku>("sku").notNull().unique(),
    sqlite::text<&Product::name>("name").notNull(),
    sqlite::integer<&Product::priceCents>("price_cents").notNull(),
    sqlite::real<&Product::weightKg>("weight_kg"),
    sqlite::integer<&Product::discontinued>("discontinued").notNull().default_(false),
    sqlite::blob<&Product::thumbnail>("thumbnail"),
});
inline const auto orders = sqlite::sqliteTable<Order>("orders", {
    sqlite::integer<&Order::id>("id").primaryKey(),
    sqlite::integer<&Order::customerId>("customer_id").notNull().references<&Customer::id>(),
    sqlite::text<&Order::status>("status").notNull().default_("pending").enumValues({"pending", "paid", "shipped", "cancelled"}),
    sqlite::integer<&Order::placedAt>("placed_at").notNull(),
    sqlite::integer<&Order::shippedAt>("shipped_at"),
    sqlite::text<&Order::note>("note"),
    sqlite::text<&Order::currency>("currency").notNull().defaultFn<&defaultCurrency>(),
    sqlite::text<&Order::updatedBy>("updated_by").onUpdateFn<&editor>(),
});
inline const auto orderItems = sqlite::sqliteTable<OrderItem>("order_items", {
    sqlite::integer<&OrderItem::orderId>("order_id").notNull().references<&Order::id>({.onDelete = sqlite::cascade}),
    sqlite::integer<&OrderItem::productId>("product_id").notNull().references<&Product::id>(),
    sqlite::integer<&OrderItem::quantity>("quantity").notNull().default_(1),
    sqlite::integer<&OrderItem::unitPriceCents>("unit_price_cents").notNull(),
}, {
    sqlite::primaryKey<&OrderItem::orderId, &OrderItem::productId>(),
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

}  // namespace printer_sqlite
