package io.localpack.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The one plain HTTP client of the tests (the JDK's: it sends MERGE and any header a real client sends, and no
 * converter hides what goes over the wire). Feature helpers add their API's defaults on top.
 */
public final class TestHttp {

    /** No test request should take this long; a hung server fails the test instead of the build. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestHttp() {
    }

    /**
     * Sends a request and reads the answer as text.
     *
     * @param body    null for none
     * @param headers name, value, name, value…; sent exactly as given (no Content-Type is added)
     */
    public static HttpResponse<String> send(String method, String url, String body, List<String> headers) {
        if (headers.size() % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs: " + headers);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + url, e);
        }
    }
}
