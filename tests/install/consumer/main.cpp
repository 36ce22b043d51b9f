// Prints the model of its schema, read through the installed library.
#include <iostream>

#include <drizzle/model/model.hpp>
#include <drizzle/schema/registry.hpp>

#include "schema.hpp"

int main() {
    const auto schema = drizzle::registeredSchema();
    std::cout << schema.tables.size() << " table(s): " << schema.tables.at(0).name << "\n";
    return schema.tables.size() == 1 && schema.tables[0].columns.size() == 2 ? 0 : 1;
}
