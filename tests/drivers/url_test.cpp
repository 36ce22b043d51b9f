// Connection URLs and credentials: parsing, percent-decoding, and masking, without a server.
#include <gtest/gtest.h>

#include "drivers/driver_internal.hpp"
#include "support.hpp"

namespace drizzle::driver {
namespace {

using detail::parseServerUrl;
using test::errorOf;

TEST(ConnectionUrl, ParsesEveryPartAndPercentDecodes) {
    const auto e = parseServerUrl("postgresql://app%20user:p%40ss@db.example.com:6543/my%2Fdb?sslmode=require&"
                                  "application_name=drizzle%20kit",
                                  Dialect::postgresql);
    EXPECT_EQ(e.user, "app user");
    EXPECT_EQ(e.password, "p@ss");
    EXPECT_EQ(e.host, "db.example.com");
    EXPECT_EQ(e.port, 6543);
    EXPECT_EQ(e.database, "my/db");
    EXPECT_EQ(e.ssl, "require");
    ASSERT_EQ(e.options.size(), 1u);
    EXPECT_EQ(e.options[0].first, "application_name");
    EXPECT_EQ(e.options[0].second, "drizzle kit");

    const auto m = parseServerUrl("mysql://root@localhost/shop", Dialect::mysql);
    EXPECT_EQ(m.user, "root");
    EXPECT_EQ(m.password, "");
    EXPECT_EQ(m.host, "localhost");
    EXPECT_FALSE(m.port.has_value());
    EXPECT_EQ(m.database, "shop");
    EXPECT_EQ(parseServerUrl("mariadb://h:3307", Dialect::mysql).port, 3307);
}

TEST(ConnectionUrl, PasswordMayHoldRawAtSignsColonsAndSlashes) {
    const auto e = parseServerUrl("postgres://u:a@b:c/d@host:5432/db", Dialect::postgresql);
    EXPECT_EQ(e.user, "u");
    EXPECT_EQ(e.password, "a@b:c/d");
    EXPECT_EQ(e.host, "host");
    EXPECT_EQ(e.database, "db");
}

TEST(ConnectionUrl, ReadsIpv6HostsAndPasswordParameters) {
    const auto e = parseServerUrl("postgres://[::1]:5433/db?user=me&password=secret", Dialect::postgresql);
    EXPECT_EQ(e.host, "::1");
    EXPECT_EQ(e.port, 5433);
    EXPECT_EQ(e.user, "me");
    EXPECT_EQ(e.password, "secret");
    EXPECT_EQ(detail::describeEndpoint(Dialect::postgresql, e), "postgres://me:****@[::1]:5433/db");
}

TEST(ConnectionUrl, BadUrlsAreConfigErrorsThatHideThePassword) {
    for (const char* url : {"postgres://u:hunter22@host:99999/db", "postgres://u:hunter22@host:54x/db",
                            "postgres://u:hunter22@host/db%zz", "mysql://u:hunter22@host/db", "u:hunter22@host/db"}) {
        const Error e = errorOf([&] { parseServerUrl(url, Dialect::postgresql); });
        EXPECT_EQ(e.category(), ErrorCategory::config) << url;
        EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("u:****@host"), std::string::npos) << e.what();
    }
    const Error wrongScheme = errorOf([] { parseServerUrl("postgres://h/db", Dialect::mysql); });
    EXPECT_NE(std::string(wrongScheme.what()).find("mysql://"), std::string::npos) << wrongScheme.what();
}

TEST(ConnectionUrl, MaskPasswordHidesUserInfoAndQueryPasswords) {
    EXPECT_EQ(maskPassword("postgres://app:s3cret@db:5432/app"), "postgres://app:****@db:5432/app");
    EXPECT_EQ(maskPassword("mysql://root:p@ss:w/rd@127.0.0.1:3306/db"), "mysql://root:****@127.0.0.1:3306/db");
    EXPECT_EQ(maskPassword("postgres://db/app?user=me&password=s3cret&sslmode=require"),
              "postgres://db/app?user=me&password=****&sslmode=require");
    EXPECT_EQ(maskPassword("postgres://app@db/app"), "postgres://app@db/app");
    EXPECT_EQ(maskPassword("./local.db"), "./local.db");
    EXPECT_EQ(maskPassword("file:app.db?mode=ro"), "file:app.db?mode=ro");
}

TEST(ConnectionUrl, SqliteRefusesServerUrlsWithoutShowingThePassword) {
    const Error e = errorOf([] { connect(Dialect::sqlite, test::urlCredentials("postgres://u:hunter22@h/db")); });
    EXPECT_EQ(e.category(), ErrorCategory::config);
    EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
    EXPECT_EQ(errorOf([] { connect(Dialect::sqlite, Credentials{}); }).category(), ErrorCategory::config);
    EXPECT_EQ(errorOf([] { connect(Dialect::postgresql, Credentials{}); }).category(), ErrorCategory::config);
}

TEST(ConnectionUrl, MysqlRefusesParametersItDoesNotRead) {
    const Error e = errorOf([] { connect(Dialect::mysql, test::urlCredentials("mysql://u:hunter22@h/db?timeout=5")); });
    EXPECT_EQ(e.category(), ErrorCategory::config);
    EXPECT_NE(std::string(e.what()).find("timeout"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
}

TEST(DriverMessages, RedactionSparesPasswordsTheMessagesShowAnyway) {
    detail::Endpoint e;
    e.user = "app";
    e.database = "shop";
    e.password = "s3cret-pw";
    EXPECT_EQ(detail::secretOf(e), "s3cret-pw");
    EXPECT_EQ(detail::redact("value \"s3cret-pw\" is bad", detail::secretOf(e)), "value \"****\" is bad");
    e.password = "abc";  // too short to search for
    EXPECT_EQ(detail::secretOf(e), "");
    e.user = "drizzle";  // the test server's drizzle:drizzle login
    e.password = "drizzle";
    EXPECT_EQ(detail::secretOf(e), "");
}

TEST(DriverMessages, SqlExcerptIsOneLineOfAtMost200Characters) {
    EXPECT_EQ(detail::sqlExcerpt("select 1,\n\t  2\n"), "select 1, 2");
    const std::string excerpt = detail::sqlExcerpt(std::string(500, 'x'));
    EXPECT_EQ(excerpt, std::string(200, 'x') + "...");
    // 2-byte characters are never cut in half.
    std::string accents;
    for (int i = 0; i < 150; ++i) accents += "\xC3\xA9";
    const std::string cut = detail::sqlExcerpt(accents);
    EXPECT_EQ(cut.size() % 2, 1u);  // whole characters and "..."
    EXPECT_EQ(cut.substr(cut.size() - 3), "...");
}

}  // namespace
}  // namespace drizzle::driver
