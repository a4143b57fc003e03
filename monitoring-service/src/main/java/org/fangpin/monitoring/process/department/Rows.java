package org.fangpin.monitoring.process.department;

import java.io.IOException;
import java.util.List;

/** The rows of an uploaded file, read one at a time so that a file of any size needs little memory. */
interface Rows extends AutoCloseable {

    /** One row: its line number in the file (the spreadsheet's row number for XLSX) and its cells as text. */
    record Row(long lineNo, List<String> cells) {
    }

    /** @return the next row, or {@code null} at the end */
    Row next() throws IOException;

    @Override
    void close() throws IOException;
}
