// One column as DSL code: which declaring function, which C++ member type, which default
// modifier. The type is read by the dialect's type table (src/schema/column_types.hpp), which
// also spells declared columns, so the generated declaration yields exactly the column it was
// made from; what the DSL has no function for is declared with customType and its SQL type.
#pragma once

#include <string>

#include "drizzle/model/model.hpp"

namespace drizzle::codegen {

struct ColumnCode {
    std::string valueType;  // the member's type without std::optional: "std::int32_t", "std::vector<std::string>"
    std::string function;   // "pg::varchar", or the enum's variable for enum columns
    bool isEnum = false;    // `function` is a pg enum object: declared with `.column<...>(...)`
    std::string options;    // the call's trailing argument: "{.length = 256}", "" when none
    bool custom = false;    // declared with customType, whose SQL type argument is `customType`
    std::string customType;
    bool implicitNotNull = false;  // the function itself declares NOT NULL (serial types)
    std::string defaultModifier;   // ".default_(5)", ".defaultNow()", "" when none
    std::string note;              // why the mapping is approximate, or ""
};

// `enumVariable`: the C++ variable of the column's PostgreSQL enum ("" when the type is none).
ColumnCode columnCode(Dialect dialect, const model::Column& column, const std::string& enumVariable,
                      const std::string& enumName);

}  // namespace drizzle::codegen
