package io.localpack.vmm.edm;

import io.localpack.vmm.model.ComplexTypeDeclaration;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.NavigationDeclaration;
import io.localpack.vmm.model.PropertyDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.springframework.stereotype.Component;

/**
 * The VMM schema as SPF publishes it (namespace {@code VMM}), as far as LocalPack serves it: written from the entity
 * set declarations, in their bean order, and the complex types they use. This one model is the source of both the V4
 * and the V3 $metadata documents.
 */
@Component
public class VmmEdmProvider extends CsdlAbstractEdmProvider {

    public static final String CONTAINER_NAME = "VMM";
    public static final FullQualifiedName CONTAINER =
            new FullQualifiedName(EntitySetDeclaration.NAMESPACE, CONTAINER_NAME);

    private final Map<FullQualifiedName, CsdlEntityType> entityTypes = new LinkedHashMap<>();
    private final Map<FullQualifiedName, CsdlComplexType> complexTypes = new LinkedHashMap<>();
    private final Map<String, CsdlEntitySet> entitySets = new LinkedHashMap<>();

    public VmmEdmProvider(List<EntitySetDeclaration<?>> declarations) {
        Map<String, FullQualifiedName> typeOfSet = new LinkedHashMap<>();
        declarations.forEach(declaration -> typeOfSet.put(declaration.name(), declaration.typeName()));
        for (EntitySetDeclaration<?> declaration : declarations) {
            declaration.complexTypes().forEach(this::addComplexType);
            declaration.properties().forEach(this::addComplexTypesOf);
            define(declaration, typeOfSet);
        }
    }

    private void define(EntitySetDeclaration<?> declaration, Map<String, FullQualifiedName> typeOfSet) {
        List<CsdlNavigationProperty> navigations = new ArrayList<>();
        List<CsdlNavigationPropertyBinding> bindings = new ArrayList<>();
        for (NavigationDeclaration<?> navigation : declaration.navigations()) {
            FullQualifiedName target = typeOfSet.get(navigation.targetSet());
            if (target == null) {
                throw new IllegalStateException(declaration.name() + "/" + navigation.name()
                        + " leads to an undeclared entity set " + navigation.targetSet());
            }
            CsdlNavigationProperty property = new CsdlNavigationProperty().setName(navigation.name()).setType(target);
            navigations.add(navigation.collection() ? property.setCollection(true) : property.setNullable(true));
            bindings.add(new CsdlNavigationPropertyBinding().setPath(navigation.name())
                    .setTarget(navigation.targetSet()));
        }
        List<CsdlPropertyRef> keys = declaration.properties().stream().filter(PropertyDeclaration::key)
                .map(key -> new CsdlPropertyRef().setName(key.name())).toList();
        CsdlEntityType type = new CsdlEntityType().setName(declaration.typeName().getName())
                .setProperties(csdl(declaration.properties())).setKey(new ArrayList<>(keys));
        if (!navigations.isEmpty()) {
            type.setNavigationProperties(navigations);
        }
        entityTypes.put(declaration.typeName(), type);
        CsdlEntitySet set = new CsdlEntitySet().setName(declaration.name()).setType(declaration.typeName());
        if (!bindings.isEmpty()) {
            set.setNavigationPropertyBindings(bindings);
        }
        entitySets.put(declaration.name(), set);
    }

    /** Complex types a set does not list come in the order its properties first use them, nested ones first. */
    private void addComplexTypesOf(PropertyDeclaration<?> property) {
        if (property.complex() != null && !complexTypes.containsKey(property.complex().name())) {
            property.complex().members().forEach(this::addComplexTypesOf);
            addComplexType(property.complex());
        }
    }

    private void addComplexType(ComplexTypeDeclaration<?> type) {
        complexTypes.putIfAbsent(type.name(), new CsdlComplexType().setName(type.name().getName())
                .setProperties(csdl(type.members())));
    }

    private static <S> List<CsdlProperty> csdl(List<PropertyDeclaration<S>> properties) {
        List<CsdlProperty> csdl = new ArrayList<>();
        for (PropertyDeclaration<S> property : properties) {
            CsdlProperty p = new CsdlProperty().setName(property.name()).setType(property.typeName());
            if (property.collection()) {
                p.setCollection(true);
            }
            csdl.add(p.setNullable(property.nullable()));
        }
        return csdl;
    }

    // --- CsdlAbstractEdmProvider ---

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return entityTypes.get(name);
    }

    @Override
    public CsdlComplexType getComplexType(FullQualifiedName name) {
        return complexTypes.get(name);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        return CONTAINER.equals(container) ? entitySets.get(name) : null;
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER_NAME).setEntitySets(new ArrayList<>(entitySets.values()));
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        CsdlSchema schema = new CsdlSchema().setNamespace(EntitySetDeclaration.NAMESPACE);
        schema.setEntityTypes(new ArrayList<>(entityTypes.values()));
        schema.setComplexTypes(new ArrayList<>(complexTypes.values()));
        schema.setEntityContainer(getEntityContainer());
        return List.of(schema);
    }
}
