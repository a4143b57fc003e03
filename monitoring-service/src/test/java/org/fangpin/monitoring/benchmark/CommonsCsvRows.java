package org.fangpin.monitoring.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.fangpin.platform.tabular.Rows;
import org.fangpin.platform.tabular.TabularLimits;
import org.fangpin.platform.web.RuleViolation;

/**
 * The department files' rows read by Apache Commons CSV instead of the platform's {@code CsvRows}, kept for the
 * benchmark's side-by-side figure (docs/decisions/0041). Comma-separated rows read by Apache Commons CSV (RFC 4180: a quoted cell may hold commas, quotes written twice and
 * line breaks) in UTF-8, GBK or another charset that writes the ASCII delimiters as single bytes; the byte order
 * mark Excel writes is skipped, cells are trimmed and blank rows left out (their lines still counted). A row longer
 * than {@link TabularLimits#maxLineLength()} characters refuses the file ({@code <codes>_LINE_TOO_LONG}) before it
 * is held in memory, so that a quote left open cannot swallow the rest of a large file; a quote left open at the
 * end of the file makes it unreadable.
 */
final class CommonsCsvRows implements Rows {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Commons CSV reads ahead by at most its buffer: a row is measured to within this many characters. */
    private static final int READ_AHEAD = 8192;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private final TabularLimits limits;
    private final Measured reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long nextLine = 1;

    CommonsCsvRows(InputStream in, Charset charset, TabularLimits limits) throws IOException {
        this.limits = limits;
        this.reader = new Measured(new InputStreamReader(withoutBom(in, charset), charset),
                limits.maxLineLength().toBytes() + READ_AHEAD);
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    @Override
    public Row next() throws IOException {
        try {
            while (true) {
                long line = nextLine;
                reader.startRow(line);
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                nextLine = parser.getCurrentLineNumber() + 1;
                List<String> cells = new ArrayList<>(record.size());
                boolean blank = true;
                for (String cell : record) {
                    cells.add(cell);
                    blank &= cell.isEmpty();
                }
                if (!blank) {
                    return new Row(line, cells);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static InputStream withoutBom(InputStream in, Charset charset) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            buffered.mark(3);
            byte[] start = buffered.readNBytes(3);
            if (!Arrays.equals(start, UTF8_BOM)) {
                buffered.reset();
            }
        }
        return buffered;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Counts the characters the parser takes since the row it is reading began: past the limit (and the parser's
     * read-ahead) the file is refused.
     */
    private final class Measured extends Reader {

        private final Reader in;
        private final long limit;
        private long sinceRow;
        private long row;

        Measured(Reader in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        void startRow(long line) {
            sinceRow = 0;
            row = line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                sinceRow += n;
                if (sinceRow > limit) {
                    throw RuleViolation.of(limits.codes() + "_LINE_TOO_LONG", row,
                            limits.maxLineLength().toKilobytes());
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
