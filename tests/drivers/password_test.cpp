// No message, description or error of any driver shows the connection's password: not in the
// URL it quotes, not in the server's own message, not in the SQL it quotes. Each test logs in
// as a user with a password it creates.
#include <gtest/gtest.h>

#include "support.hpp"

namespace drizzle::driver {
namespace {

using test::errorOf;

void expectHidden(const std::string& text, const std::string& password) {
    EXPECT_EQ(text.find(password), std::string::npos) << text;
}

void expectHidden(const Error& e, const std::string& password) {
    expectHidden(e.what(), password);
    expectHidden(e.hint(), password);
}

// Characters a URL must escape, so the login also checks percent-decoding.
std::string passwordFor(const std::string& user) { return "Pw:@/ ?" + user.substr(user.size() - 6); }

TEST(PgDriver, MessagesNeverShowThePassword) {
    const std::string server = test::serverUrl("DRIZZLE_TEST_PG_URL");
    auto admin = connect(Dialect::postgresql, test::urlCredentials(server));
    const std::string role = test::uniqueName("drz_role");
    const std::string password = passwordFor(role);
    admin->execute("CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password + "'");
    {
        const std::string url = test::withLogin(server, role, password);
        EXPECT_EQ(maskPassword(url).find(test::percentEncode(password)), std::string::npos);
        auto db = connect(Dialect::postgresql, test::urlCredentials(url));
        EXPECT_EQ(db->query("select current_user").text(0, 0), role);
        EXPECT_NE(db->describe().find(role + ":****@"), std::string::npos) << db->describe();
        expectHidden(db->describe(), password);

        // The server echoes the bad value; the SQL holds it too.
        const Error echoed = errorOf([&] { db->query("select ?::int", {password}); });
        EXPECT_NE(std::string(echoed.what()).find("invalid input syntax"), std::string::npos) << echoed.what();
        expectHidden(echoed, password);
        expectHidden(errorOf([&] { db->execute("select '" + password + "'::int"); }), password);

        const std::string missing = test::withDatabase(url, test::uniqueName("drz_missing"));
        const Error refused = errorOf([&] { connect(Dialect::postgresql, test::urlCredentials(missing)); });
        EXPECT_EQ(refused.category(), ErrorCategory::connection);
        expectHidden(refused, password);
        expectHidden(refused, test::percentEncode(password));
    }
    admin->execute("DROP ROLE \"" + role + "\"");
}

TEST(MysqlDriver, MessagesNeverShowThePassword) {
    const std::string server = test::serverUrl("DRIZZLE_TEST_MYSQL_URL");
    auto admin = connect(Dialect::mysql, test::urlCredentials(server));
    const std::string user = test::uniqueName("drz_user");
    const std::string password = passwordFor(user);
    admin->execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
    {
        // No database in the URL: the new user may not use the server's.
        const std::string url = test::withDatabase(test::withLogin(server, user, password), "");
        auto db = connect(Dialect::mysql, test::urlCredentials(url));
        EXPECT_EQ(db->query("select substring_index(current_user(), '@', 1)").text(0, 0), user);
        EXPECT_NE(db->describe().find(user + ":****@"), std::string::npos) << db->describe();
        expectHidden(db->describe(), password);

        const Error echoed = errorOf([&] { db->execute("SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '" + password + "'"); });
        EXPECT_EQ(echoed.nativeCode(), "1644");
        EXPECT_NE(std::string(echoed.what()).find("****"), std::string::npos) << echoed.what();
        expectHidden(echoed, password);

        const Error refused = errorOf(
            [&] { connect(Dialect::mysql, test::urlCredentials(test::withLogin(url, user, password + "-wrong"))); });
        EXPECT_EQ(refused.category(), ErrorCategory::connection);
        EXPECT_EQ(refused.nativeCode(), "1045");
        expectHidden(refused, password);
    }
    admin->execute("DROP USER '" + user + "'@'%'");
}

}  // namespace
}  // namespace drizzle::driver
