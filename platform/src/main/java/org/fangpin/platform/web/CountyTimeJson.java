package org.fangpin.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times in API responses are ISO-8601 with the county's offset ({@code 2026-03-05T09:30:00+08:00}), the way users
 * read them and the timeline and event log write them; a moment is the same whatever the offset. Only the HTTP
 * responses' mapper is changed: stored events and Kafka envelopes keep their own form.
 */
class CountyTimeJson implements WebMvcConfigurer {

    static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(withCountyTime(json.getObjectMapper()));
            }
        }
    }

    static ObjectMapper withCountyTime(ObjectMapper mapper) {
        SimpleModule countyTime = new SimpleModule("county-time");
        countyTime.addSerializer(Instant.class, new CountyTime<>(Instant.class) {
            @Override
            OffsetDateTime inCountyTime(Instant value) {
                return value.atZone(COUNTY_TIME).toOffsetDateTime();
            }
        });
        countyTime.addSerializer(OffsetDateTime.class, new CountyTime<>(OffsetDateTime.class) {
            @Override
            OffsetDateTime inCountyTime(OffsetDateTime value) {
                return value.atZoneSameInstant(COUNTY_TIME).toOffsetDateTime();
            }
        });
        return mapper.copy().registerModule(countyTime);
    }

    private abstract static class CountyTime<T> extends StdSerializer<T> {

        CountyTime(Class<T> type) {
            super(type);
        }

        abstract OffsetDateTime inCountyTime(T value);

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(inCountyTime(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }
}
