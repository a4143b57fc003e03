package org.fangpin.timeline.query;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The monitoring ledger (监测对象台账): every monitoring object of a region, streamed by village and household. */
@Component
public class LedgerQueries {

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    LedgerQueries(DataSource dataSource, PlatformTransactionManager transactions) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void monitoringObjects(String region, Consumer<HouseholdRecord> sink) {
        readOnly.executeWithoutResult(status -> streaming.query("""
                        SELECT record::text FROM household_status
                        WHERE region_code LIKE ? AND status IN ('RISK_NOT_ELIMINATED', 'RISK_ELIMINATED')
                        ORDER BY region_code, household_id""",
                (RowCallbackHandler) rs -> sink.accept(HouseholdStatusProjection.read(rs.getString(1))), region + "%"));
    }
}
