package io.localpack.vmm.odata;

import java.util.Map;

/** The part every binding states the same way: its entity set, its JPA type and its queryable properties. */
public abstract class EntitySetBindingBase<T> implements EntitySetBinding<T> {

    private final String entitySetName;
    private final Class<T> jpaType;
    private final Map<String, String> queryableProperties;

    protected EntitySetBindingBase(String entitySetName, Class<T> jpaType, Map<String, String> queryableProperties) {
        this.entitySetName = entitySetName;
        this.jpaType = jpaType;
        this.queryableProperties = queryableProperties;
    }

    // Not final: Spring may proxy a binding (e.g. for @Transactional), and a proxy must delegate these too.

    @Override
    public String entitySetName() {
        return entitySetName;
    }

    @Override
    public Class<T> jpaType() {
        return jpaType;
    }

    @Override
    public Map<String, String> queryableProperties() {
        return queryableProperties;
    }
}
