package org.fangpin.identification.config;

import java.util.Comparator;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.identification.config.IdentificationProperties.ObjectModel;

/**
 * The monitoring-object model a region runs (see docs/decisions/0005-identification-object-models.md): the types its
 * county decision offers. The most specific configured prefix of the region wins; without one, every type.
 */
@Component
public class ObjectModels {

    private static final ObjectModel NATIONAL = new ObjectModel("", "防止返贫动态监测",
            Arrays.stream(ObjectType.values()).filter(ObjectType::preventionOfReturnToPoverty).toList());

    private final List<ObjectModel> models;

    ObjectModels(IdentificationProperties properties) {
        this.models = properties.objectModels();
    }

    public ObjectModel of(String regionCode) {
        return models.stream()
                .filter(model -> regionCode.startsWith(model.regionPrefix()))
                .max(Comparator.comparingInt(model -> model.regionPrefix().length()))
                .orElse(NATIONAL);
    }
}
