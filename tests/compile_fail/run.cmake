# Compiles one compile-fail snippet and checks the outcome its first line states:
#   // EXPECT: <text>     the snippet must fail, and the compiler's first error must contain <text>
#                         (a substring of the static_assert message the DSL should print);
#   // EXPECT-COMPILES    the snippet must compile without warnings (the harness's control).
# Checking the *first* error means a snippet that breaks for another reason (a typo, a renamed
# API) fails the test instead of passing by accident.
#
#   cmake -DCXX=g++ -DINCLUDE_DIR=include -DSNIPPET=tests/compile_fail/pg_default_wrong_type.cpp \
#         -P tests/compile_fail/run.cmake
foreach(var CXX INCLUDE_DIR SNIPPET)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: pass -D${var}=...")
  endif()
endforeach()

file(STRINGS "${SNIPPET}" first_line LIMIT_COUNT 1)
set(flags -std=c++20 -fsyntax-only "-I${INCLUDE_DIR}")
if(first_line STREQUAL "// EXPECT-COMPILES")
  set(expect_success TRUE)
  # -Wno-missing-field-initializers: GCC warns on `{.startWith = 1}`-style options until the
  # option structs give every member a default initializer.
  list(APPEND flags -Wall -Wextra -Wpedantic -Werror -Wno-missing-field-initializers)
elseif(first_line MATCHES "^// EXPECT: (.+)$")
  set(expect_success FALSE)
  set(expected "${CMAKE_MATCH_1}")
else()
  message(FATAL_ERROR "${SNIPPET}: the first line must be `// EXPECT: <diagnostic>` or `// EXPECT-COMPILES`")
endif()

execute_process(COMMAND "${CXX}" ${flags} "${SNIPPET}"
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)

if(expect_success)
  if(NOT status EQUAL 0 OR NOT output STREQUAL "")
    message(FATAL_ERROR "${SNIPPET} must compile cleanly, but:\n${output}")
  endif()
  message(STATUS "compiles, as expected")
  return()
endif()

if(status EQUAL 0)
  message(FATAL_ERROR "${SNIPPET} compiled, but must fail with: ${expected}")
endif()
string(REGEX MATCH "[^\n]*error:[^\n]*" first_error "${output}")
string(FIND "${first_error}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SNIPPET}: the first error is not the expected one.\n"
                      "expected: ${expected}\nfirst error: ${first_error}\nfull output:\n${output}")
endif()
message(STATUS "fails as expected: ${first_error}")
