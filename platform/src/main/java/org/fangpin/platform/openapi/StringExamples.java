package org.fangpin.platform.openapi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Keeps the examples of text fields text. swagger-core reads an annotation's {@code example = "150724213201"} as
 * the number 150724213201 even on a {@code String} (a region code, an ID number), an example that does not
 * validate against its own schema; fixed only in swagger-core 2.2.43, newer than springdoc 2.8 brings.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class StringExamples implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> fix(schema, seen));
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().stream()
                    .filter(operation -> operation.getParameters() != null)
                    .forEach(operation -> operation.getParameters()
                            .forEach(parameter -> fix(parameter.getSchema(), seen))));
        }
    }

    private static void fix(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if ("string".equals(schema.getType()) && schema.getExample() instanceof Number number) {
            schema.setExample(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(property -> fix(property, seen));
        }
        fix(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema values) {
            fix(values, seen);
        }
    }
}
