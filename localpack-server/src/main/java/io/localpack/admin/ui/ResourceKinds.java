package io.localpack.admin.ui;

import io.localpack.web.ControlPlaneRefusal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every {@link ResourceKind} bean, in page order. */
@Component
class ResourceKinds {

    private final List<ResourceKind> kinds;

    ResourceKinds(List<ResourceKind> kinds) {
        this.kinds = kinds.stream().sorted(Comparator.comparingInt(ResourceKind::order)
                .thenComparing(ResourceKind::key)).toList();
    }

    List<ResourceKind> all() {
        return kinds;
    }

    ResourceKind get(String key) {
        return kinds.stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow(() ->
                ControlPlaneRefusal.notFound("UnknownResourceKind", "kind", "No resource kind '" + key
                        + "'; known: " + kinds.stream().map(ResourceKind::key).toList()));
    }
}
