package io.localpack.admin.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.admin.journal.JournalEntry;
import io.localpack.admin.journal.RequestJournal;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's Server-Sent Events: one stream per open page. Events: {@code request} (a journal entry's summary,
 * as it is recorded), {@code job} (a job's status, progress, step or error changed; from {@link JobWatcher}),
 * {@code state} (the database was reset, restored or loaded, by anyone), {@code tick} (every second: requests and
 * finished jobs in that second, for the overview's charts; also keeps proxies from closing an idle stream).
 *
 * <p>A stream opens with a comment at once: an {@link SseEmitter} sends no headers before its first write, and a
 * browser's {@code EventSource} does not open until it sees them. Streams are completed when the context closes, so
 * the server's graceful shutdown does not wait for pages that never hang up.
 */
@Component
public class DashboardEvents {

    private static final Logger log = LoggerFactory.getLogger(DashboardEvents.class);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requestsThisSecond = new AtomicInteger();
    private final AtomicInteger jobsThisSecond = new AtomicInteger();
    private final RateHistory history = new RateHistory(60);
    private volatile boolean closed;

    DashboardEvents(ObjectMapper json, RequestJournal journal) {
        this.json = json;
        journal.onAdd(this::recorded);
        clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A new stream for one page, open at once. */
    SseEmitter open() throws IOException {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the page or the shutdown ends it
        if (closed) {
            emitter.complete();
            return emitter;
        }
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitter.send(SseEmitter.event().comment("open").reconnectTime(2000));
        emitters.add(emitter);
        return emitter;
    }

    boolean anyoneListening() {
        return !emitters.isEmpty();
    }

    int listeners() {
        return emitters.size();
    }

    /** The last minute's requests and finished jobs per second, oldest first. */
    RateHistory history() {
        return history;
    }

    void jobFinished() {
        jobsThisSecond.incrementAndGet();
    }

    /** Sends an event to every open page; a page that hung up is dropped. */
    public void publish(String type, Object data) {
        if (emitters.isEmpty()) {
            return;
        }
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            log.warn("Dashboard event {} not sent: {}", type, e.getMessage());
            return;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name(type).data(payload));
            } catch (IOException | IllegalStateException e) {
                emitters.remove(emitter);
                emitter.completeWithError(e);
            }
        }
    }

    private void recorded(JournalEntry entry) {
        requestsThisSecond.incrementAndGet();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sequence", entry.sequence());
        summary.put("time", entry.time().toString());
        summary.put("method", entry.method());
        summary.put("path", entry.path());
        summary.put("api", JournalView.apiOf(entry.path()));
        if (entry.subscription() != null) {
            summary.put("subscription", entry.subscription());
        }
        summary.put("status", entry.status());
        summary.put("connectionDropped", entry.connectionDropped());
        summary.put("durationMillis", entry.durationMillis());
        publish("request", summary);
    }

    private void tick() {
        try {
            RateHistory.Sample sample = history.add(requestsThisSecond.getAndSet(0), jobsThisSecond.getAndSet(0));
            publish("tick", sample);
        } catch (RuntimeException e) {
            log.warn("Dashboard tick failed", e); // keep the schedule alive
        }
    }

    /** Ends every stream before the web server's graceful shutdown starts waiting for open requests. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        closed = true;
        completeAll();
    }

    /** Ends every open stream (pages reconnect by themselves while the server runs). */
    void completeAll() {
        emitters.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // the page is gone already
            }
        });
        emitters.clear();
    }

    @PreDestroy
    void stop() {
        closeStreams();
        clock.shutdownNow();
    }
}
