package org.fangpin.platform.imports;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

import org.fangpin.platform.web.RuleViolation;

/**
 * Writes an import's units (a household's commands, say) in batches, each batch one unit of work and one short
 * database transaction (DESIGN.md, silent skips). A batch that fails is rolled back and its units written one by
 * one, so a unit the rules refuse now cannot cost its neighbours; a unit is written whole or not at all.
 */
public final class ImportBatches {

    private static final Logger log = LoggerFactory.getLogger(ImportBatches.class);

    private ImportBatches() {
    }

    /**
     * @param rows    the rows of the file a unit holds, counted into the progress as written when it committed
     * @param send    sends a unit's commands (within the current unit of work)
     * @param written called for each unit written, after its transaction committed
     * @param refused called for each unit refused, with the rule that spoke; a failure that is not a rule's
     *                refusal is thrown after its batch was rolled back
     * @param writtenMeanwhile the code a unit is refused with when, written alone, it collides on a unique key with
     *                a row someone else wrote meanwhile (the read model's writes reach the database when the unit of
     *                work commits); {@code null} when the service has no such key
     */
    public static <W> void write(String fileName, List<W> units, int batchSize, TransactionManager transactions,
                                 ImportProgress progress, ToIntFunction<W> rows, Consumer<W> send,
                                 Consumer<W> written, BiConsumer<W, RuleViolation> refused, String writtenMeanwhile) {
        progress.writing();
        Consumer<W> committed = written.andThen(unit -> progress.written(rows.applyAsInt(unit)));
        for (int from = 0; from < units.size(); from += batchSize) {
            List<W> batch = units.subList(from, Math.min(units.size(), from + batchSize));
            try {
                inOneUnitOfWork(batch, transactions, send);
                batch.forEach(committed);
            } catch (RuntimeException batchFailed) {
                for (W unit : batch) {
                    try {
                        inOneUnitOfWork(List.of(unit), transactions, send);
                        committed.accept(unit);
                    } catch (RuleViolation violation) {
                        refused.accept(unit, violation);
                    } catch (RuntimeException failed) {
                        if (writtenMeanwhile == null || !collides(failed)) {
                            throw failed;
                        }
                        refused.accept(unit, RuleViolation.conflict(writtenMeanwhile));
                    }
                }
            }
            if ((from / batchSize) % 40 == 39) {
                log.info("Import {}: {} of {} written", fileName, from + batch.size(), units.size());
            }
        }
    }

    private static boolean collides(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static <W> void inOneUnitOfWork(List<W> batch, TransactionManager transactions, Consumer<W> send) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            batch.forEach(send);
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }
}
