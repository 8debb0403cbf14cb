package io.localpack.admin.ui;

import io.localpack.web.ControlPlaneRefusal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Snapshots taken from the dashboard, kept in this instance's memory (the last {@value #KEPT}) to restore with one
 * click or download as the SQL file {@code /_localpack/snapshot} gives.
 */
@Component
class DashboardSnapshots {

    static final int KEPT = 10;

    record Kept(int number, OffsetDateTime at, UUID subscription, String sql) {
        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("number", number);
            view.put("at", at.toString());
            view.put("scope", subscription == null ? "all" : subscription.toString());
            view.put("bytes", sql.length());
            return view;
        }
    }

    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private int next = 1;

    synchronized Kept keep(UUID subscription, String sql) {
        if (kept.size() == KEPT) {
            kept.removeFirst();
        }
        Kept snapshot = new Kept(next++, OffsetDateTime.now(ZoneOffset.UTC), subscription, sql);
        kept.addLast(snapshot);
        return snapshot;
    }

    synchronized List<Kept> all() {
        List<Kept> newestFirst = new java.util.ArrayList<>(kept);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized Kept get(int number) {
        return kept.stream().filter(k -> k.number() == number).findFirst().orElseThrow(() ->
                ControlPlaneRefusal.notFound("SnapshotNotFound", "number", "No snapshot " + number
                        + " is kept (the dashboard keeps the last " + KEPT + ")"));
    }
}
