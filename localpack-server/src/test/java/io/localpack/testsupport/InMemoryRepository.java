package io.localpack.testsupport;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Spring Data repository interface answered from a map, for domain tests without a database: {@code findById},
 * {@code save} and {@code delete}, plus the named query methods a test supplies. Any other call fails loudly, so a
 * test never passes on a method it did not mean to use.
 */
public final class InMemoryRepository {

    private InMemoryRepository() {
    }

    /** A repository over {@code rows}, keyed by {@code keyOf}; {@code queries} answer further methods by name. */
    public static <R, T, K> R of(Class<R> type, Map<K, T> rows, Function<T, K> keyOf,
            Map<String, Function<Object[], Object>> queries) {
        Object repository = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "findById":
                            return Optional.ofNullable(rows.get(args[0]));
                        case "save":
                            @SuppressWarnings("unchecked") T saved = (T) args[0];
                            rows.put(keyOf.apply(saved), saved);
                            return saved;
                        case "delete":
                            @SuppressWarnings("unchecked") T deleted = (T) args[0];
                            rows.remove(keyOf.apply(deleted));
                            return null;
                        case "toString":
                            return "in-memory " + type.getSimpleName();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            Function<Object[], Object> query = queries.get(method.getName());
                            if (query == null) {
                                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                                        + " is not expected in this test");
                            }
                            return query.apply(args);
                    }
                });
        return type.cast(repository);
    }

    /** A repository the code under test must not touch: every call fails. */
    public static <R> R unused(Class<R> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                    + " is not expected in this test");
        }));
    }
}
