// SHA-256 against the standard's test vectors, and against the system's sha256sum on lengths
// around the block and padding boundaries (55, 56, 63, 64 bytes...) with random bytes.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "util/sha256.hpp"

namespace {

using drizzle::util::sha256Hex;

TEST(Sha256, MatchesTheStandardsVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

std::string sha256sum(const std::string& data) {
    const std::string path = testing::TempDir() + "sha256_input.bin";
    std::ofstream(path, std::ios::binary) << data;
    FILE* pipe = popen(("sha256sum '" + path + "'").c_str(), "r");
    char buffer[65] = {};
    const bool read = pipe && fread(buffer, 1, 64, pipe) == 64;
    if (pipe) pclose(pipe);
    std::remove(path.c_str());
    return read ? std::string(buffer, 64) : "";
}

TEST(Sha256, MatchesSha256sumAroundEveryPaddingBoundary) {
    std::mt19937 random(20261205);
    for (std::size_t size : {1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 127u, 128u, 129u, 1000u, 4097u}) {
        std::string data(size, '\0');
        for (auto& c : data) c = static_cast<char>(random() & 0xff);
        const std::string expected = sha256sum(data);
        ASSERT_EQ(expected.size(), 64u) << "sha256sum did not run";
        EXPECT_EQ(sha256Hex(data), expected) << size << " bytes";
    }
}

}  // namespace
