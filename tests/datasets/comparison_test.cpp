// Controls for the fidelity harness itself: a difference no report names fails, a report explains
// only what it names, and each dump's normalisation removes the tool's noise but not the schema.
#include <gtest/gtest.h>

#include "fidelity.hpp"

namespace {

using fidelity::compare;
using fidelity::Dump;

const char* kPgDump = R"(--
-- PostgreSQL database dump
--

\restrict abc
SET statement_timeout = 0;

--
-- Name: film; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.film (
    film_id integer NOT NULL,
    release_year public.year
);


--
-- Name: film film_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);


--
-- Name: film_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX film_idx ON public.film USING btree (release_year);


--
-- Name: film_p1_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.film_pkey ATTACH PARTITION public.film_p1_pkey;


--
-- Name: film_p1 film_p1_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.film_p1
    ADD CONSTRAINT film_p1_pkey PRIMARY KEY (film_id);


--
-- PostgreSQL database dump complete
--

\unrestrict abc
)";

TEST(DatasetHarness, PgDumpIsCutIntoObjectsNamedByTheirTable) {
    Dump d = fidelity::parsePgDump(kPgDump);
    ASSERT_EQ(d.size(), 5u);
    EXPECT_EQ(d[0].key, "TABLE public.film");
    EXPECT_EQ(d[0].lines, (std::vector<std::string>{"CREATE TABLE public.film (", "    film_id integer NOT NULL",
                                                    "    release_year public.year", ");"}));
    EXPECT_EQ(d[1].identity, "public.film.film_pkey");
    EXPECT_EQ(d[2].identity, "public.film.film_idx");
    EXPECT_EQ(d[3].identity, "public.film_p1.film_p1_pkey") << "an attached index belongs to its partition";
}

TEST(DatasetHarness, ADifferenceNoReportNamesIsUnexplained) {
    Dump a = fidelity::parsePgDump(kPgDump), b = a;
    b[0].lines[2] = "    release_year integer";
    b.erase(b.begin() + 2);  // the index is gone
    auto c = compare(a, b, {});
    EXPECT_EQ(c.differences.size(), 2u);
    EXPECT_EQ(c.unexplained(), 2u);
}

TEST(DatasetHarness, AReportExplainsWhatItNamesAndWhatItHolds) {
    Dump a = fidelity::parsePgDump(kPgDump), b = a;
    b[0].lines[2] = "    release_year integer";  // the column's domain is gone
    b.erase(b.begin() + 2);                        // and the index
    b.erase(b.begin() + 2);                        // and the partition's objects
    b.erase(b.begin() + 2);
    auto c = compare(a, b,
                     {"domain public.year", "index public.film.film_idx (uses function public.f)",
                      "partition public.film_p1"});
    EXPECT_EQ(c.unexplained(), 0u);
    // A report of something else, or of a comment on the table, does not explain the table.
    c = compare(a, b, {"domain public.years", "comment on table public.film", "index public.film.film_idx",
                       "partition public.film_p1"});
    EXPECT_EQ(c.unexplained(), 1u);
}

