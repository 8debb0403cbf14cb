package io.localpack.vmm.odata;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.query.QueryErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.springframework.stereotype.Component;

/** The entity set declarations (every bean of that type), by the name of their set. */
@Component
public class DeclaredEntitySets {

    private final Map<String, EntitySetDeclaration<?>> byName;

    public DeclaredEntitySets(List<EntitySetDeclaration<?>> declarations) {
        this.byName = declarations.stream()
                .collect(Collectors.toMap(EntitySetDeclaration::name, Function.identity()));
    }

    public EntitySetDeclaration<?> of(EdmEntitySet entitySet) throws ODataApplicationException {
        EntitySetDeclaration<?> declaration = byName.get(entitySet.getName());
        if (declaration == null) {
            throw QueryErrors.notFound("Entity set " + entitySet.getName() + " is not served");
        }
        return declaration;
    }

    /** How tenants write to the set; a read-only set answers 405. */
    public WritableEntitySet writableOf(EdmEntitySet entitySet) throws ODataApplicationException {
        return of(entitySet).writes().orElseThrow(() -> new ODataApplicationException(
                entitySet.getName() + " is read-only", HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(),
                Locale.ENGLISH, "MethodNotAllowed"));
    }
}
