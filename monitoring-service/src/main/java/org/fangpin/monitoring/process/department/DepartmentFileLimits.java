package org.fangpin.monitoring.process.department;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import org.fangpin.platform.tabular.TabularLimits;

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
 * @param maxLineLength     the longest CSV row, in characters; a longer one refuses the file
 * @param xlsx              the limits of a spreadsheet (see {@link TabularLimits.Xlsx})
 */
@ConfigurationProperties("fangpin.monitoring.department-files")
public record DepartmentFileLimits(Path spoolDirectory, Integer concurrentUploads, DataSize maxLineLength,
                                   TabularLimits.Xlsx xlsx) {

    public DepartmentFileLimits {
        spoolDirectory = spoolDirectory == null
                ? Path.of(System.getProperty("java.io.tmpdir"), "fangpin-monitoring-uploads") : spoolDirectory;
        concurrentUploads = concurrentUploads == null ? 2 : concurrentUploads;
        maxLineLength = maxLineLength == null ? DataSize.ofKilobytes(64) : maxLineLength;
        xlsx = xlsx == null ? new TabularLimits.Xlsx(null, null, null, null, null) : xlsx;
    }

    /** The limits of the platform's readers, refusing with the codes {@code DEPARTMENT_FILE_...}. */
    public TabularLimits tabular() {
        return new TabularLimits("DEPARTMENT_FILE", spoolDirectory, maxLineLength, xlsx);
    }
}
