package org.fangpin.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangpin.platform.web.RuleViolation;

/**
 * Comma-separated rows (RFC 4180: a quoted cell may hold commas, quotes written twice and line breaks) in UTF-8, GBK
 * or another charset that writes the ASCII delimiters as single bytes; the byte order mark Excel writes is skipped,
 * cells are trimmed and blank rows left out (their lines still counted; a row is numbered by its first line). Rows
 * are cut and split as bytes and only each cell is decoded, so a file of a million rows is never turned into text
 * line by line: Apache Commons CSV, which decodes everything first, read the benchmark's file four times slower
 * (docs/decisions/0041). A quote left open swallows rows only up to the limit, or makes the file unreadable at its
 * end. A row longer than the limit refuses the file ({@code <codes>_LINE_TOO_LONG}) instead of growing the buffer
 * without end.
 */
public final class CsvRows implements Rows {

    private static final byte[] DELIMITERS = {',', '"', '\r', '\n'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final Charset charset;
    private final TabularLimits limits;
    private final long maxLineLength;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean afterCarriageReturn;
    private long lineNo;

    public CsvRows(InputStream in, Charset charset, TabularLimits limits) {
        this.in = in;
        this.charset = charset;
        this.limits = limits;
        this.maxLineLength = limits.maxLineLength().toBytes();
    }

    /** Whether the delimiters are single ASCII bytes in this charset, as the rows are cut before decoding. */
    public static boolean supports(Charset charset) {
        return Arrays.equals(new String(DELIMITERS, StandardCharsets.US_ASCII).getBytes(charset), DELIMITERS);
    }

    @Override
    public Row next() throws IOException {
        while (true) {
            if (afterCarriageReturn && available() && buffer[position] == '\n') {
                position++;
            }
            afterCarriageReturn = false;
            int end = lineEnd();
            if (end < 0) {
                return null;
            }
            int from = position;
            if (end < limit) {
                afterCarriageReturn = buffer[end] == '\r';
                position = end + 1;
            } else {
                position = end;
            }
            lineNo++;
            long first = lineNo;
            lineNo += breaks(from, end);
            if (first == 1 && charset.equals(StandardCharsets.UTF_8)
                    && Arrays.equals(buffer, from, Math.min(from + 3, end), UTF8_BOM, 0, 3)) {
                from += 3;
            }
            if (!blank(from, end)) {
                return new Row(first, split(from, end));
            }
        }
    }

    /** Whether a byte is at {@code position}, reading more when needed. */
    private boolean available() throws IOException {
        return position < limit || fill();
    }

    /**
     * The end of the row at {@code position} (the first line end outside quotes, or the end of the input), or -1 at
     * the end; a quote still open at the end of the input makes the file unreadable.
     */
    private int lineEnd() throws IOException {
        int scanned = position;
        boolean quoted = false;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    return i;
                }
            }
            scanned = limit - position;
            if (!fill()) {
                if (quoted) {
                    throw new IOException("a quoted cell is left open at the end of the file");
                }
                return position < limit ? limit : -1;
            }
            scanned += position;
        }
    }

    /** The line ends inside a row (in its quoted cells): \r\n, \n or \r. */
    private int breaks(int from, int to) {
        int breaks = 0;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r' && (i + 1 == to || buffer[i + 1] != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    /**
     * Moves the unread bytes, the start of the line being read, to the front (growing the buffer for a long line)
     * and reads more after them.
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int unread = limit - position;
        if (unread > maxLineLength) {
            throw RuleViolation.of(limits.code("LINE_TOO_LONG"), lineNo + 1, maxLineLength >> 10);
        }
        if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        System.arraycopy(buffer, position, buffer, 0, unread);
        position = 0;
        limit = unread;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        limit += read;
        return true;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] < 0 || buffer[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    private List<String> split(int from, int to) {
        List<String> cells = new ArrayList<>(8);
        int start = from;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '"') {
                return quoted(new String(buffer, from, to - from, charset));
            }
            if (buffer[i] == ',') {
                cells.add(new String(buffer, start, i - start, charset).trim());
                start = i + 1;
            }
        }
        cells.add(new String(buffer, start, to - start, charset).trim());
        return cells;
    }

    /** A line with quotes, split as text. */
    private static List<String> quoted(String line) {
        List<String> cells = new ArrayList<>(8);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
