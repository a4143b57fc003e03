package org.fangpin.platform.axon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of a projection's event handlers, sent to PostgreSQL together once the handlers have seen their whole
 * batch of events (for a subscribing processor: every event of the command's unit of work, a village officer's
 * month for a hundred households included), as JDBC batches of the same statement: a handful of round trips
 * instead of one per write.
 * <p>
 * Each write names the key whose rows it touches (the household). Writes about one key run in the order they were
 * made; writes about different keys must never touch the same rows, so that grouping them changes nothing. They run
 * in the transaction of the unit of work, before it commits; a write made outside a unit of work runs at once.
 */
public class ProjectionWriter {

    private static final String PENDING_WRITES = ProjectionWriter.class.getName() + ".pending";

    private final NamedParameterJdbcOperations jdbc;

    public ProjectionWriter(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void write(String key, String sql, SqlParameterSource parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, parameters);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(PENDING_WRITES, name -> {
            Pending pending = new Pending();
            unitOfWork.onPrepareCommit(done -> pending.flush(jdbc));
            return pending;
        }).add(key, sql, parameters);
    }

    /**
     * The writes waiting for the end of a batch, in layers: a key's n-th write is in the n-th layer, so a layer
     * holds at most one write per key, and running the layers one after the other keeps each key's order.
     */
    private static final class Pending {

        private final Map<String, Integer> writesPerKey = new HashMap<>();
        private final List<Map<String, List<SqlParameterSource>>> layers = new ArrayList<>();

        void add(String key, String sql, SqlParameterSource parameters) {
            int layer = writesPerKey.merge(key, 1, Integer::sum) - 1;
            if (layers.size() == layer) {
                layers.add(new LinkedHashMap<>());
            }
            layers.get(layer).computeIfAbsent(sql, statement -> new ArrayList<>()).add(parameters);
        }

        void flush(NamedParameterJdbcOperations jdbc) {
            for (Map<String, List<SqlParameterSource>> layer : layers) {
                layer.forEach((sql, parameters) -> {
                    if (parameters.size() == 1) {
                        jdbc.update(sql, parameters.get(0));
                    } else {
                        jdbc.batchUpdate(sql, parameters.toArray(SqlParameterSource[]::new));
                    }
                });
            }
            layers.clear();
            writesPerKey.clear();
        }
    }
}
