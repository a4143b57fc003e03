package org.fangpin.platform.tabular;

import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/**
 * What an uploaded table may hold and where a spreadsheet is written to disk while it is read (OWASP API4: no file
 * reaches beyond these). A file beyond a limit is refused with the code {@code <codes>_<LIMIT>}, e.g.
 * {@code DEPARTMENT_FILE_LINE_TOO_LONG} or {@code IMPORT_FILE_LINE_TOO_LONG}, so that each kind of file speaks of
 * itself in its messages.
 *
 * @param codes          the prefix of the refusals' codes: {@code DEPARTMENT_FILE}, {@code IMPORT_FILE}
 * @param spoolDirectory where a spreadsheet (a zip, read from disk) is written while it is read
 * @param maxLineLength  the longest CSV row, in characters (a quoted cell may span lines); a longer one refuses the
 *                       file
 * @param xlsx           the limits of a spreadsheet
 */
public record TabularLimits(String codes, Path spoolDirectory, DataSize maxLineLength, Xlsx xlsx) {

    public TabularLimits {
        codes = codes == null ? "IMPORT_FILE" : codes;
        spoolDirectory = spoolDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : spoolDirectory;
        maxLineLength = maxLineLength == null ? DataSize.ofKilobytes(64) : maxLineLength;
        xlsx = xlsx == null ? new Xlsx(null, null, null, null, null) : xlsx;
    }

    /** The refusal of a file beyond one of these limits. */
    String code(String limit) {
        return codes + "_" + limit;
    }

    /**
     * @param maxRows                   rows of the first sheet, the header included (Excel's own limit: 1,048,576)
     * @param maxColumns                columns a row may reach (the files read here need a few dozen at most;
     *                                  Excel allows 16,384)
     * @param maxSharedStrings          texts in the workbook's shared-string table, which is held in memory
     * @param maxSharedStringCharacters characters of all shared strings together
     * @param maxUncompressedSize       bytes the sheet and the shared strings may unpack to (a zip bomb stops here)
     */
    public record Xlsx(Integer maxRows, Integer maxColumns, Integer maxSharedStrings,
                       Long maxSharedStringCharacters, DataSize maxUncompressedSize) {

        public Xlsx {
            maxRows = maxRows == null ? 1_048_576 : maxRows;
            maxColumns = maxColumns == null ? 256 : maxColumns;
            maxSharedStrings = maxSharedStrings == null ? 1_048_576 : maxSharedStrings;
            maxSharedStringCharacters = maxSharedStringCharacters == null ? 32L << 20 : maxSharedStringCharacters;
            maxUncompressedSize = maxUncompressedSize == null ? DataSize.ofGigabytes(1) : maxUncompressedSize;
        }
    }
}
