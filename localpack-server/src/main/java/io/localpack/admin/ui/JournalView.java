package io.localpack.admin.ui;

import io.localpack.admin.journal.JournalEntry;
import io.localpack.web.Api;
import java.util.LinkedHashMap;
import java.util.Map;

/** Journal entries as the dashboard lists them (no bodies) and opens them (everything the journal kept). */
final class JournalView {

    private JournalView() {
    }

    static String apiOf(String path) {
        if (path.startsWith("/_localpack/ui/")) {
            return "DASHBOARD";
        }
        return Api.of(path).name();
    }

    static Map<String, Object> summary(JournalEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sequence", e.sequence());
        view.put("time", e.time().toString());
        view.put("api", apiOf(e.path()));
        view.put("method", e.method());
        view.put("path", e.path());
        view.put("query", e.query());
        view.put("subscription", e.subscription());
        view.put("principal", e.principal());
        view.put("status", e.status());
        view.put("connectionDropped", e.connectionDropped());
        view.put("durationMillis", e.durationMillis());
        view.put("jobId", e.jobId());
        return view;
    }

    static Map<String, Object> full(JournalEntry e) {
        Map<String, Object> view = summary(e);
        view.put("requestHeaders", e.requestHeaders());
        view.put("requestBody", e.requestBody());
        view.put("requestBodyTruncated", e.requestBodyTruncated());
        view.put("responseHeaders", e.responseHeaders());
        view.put("responseBody", e.responseBody());
        view.put("responseBodyTruncated", e.responseBodyTruncated());
        return view;
    }
}
