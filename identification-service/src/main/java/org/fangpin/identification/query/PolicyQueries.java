package org.fangpin.identification.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.policy.PolicyBook;
import org.fangpin.platform.web.RuleViolation;

/** Where the thresholds in force come from: the platform's policy table, kept by {@code PolicyBookProjection}. */
@Component
public class PolicyQueries {

    private final JdbcClient jdbc;
    private final PolicyBook book;

    PolicyQueries(JdbcClient jdbc, PolicyBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    /** The thresholds a household of this region is judged by in this year; refused when no policy covers it. */
    public PolicyThresholds require(String regionCode, int year) {
        return book.thresholds(regionCode, year)
                .orElseThrow(() -> RuleViolation.of("POLICY_MISSING", regionCode, year));
    }

    public boolean noPolicyYet() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM policy)").query(Boolean.class).single();
    }

    /** The entry the policy book answers from for this region and year (same lookup as {@code PolicyBook}). */
    public Optional<PolicySource> source(String regionCode, int year) {
        return jdbc.sql("""
                        SELECT region_prefix, policy_year, changed_at FROM policy
                        WHERE :region LIKE region_prefix || '%' AND policy_year <= :year
                        ORDER BY length(region_prefix) DESC, policy_year DESC
                        LIMIT 1""")
                .param("region", regionCode)
                .param("year", year)
                .query(PolicySource.class)
                .optional();
    }

    public record PolicySource(String regionPrefix, int policyYear, Instant changedAt) {
    }
}
