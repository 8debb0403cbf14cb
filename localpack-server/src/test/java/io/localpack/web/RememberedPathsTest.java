package io.localpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept per path stays bounded: no path longer than the limit, never more paths than the count. */
class RememberedPathsTest {

    private final RememberedPaths<String> paths = new RememberedPaths<>();

    @Test
    void keepsAnAnswerPerPath() {
        paths.put("/a", "A");
        assertThat(paths.get("/a")).isEqualTo("A");
        assertThat(paths.get("/b")).isNull();
        paths.clear();
        assertThat(paths.get("/a")).isNull();
    }

    @Test
    void aPathLongerThanTheLimitIsNotKept() {
        String longest = "/" + "a".repeat(RememberedPaths.PATH_LENGTH - 1);
        paths.put(longest, "kept");
        paths.put(longest + "a", "too long");
        assertThat(paths.get(longest)).isEqualTo("kept");
        assertThat(paths.get(longest + "a")).isNull();
    }

    @Test
    void isEmptiedWhenFull() {
        for (int i = 0; i < RememberedPaths.COUNT; i++) {
            paths.put("/" + i, "x");
        }
        assertThat(paths.get("/0")).isEqualTo("x");
        paths.put("/one-more", "y");
        assertThat(paths.get("/0")).isNull();
        assertThat(paths.get("/one-more")).isEqualTo("y");
    }
}
