package io.localpack.admin.journal;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The last {@code capacity} requests, in a ring: adding to a full journal drops the oldest entry. */
@Component
public class RequestJournal {

    /** What to look for; null members match everything. */
    public record Query(String subscription, String pathContains, String method, Integer status, Integer statusClass,
                        OffsetDateTime since, OffsetDateTime until, int limit) {

        Predicate<JournalEntry> predicate() {
            return e -> (subscription == null || subscription.equalsIgnoreCase(e.subscription()))
                    && (pathContains == null || e.path().contains(pathContains))
                    && (method == null || method.equalsIgnoreCase(e.method()))
                    && (status == null || status.equals(e.status()))
                    && (statusClass == null || (e.status() != null && e.status() / 100 == statusClass))
                    && (since == null || !e.time().isBefore(since))
                    && (until == null || !e.time().isAfter(until));
        }
    }

    private final int capacity;
    private final ArrayDeque<JournalEntry> entries;
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    RequestJournal(JournalSettings settings) {
        this.capacity = settings.capacity();
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds the entry, numbered in the order entries are added (so the oldest number is always dropped first). */
    void add(JournalEntry entry) {
        JournalEntry numbered;
        synchronized (this) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            numbered = entry.numbered(++sequence);
            entries.addLast(numbered);
        }
        listeners.forEach(listener -> listener.accept(numbered)); // outside the lock: a slow listener blocks no request
    }

    /** Called with every entry as it is added (the dashboard's live tail); must be quick and must not throw. */
    public void onAdd(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    /** The entry with this sequence number, while the ring still holds it. */
    public synchronized java.util.Optional<JournalEntry> get(long sequenceNumber) {
        return entries.stream().filter(e -> e.sequence() == sequenceNumber).findFirst();
    }

    /** Matching entries, newest first, at most {@code query.limit()}. */
    public synchronized List<JournalEntry> find(Query query) {
        Predicate<JournalEntry> matches = query.predicate();
        List<JournalEntry> found = new ArrayList<>();
        for (Iterator<JournalEntry> it = entries.descendingIterator(); it.hasNext() && found.size() < query.limit(); ) {
            JournalEntry e = it.next();
            if (matches.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int clear() {
        int n = entries.size();
        entries.clear();
        return n;
    }
}
