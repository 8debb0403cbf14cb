package io.localpack.readcache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Gives a read's answer again, byte for byte, to the same request while the data has not changed since it was
 * written (issue 20: a primary-key read through Hibernate and Olingo costs several times what the stack around it
 * does). An answer is kept under the {@link DataVersion} read before it was made, so it shows that version's data
 * or newer, and is given only while the version read for the next request is still that one: any commit that may
 * have written, on any instance sharing the database, ends it. The key is everything the answer may depend on: the
 * caller, the URL as the client addressed it, and the request's headers but for credentials and per-request ids.
 * Only what the answering code allows ({@link AnswerReuse}) is kept, and only 200s. Answers of older versions are
 * dropped when the first answer of a newer one is kept; all are dropped when the size limit would be passed.
 */
@Component
public class ReusableAnswers {

    /** Headers that do not change an answer but change with every request or credential. */
    private static final Set<String> NOT_IN_KEY = Set.of("authorization", "cookie", "x-ms-client-request-id",
            "client-request-id", "request-id", "x-request-id", "traceparent", "tracestate", "connection",
            "keep-alive", "content-length");

    /** What the application does with a request, given where to write and whether its answer may be reused. */
    @FunctionalInterface
    public interface Answering {
        void answer(HttpServletRequest request, HttpServletResponse response, AnswerReuse reuse) throws IOException;
    }

    private final DataVersion version;
    private final long maxBytes;
    private final Map<String, Kept> answers = new ConcurrentHashMap<>();
    private final LongAdder given = new LongAdder();
    private long keptBytes;
    private long keptVersion = -1;

    /** @param value a {@link StoredAnswer}, or a document kept by {@link #document} (never handed out to be changed) */
    private record Kept(long version, Object value, long size) {
    }

    ReusableAnswers(DataSource dataSource, @Value("${localpack.read-cache.size:8MB}") DataSize size) {
        VersionedDataSource versioned = unwrap(dataSource);
        this.version = versioned == null ? null : versioned.version();
        this.maxBytes = versioned == null ? 0 : Math.max(0, size.toBytes());
        if (versioned != null) {
            versioned.onVersionLost(this::clear);
        }
    }

    private static VersionedDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(VersionedDataSource.class) ? dataSource.unwrap(VersionedDataSource.class)
                    : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    /**
     * Answers a request: with a kept answer when there is one for it at the current data version, else through
     * {@code answering}, keeping its answer when allowed.
     *
     * @param caller who is asking, as the answer may depend on it (null when nobody said)
     */
    public void serve(HttpServletRequest request, HttpServletResponse response, String caller, Answering answering)
            throws IOException {
        boolean plainRead = "GET".equals(request.getMethod()) && request.getContentLengthLong() <= 0
                && request.getHeader("Transfer-Encoding") == null;
        OptionalLong now = plainRead ? versionNow() : OptionalLong.empty();
        if (now.isEmpty()) {
            answering.answer(request, response, new AnswerReuse());
            return;
        }
        String key = keyOf(request, caller);
        StoredAnswer kept = kept(key, now.getAsLong(), StoredAnswer.class);
        if (kept != null) {
            kept.writeTo(response);
            return;
        }
        AnswerRecorder recorder = new AnswerRecorder(response, (int) Math.min(Integer.MAX_VALUE, maxBytes / 8));
        AnswerReuse reuse = new AnswerReuse();
        answering.answer(request, recorder, reuse);
        if (reuse.allowed()) {
            recorder.recorded().ifPresent(answer -> keep(key, now.getAsLong(), answer, answer.size()));
        }
    }

    /**
     * A document made from the data alone (an ASM answer's XML, before Spring MVC writes it), encoded: the kept one
     * while the data has not changed, else made and kept. What {@code make} throws is thrown and nothing is kept.
     *
     * @param key everything the document depends on, the subscription first
     */
    public byte[] document(String key, Supplier<byte[]> make) {
        OptionalLong now = versionNow();
        if (now.isEmpty()) {
            return make.get();
        }
        String documentKey = "document\n" + key;
        byte[] kept = kept(documentKey, now.getAsLong(), byte[].class);
        if (kept != null) {
            return kept;
        }
        byte[] document = make.get();
        if (document.length <= maxBytes / 8) {
            keep(documentKey, now.getAsLong(), document, document.length + 64L);
        }
        return document;
    }

    /** The data version now; empty when nothing is kept (turned off, or no version to be had). */
    private OptionalLong versionNow() {
        return maxBytes == 0 ? OptionalLong.empty() : version.current();
    }

    /** The value kept under {@code key} for this version, counted as given; null when there is none. */
    private <T> T kept(String key, long atVersion, Class<T> type) {
        Kept kept = answers.get(key);
        if (kept == null || kept.version != atVersion || !type.isInstance(kept.value)) {
            return null;
        }
        given.increment();
        return type.cast(kept.value);
    }

    private synchronized void keep(String key, long atVersion, Object value, long valueSize) {
        if (atVersion < keptVersion) {
            return; // made from data older than answers already kept
        }
        if (atVersion > keptVersion) {
            clear();
            keptVersion = atVersion;
        }
        long size = valueSize + 2L * key.length();
        if (keptBytes + size > maxBytes) {
            clear();
        }
        Kept previous = answers.put(key, new Kept(atVersion, value, size));
        keptBytes += size - (previous == null ? 0 : previous.size);
    }

    synchronized void clear() {
        answers.clear();
        keptBytes = 0;
    }

    /** How many answers are kept now. */
    int size() {
        return answers.size();
    }

    /** How many requests were answered with a kept answer since the start. */
    long given() {
        return given.sum();
    }

    static String keyOf(HttpServletRequest request, String caller) {
        StringBuilder key = new StringBuilder(512).append(caller).append('\n').append(request.getRequestURL());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement().toLowerCase(Locale.ROOT);
            if (NOT_IN_KEY.contains(name)) {
                continue;
            }
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                key.append('\n').append(name).append(':').append(values.nextElement());
            }
        }
        return key.toString();
    }
}
