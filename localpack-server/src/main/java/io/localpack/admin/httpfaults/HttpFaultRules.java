package io.localpack.admin.httpfaults;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The HTTP fault rules of this instance, in the order they were added (in memory: a restart clears them). */
@Component
public class HttpFaultRules {

    private final List<HttpFaultRule> rules = new CopyOnWriteArrayList<>();

    void add(HttpFaultRule rule) {
        rules.add(rule);
    }

    List<HttpFaultRule> list() {
        return List.copyOf(rules);
    }

    boolean remove(UUID id) {
        return rules.removeIf(r -> r.id().equals(id));
    }

    int clear() {
        int n = rules.size();
        rules.clear();
        return n;
    }

    /** The first matching rule that fires for this request; every matching rule before it drew once too. */
    Optional<HttpFaultRule> fire(String method, String path, UUID subscription) {
        for (HttpFaultRule rule : rules) {
            if (rule.matches(method, path, subscription) && rule.draw()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }
}
