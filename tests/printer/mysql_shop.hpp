// The printer cases' MySQL/MariaDB schema: pg_shop.hpp's shop as MySQL declares it (AUTO_INCREMENT
// ids, ENUM columns, datetimes, a nullable varbinary in place of PostgreSQL's array).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drizzle/mysql.hpp"
#include "drizzle/relations.hpp"

namespace printer_mysql {
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
    std::optional<std::vector<unsigned char>> thumbnail;
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

inline const auto categories = mysql::mysqlTable<Category>("categories", {
    mysql::int_<&Category::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Category::name>("name", {.length = 100}).notNull(),
    mysql::int_<&Category::parentId>("parent_id").references<&Category::id>(),
});
inline const auto customers = mysql::mysqlTable<Customer>("customers", {
    mysql::int_<&Customer::id>("id").primaryKey().autoincrement(),
    mysql::varchar<&Customer::email>("email", {.length = 255}).notNull().unique(),
    mysql::varchar<&Customer::name>("name", {.length = 100}).notNull(),
    mysql::mysqlEnum<&Customer::tier>("tier", {"bronze", "silver", "gold"}).notNull().default_("bronze"),
    mysql::varchar<&Customer::phone>("phone", {.length = 30}),
    mysql::datetime<&Customer::createdAt>("created_at").notNull().defaultNow(),
});
inline const auto products = mysql::mysqlTable<Product>("products", {
    mysql::int_<&Product::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Product::categoryId>("category_id").notNull().references<&Category::id>(),
    mysql::varchar<&Product::sku>("sku", {.length = 40}).notNull().unique(),
    mysql::varchar<&Product::name>("name", {.length = 100}).notNull(),
    mysql::bigint<&Product::priceCents>("price_cents").notNull(),
    mysql::double_<&Product::weightKg>("weight_kg"),
    mysql::boolean<&Product::discontinued>("discontinued").notNull().default_(false),
    mysql::varbinary<&Product::thumbnail>("thumbnail", {.length = 255}),
});
inline const auto orders = mysql::mysqlTable<Order>("orders", {
    mysql::int_<&Order::id>("id").primaryKey().autoincrement(),
    mysql::int_<&Order::customerId>("customer_id").notNull().references<&Customer::id>(),
    mysql::mysqlEnum<&Order::status>("status", {"pending", "paid", "shipped", "cancelled"}).notNull().default_("pending"),
    mysql::datetime<&Order::placedAt>("placed_at").notNull(),
    mysql::datetime<&Order::shippedAt>("shipped_at"),
    mysql::text<&Order::note>("note"),
    mysql::char_<&Order::currency>("currency", {.length = 3}).notNull().defaultFn<&defaultCurrency>(),
    mysql::varchar<&Order::updatedBy>("updated_by", {.length = 40}).onUpdateFn<&editor>(),
});
inline const auto orderItems = mysql::mysqlTable<OrderItem>("order_items", {
    mysql::int_<&OrderItem::orderId>("order_id").notNull().references<&Order::id>({.onDelete = mysql::cascade}),
    mysql::int_<&OrderItem::productId>("product_id").notNull().references<&Product::id>(),
    mysql::int_<&OrderItem::quantity>("quantity").notNull().default_(1),
    mysql::bigint<&OrderItem::unitPriceCents>("unit_price_cents").notNull(),
}, {
    mysql::primaryKey<&OrderItem::orderId, &OrderItem::productId>(),
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

}  // namespace printer_mysql
