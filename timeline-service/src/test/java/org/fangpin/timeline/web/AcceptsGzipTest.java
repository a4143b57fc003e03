package org.fangpin.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Accept-Encoding headers get a timeline gzip-compressed (RFC 9110 12.5.3). */
class AcceptsGzipTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "gzip, deflate, br, zstd|true",
            "GZIP|true",
            "x-gzip|true",
            "br;q=1.0, gzip;q=0.8|true",
            "*|true",
            "identity|false",
            "br|false",
            "gzip;q=0|false",
            "gzip; q=0.000|false",
            "*;q=1, gzip;q=0|false",
            "gzip;q=zero|false",
            "NULL|false"})
    void gzipWhenTheClientAcceptsItWithAQualityAboveZero(String acceptEncoding, boolean gzip) {
        assertThat(TimelineController.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
    }
}
