package org.fangpin.monitoring.process.department;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated rows (RFC 4180 quoting, one record per line), UTF-8 unless the upload says otherwise; the byte
 * order mark Excel writes is skipped. A quoted field left open at the end of a line is kept as read, so the row
 * fails validation instead of swallowing the next line.
 */
final class CsvRows implements Rows {

    private final BufferedReader reader;
    private long lineNo;

    CsvRows(InputStream in, Charset charset) {
        this.reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    @Override
    public Row next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        } while (line.isBlank());
        return new Row(lineNo, split(line));
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>(8);
        if (line.indexOf('"') < 0) {
            int from = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
                cells.add(line.substring(from, comma).trim());
                from = comma + 1;
            }
            cells.add(line.substring(from).trim());
            return cells;
        }
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
        reader.close();
    }
}
