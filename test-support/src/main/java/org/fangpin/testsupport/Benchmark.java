package org.fangpin.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.fangpin.contracts.value.IdNumber;

/**
 * What the benchmarks outside the test suite share: their printed lines, their clock, the bare {@code COPY} each
 * import is measured beside, and the ID numbers of their generated households.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void print(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
    }

    public static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /**
     * The seconds PostgreSQL takes to {@code COPY} the CSV file (a header line, then {@code columns} columns a row)
     * into an unlogged table of text columns: the least any import of the same rows could take.
     */
    public static double bareCopy(DataSource dataSource, byte[] csv, int columns) throws SQLException, IOException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNLOGGED TABLE bare_copy (" + IntStream.rangeClosed(1, columns)
                    .mapToObj(column -> "c" + column + " TEXT").collect(Collectors.joining(", ")) + ")");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)", new ByteArrayInputStream(csv));
            statement.execute("DROP TABLE bare_copy");
        }
        return secondsSince(start);
    }

    /**
     * A valid ID number of the Ewenki banner (150724), a different one for each {@code n} below 18,000,000: born
     * {@code n % 18,000} days after 1950-01-01, with {@code n / 18,000} as its sequence number.
     */
    public static String idNumber(int n) {
        String first17 = "150724" + LocalDate.of(1950, 1, 1).plusDays(n % 18_000)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n / 18_000);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
