package org.fangpin.timeline.query;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import org.fangpin.platform.jdbc.Like;

/**
 * The monitoring ledger (监测对象台账): every monitoring object of a region, streamed by village and household under
 * the exports' statement timeout.
 */
@Component
public class LedgerQueries {

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate streaming;
    private final Exports exports;

    LedgerQueries(DataSource dataSource, Exports exports) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.exports = exports;
    }

    public void monitoringObjects(String region, Consumer<HouseholdRecord> sink) {
        exports.run(() -> streaming.query("""
                        SELECT record::text FROM household_status
                        WHERE region_code LIKE ? AND status IN ('RISK_NOT_ELIMINATED', 'RISK_ELIMINATED')
                        ORDER BY region_code, household_id""",
                (RowCallbackHandler) rs -> sink.accept(HouseholdStatusProjection.read(rs.getString(1))),
                Like.startsWith(region)));
    }
}
