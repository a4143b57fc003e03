package org.fangpin.platform.tabular;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import org.fangpin.platform.web.RuleViolation;

/**
 * The rows of an uploaded table (CSV or the first sheet of an XLSX workbook), read one at a time so that a file of
 * any size needs little memory. Department files and the go-live imports are read through it.
 */
public interface Rows extends AutoCloseable {

    /** One row: its line number in the file (the spreadsheet's row number for XLSX) and its cells as text. */
    record Row(long lineNo, List<String> cells) {
    }

    /** @return the next row, or {@code null} at the end */
    Row next() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * The limit a file broke, wherever in the reading it was found (the XML parser wraps what its input threw), or
     * nothing when the file is merely unreadable.
     */
    static Optional<RuleViolation> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause instanceof XMLStreamException xml
                && xml.getCause() == null ? xml.getNestedException() : cause.getCause()) {
            if (cause instanceof RuleViolation refused) {
                return Optional.of(refused);
            }
            if (cause instanceof XlsxRows.LimitExceeded exceeded) {
                return Optional.of(exceeded.refusal());
            }
        }
        return Optional.empty();
    }
}
