// A fresh, empty folder for the running test: <tmp>/drizzle_<prefix>_<test name>_<pid>, so that
// tests running in parallel (ctest -j) never share one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

inline std::filesystem::path freshTestDir(const std::string& prefix) {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();  // "Case/param" when parameterised
    for (char& c : name)
        if (c == '/') c = '_';
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("drizzle_" + prefix + "_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}
