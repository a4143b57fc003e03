package org.fangpin.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import org.fangpin.testsupport.PostgresServer;

/** What PostgreSQL matches with the patterns, on real rows: wildcards in a caller's text match only themselves. */
class LikeIT {

    private static PostgresServer.TestDatabase database;
    private static JdbcClient jdbc;

    @BeforeAll
    static void rows() {
        database = PostgresServer.get().createDatabase("like");
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), database.jdbcUrl()));
        jdbc.sql("CREATE TABLE household (region_code VARCHAR(12))").update();
        for (String code : List.of("150724213201", "150724213202", "150725200200", "110105001001", "15_7%\\")) {
            jdbc.sql("INSERT INTO household VALUES (?)").param(code).update();
        }
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void aPrefixReachesItsRegionOnly() {
        assertThat(matching(Like.startsWith("150724"))).containsExactlyInAnyOrder("150724213201", "150724213202");
    }

    @Test
    void wildcardsInTheTextMatchOnlyThemselves() {
        assertThat(matching(Like.startsWith("%"))).isEmpty();
        assertThat(matching(Like.startsWith("______"))).isEmpty();
        assertThat(matching(Like.startsWith("15_7%\\"))).containsExactly("15_7%\\");
        assertThat(matching(Like.contains("7%"))).containsExactly("15_7%\\");
    }

    private static List<String> matching(String pattern) {
        return jdbc.sql("SELECT region_code FROM household WHERE region_code LIKE :pattern")
                .param("pattern", pattern).query(String.class).list();
    }
}
