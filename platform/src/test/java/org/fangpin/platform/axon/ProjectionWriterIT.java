package org.fangpin.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class ProjectionWriterIT {

    private static final String FIRST_VISIT = "INSERT INTO visit_tally (household_id, visits) VALUES (:id, 1)";
    private static final String TENFOLD = "UPDATE visit_tally SET visits = visits * 10 WHERE household_id = :id";
    private static final String ONE_MORE = "UPDATE visit_tally SET visits = visits + 1 WHERE household_id = :id";

    @Autowired
    ProjectionWriter writer;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS visit_tally (household_id TEXT PRIMARY KEY, visits INT NOT NULL)")
                .update();
    }

    @Test
    void writesWaitForTheEndOfTheUnitOfWorkAndKeepEachHouseholdsOrder() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        UnitOfWork<?> unitOfWork = transactionalUnitOfWork();

        write(first, FIRST_VISIT);
        write(second, FIRST_VISIT);
        write(first, TENFOLD);
        write(first, ONE_MORE);
        write(second, TENFOLD);
        Optional<Integer> beforeCommit = visits(first);
        unitOfWork.commit();

        assertThat(beforeCommit).isEmpty();
        assertThat(visits(first)).contains(11);
        assertThat(visits(second)).contains(10);
    }

    @Test
    void aWriteOutsideAUnitOfWorkRunsAtOnce() {
        String household = UUID.randomUUID().toString();

        write(household, FIRST_VISIT);

        assertThat(visits(household)).contains(1);
    }

    @Test
    void aFailingWriteLeavesNothingOfItsUnitOfWork() {
        String household = UUID.randomUUID().toString();
        UnitOfWork<?> unitOfWork = transactionalUnitOfWork();

        write(household, FIRST_VISIT);
        write(household, TENFOLD);
        write(household, FIRST_VISIT);

        assertThatThrownBy(unitOfWork::commit).hasMessageContaining("visit_tally");
        assertThat(visits(household)).isEmpty();
    }

    private UnitOfWork<?> transactionalUnitOfWork() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        return unitOfWork;
    }

    private void write(String household, String sql) {
        writer.write(household, sql, new MapSqlParameterSource("id", household));
    }

    private Optional<Integer> visits(String household) {
        return jdbc.sql("SELECT visits FROM visit_tally WHERE household_id = :id").param("id", household)
                .query(Integer.class).optional();
    }
}
