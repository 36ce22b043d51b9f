// A scratch project folder and the real drizzle-kit binary run inside it, as a user runs it.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/test_dir.hpp"
#include "util/process.hpp"

class KitProject : public ::testing::Test {
protected:
    explicit KitProject(std::string prefix) : prefix_(std::move(prefix)) {}
    void SetUp() override { dir_ = freshTestDir(prefix_); }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // Writes `text` to `name` under the project, creating its folders.
    void write(const std::string& name, const std::string& text) {
        std::filesystem::create_directories((dir_ / name).parent_path());
        std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << text;
    }
    drizzle::util::ProcessResult kit(std::vector<std::string> args) {
        args.insert(args.begin(), DRIZZLE_KIT_BIN);
        return drizzle::util::runProcess(args, dir_.string());
    }

    std::filesystem::path dir_;

private:
    std::string prefix_;
};
