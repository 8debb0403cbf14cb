package io.localpack.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers that depend on a request path alone, kept for the paths seen last: clients repeat paths (a job polled, an
 * entity read again). Bounded in count (emptied when full) and in path length, so that hostile paths cannot make it
 * large; a path too long to keep is answered anew each time.
 */
final class RememberedPaths<V> {

    static final int COUNT = 1024;
    static final int PATH_LENGTH = 512;

    private final Map<String, V> answers = new ConcurrentHashMap<>();

    /** The answer kept for the path, or null. */
    V get(String path) {
        return answers.get(path);
    }

    void put(String path, V answer) {
        if (path.length() > PATH_LENGTH) {
            return;
        }
        if (answers.size() >= COUNT) {
            answers.clear();
        }
        answers.put(path, answer);
    }

    void clear() {
        answers.clear();
    }
}
