// Seeded random schema pairs for the differ's property test: a schema A of a dialect, and a
// schema B derived from A by random changes that need neither a data migration nor a rename
// decision (in one pair a table only gains or only loses columns, tables and enums are only
// added or only dropped).
//
//   Rng rng(seed);
//   auto a = randomSchema(Dialect::sqlite, rng);
//   auto b = mutate(a, rng);
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "drizzle/model/model.hpp"

namespace drizzle::diff_property {

// Same seed, same numbers on every platform (std:: distributions are implementation-defined).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(engine_() % n); }
    bool percent(unsigned p) { return below(100) < p; }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::mt19937_64 engine_;
};

model::Schema randomSchema(Dialect dialect, Rng& rng);
model::Schema mutate(const model::Schema& from, Rng& rng);

}  // namespace drizzle::diff_property
