// The app's files, embedded in the binary at build time (assets/, see CMakeLists.txt).
#pragma once

#include <string_view>

namespace drizzle::kit::studio {

struct Asset {
    std::string_view path;         // "/app.js"
    std::string_view contentType;  // "text/javascript" (every asset is UTF-8 text)
    std::string_view content;
};

// The asset served at `path`, or nullptr.
const Asset* findAsset(std::string_view path);

}  // namespace drizzle::kit::studio
