// Input of tools.rewrite_declarations: the declaration spelling before constant columns.
struct Org { std::int32_t id; };
struct User { std::int32_t id; std::optional<std::int32_t> orgId; std::string mood, slug, kind, code; };
inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok"});
inline const auto users = pg::table<User>("users", {
    pg::serial("id", &User::id).primaryKey(),
    pg::integer("org_id", &User::orgId).references(&Org::id, {.onDelete = pg::cascade}),
    moodEnum("mood", &User::mood).notNull(),
    pg::text(
        "slug", &User::slug).notNull().defaultFn(&newSlug),
    pg::text("kind", &User::kind, {.enumValues = {"a", "b"}}).notNull(),
    pg::varchar("code", &User::code, {.length = 3, .enumValues = {"x"}}).notNull(),
}, {
    pg::index("users_org_idx").on(&User::orgId),
    pg::index("users_slug_idx").on(pg::col(&User::slug).desc(), &User::kind, pg::sql("lower(code)")),
    pg::primaryKey(&User::id, &User::slug).name("users_pk"),
    pg::unique(&User::kind, &User::code).nullsNotDistinct().name("users_kind_code"),
    pg::foreignKey(pg::cols(&User::orgId), pg::cols(&Org::id))
        .onDelete(pg::cascade)
        .name("users_org_fk"),
});