TEST(DatasetHarness, SqliteSpellingsOfOneSchemaCompareEqual) {
    Dump written = fidelity::parseSqliteDump(
        "CREATE TABLE [Album]\n(\n    [AlbumId] INTEGER  NOT NULL,\n    [Title] NVARCHAR(160)  NOT NULL,\n"
        "    [ArtistId] INTEGER  NOT NULL,\n    CONSTRAINT [PK_Album] PRIMARY KEY  ([AlbumId]),\n"
        "    FOREIGN KEY ([ArtistId]) REFERENCES [Artist] ([ArtistId]) \n\t\tON DELETE NO ACTION ON UPDATE NO ACTION\n);\n"
        "CREATE INDEX [IFK_AlbumArtistId] ON [Album] ([ArtistId]);\n");
    Dump generated = fidelity::parseSqliteDump(
        "CREATE TABLE `Album` (\n\t`AlbumId` integer PRIMARY KEY NOT NULL,\n\t`Title` NVARCHAR(160) NOT NULL,\n"
        "\t`ArtistId` integer NOT NULL,\n\tFOREIGN KEY (`ArtistId`) REFERENCES `Artist`(`ArtistId`) ON UPDATE no "
        "action ON DELETE no action\n);\nCREATE INDEX `IFK_AlbumArtistId` ON `Album` (`ArtistId`);\n");
    auto c = compare(written, generated, {});
    EXPECT_EQ(c.identical, 2u);
    EXPECT_TRUE(c.differences.empty());

    Dump changed = fidelity::parseSqliteDump(
        "CREATE TABLE `Album` (\n\t`AlbumId` integer PRIMARY KEY NOT NULL,\n\t`Title` text NOT NULL,\n"
        "\t`ArtistId` integer NOT NULL,\n\tFOREIGN KEY (`ArtistId`) REFERENCES `Artist`(`ArtistId`) ON DELETE cascade\n);\n"
        "CREATE INDEX `IFK_AlbumArtistId` ON `Album` (`ArtistId`);\n");
    c = compare(written, changed, {});
    ASSERT_EQ(c.differences.size(), 1u);
    EXPECT_EQ(c.differences[0].onlyOriginal.size(), 2u) << "the column's type and the foreign key's action";
}

TEST(DatasetHarness, MysqlDumpNoiseIsRemovedButNotTheSchema) {
    const char* dump = "/*M!999999\\- enable the sandbox mode */ \n"
                       "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
                       "CREATE TABLE `t` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `b` int(11) DEFAULT NULL,\n"
                       "  PRIMARY KEY (`id`),\n  KEY `t_b` (`b`)\n) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4;\n"
                       "/*!50001 CREATE VIEW `v` AS SELECT\n 1 AS `id` */;\n"
                       "/*!50001 DROP VIEW IF EXISTS `v`*/;\n"
                       "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`u`@`%` SQL SECURITY DEFINER */\n"
                       "/*!50001 VIEW `v` AS (select `t`.`id` AS `id` from `t`) */;\n";
    Dump d = fidelity::parseMysqlDump(dump);
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].key, "TABLE t");
    EXPECT_EQ(d[1].key, "TABLE OPTIONS t");
    EXPECT_EQ(d[0].lines, (std::vector<std::string>{"CREATE TABLE `t` (", "`id` int(11) NOT NULL AUTO_INCREMENT",
                                                    "`b` int(11) DEFAULT NULL", "KEY `t_b` (`b`)", "PRIMARY KEY (`id`)"}));
    EXPECT_EQ(d[1].lines, std::vector<std::string>{") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"});
    EXPECT_EQ(d[2].lines, std::vector<std::string>{
                              "CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v` AS select `t`.`id` AS `id` from `t`"});
}

// MySQL keeps comments inside the table (on its options, its columns' and keys' lines) and dumps
// a sequence with its state: each is explained by its own report, and by nothing else.
TEST(DatasetHarness, MysqlCommentsAndSequencesAreExplainedByTheirOwnReports) {
    const char* original = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `name` text COMMENT 'x',\n"
                           "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='people';\n"
                           "CREATE SEQUENCE `s` start with 1 minvalue 1 maxvalue 9 increment by 1 cache 1000 nocycle ENGINE=InnoDB;\n"
                           "DO SETVAL(`s`, 1, 0);\n";
    const char* rebuilt = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `name` text,\n"
                          "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";
    Dump a = fidelity::parseMysqlDump(original), b = fidelity::parseMysqlDump(rebuilt);
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[2].key, "SEQUENCE s");
    EXPECT_EQ(a[3].key, "SEQUENCE VALUE s");
    EXPECT_EQ(compare(a, b, {"comment on table t", "comment on column t.name", "sequence s"}).unexplained(), 0u);
    // Without the column's report its line stays unexplained; a table comment does not cover it.
    EXPECT_EQ(compare(a, b, {"comment on table t", "sequence s"}).unexplained(), 1u);
    EXPECT_EQ(compare(a, b, {"comment on column t.name", "sequence s"}).unexplained(), 1u);
}

}  // namespace
