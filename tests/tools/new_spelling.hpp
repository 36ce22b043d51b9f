// Input of tools.rewrite_declarations: the declaration spelling before constant columns.
struct Org { std::int32_t id; };
struct User { std::int32_t id; std::optional<std::int32_t> orgId; std::string mood, slug, kind, code; };
inline const auto moodEnum = pg::pgEnum("mood", {"sad", "ok"});
inline const auto users = pg::pgTable<User>("users", {
    pg::serial<&User::id>("id").primaryKey(),
    pg::integer<&User::orgId>("org_id").references<&Org::id>({.onDelete = pg::cascade}),
    moodEnum.column<&User::mood>("mood").notNull(),
    pg::text<&User::slug>(
        "slug").notNull().defaultFn<&newSlug>(),
    pg::text<&User::kind>("kind").enumValues({"a", "b"}).notNull(),
    pg::varchar<&User::code>("code", {.length = 3}).enumValues({"x"}).notNull(),
}, {
    pg::index("users_org_idx").on<&User::orgId>(),
    pg::index("users_slug_idx").on(pg::col<&User::slug>().desc(), drizzle::col<&User::kind>(), pg::sql("lower(code)")),
    pg::primaryKey<&User::id, &User::slug>().name("users_pk"),
    pg::unique("users_kind_code").on<&User::kind, &User::code>().nullsNotDistinct(),
    pg::foreignKey("users_org_fk").columns<&User::orgId>().foreignColumns<&Org::id>()
        .onDelete(pg::cascade),
});
