package io.localpack.vmm.model;

import io.localpack.vmm.common.VmmKey;
import java.util.Map;
import java.util.function.Function;

/**
 * A navigation property. The related entities are read through the target set's own declaration, so they are
 * tenant-scoped like any read.
 *
 * @param targetSet the entity set the navigation leads to
 * @param key single-valued: the key of the related entity, null when there is none
 * @param constraints collection-valued: the JPA attribute values that select the related rows of the target set
 */
public record NavigationDeclaration<T>(String name, String targetSet, Function<T, VmmKey> key,
        Function<T, Map<String, Object>> constraints) {

    public boolean collection() {
        return constraints != null;
    }
}
