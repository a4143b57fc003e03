package org.fangpin.monitoring.process.department;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a department file may hold and where its upload may be written to disk (OWASP API4: no upload reaches beyond
 * these). The largest file accepted at all is the platform's limit for the upload path
 * ({@code fangpin.web.large-request-bodies}), answered with 413 before the file is read.
 *
 * @param spoolDirectory    the one directory uploads are written to while they are read: a spreadsheet (a zip, read
 *                          from disk) and a multipart form's file; emptied at start, so it holds at most
 *                          {@code concurrentUploads} times two files of the largest size accepted
 * @param concurrentUploads department files received at once; another upload meanwhile gets 503
 *                          {@code DEPARTMENT_UPLOADS_BUSY} and tries again later
 * @param maxLineLength     the longest CSV line (one row); a longer one refuses the file
 * @param xlsx              the limits of a spreadsheet
 */
@ConfigurationProperties("fangpin.monitoring.department-files")
public record DepartmentFileLimits(Path spoolDirectory, Integer concurrentUploads, DataSize maxLineLength,
                                   Xlsx xlsx) {

    public DepartmentFileLimits {
        spoolDirectory = spoolDirectory == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "fangpin-monitoring-uploads") : spoolDirectory;
        concurrentUploads = concurrentUploads == null ? 2 : concurrentUploads;
        maxLineLength = maxLineLength == null ? DataSize.ofKilobytes(64) : maxLineLength;
        xlsx = xlsx == null ? new Xlsx(null, null, null, null, null) : xlsx;
    }

    /**
     * @param maxRows                   rows of the first sheet, the header included (Excel's own limit: 1,048,576)
     * @param maxColumns                columns a row may reach (a department file needs a handful; Excel allows
     *                                  16,384)
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
