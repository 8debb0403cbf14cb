package io.localpack.admin.httpfaults;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A rule that disturbs matching requests to the emulated APIs: adds latency, answers an error in the API's own
 * format, or drops the connection, with a probability drawn from its own seeded random sequence (one draw per
 * matching request, in arrival order), so a flaky run replays exactly with the same seed.
 */
final class HttpFaultRule {

    enum Action { LATENCY, STATUS, DROP }

    private final UUID id;
    private final String method;
    private final String path;
    private final Pattern pathPattern;
    private final UUID subscription;
    private final long delayMillis;
    private final Action action;
    private final int status;
    private final String errorCode;
    private final String message;
    private final double probability;
    private final long seed;
    private final Random random;
    private Integer remaining;
    private int fired;

    HttpFaultRule(UUID id, String method, String path, UUID subscription, long delayMillis, Action action, int status,
                  String errorCode, String message, double probability, long seed, Integer times) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.pathPattern = glob(path);
        this.subscription = subscription;
        this.delayMillis = delayMillis;
        this.action = action;
        this.status = status;
        this.errorCode = errorCode;
        this.message = message;
        this.probability = probability;
        this.seed = seed;
        this.random = new Random(seed);
        this.remaining = times;
    }

    boolean matches(String requestMethod, String requestPath, UUID requestSubscription) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && pathPattern.matcher(requestPath).matches()
                && (subscription == null || subscription.equals(requestSubscription));
    }

    /** One draw for a matching request: true when the rule fires for it. */
    synchronized boolean draw() {
        if (remaining != null && remaining <= 0) {
            return false;
        }
        boolean fires = random.nextDouble() < probability;
        if (fires) {
            fired++;
            if (remaining != null) {
                remaining--;
            }
        }
        return fires;
    }

    /** {@code *} matches any run of characters (also {@code /}), {@code ?} one character; the rest literally. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("(?<=[*?])|(?=[*?])")) {
            switch (literal) {
                case "*" -> regex.append(".*");
                case "?" -> regex.append('.');
                default -> regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    UUID id() {
        return id;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    UUID subscription() {
        return subscription;
    }

    long delayMillis() {
        return delayMillis;
    }

    Action action() {
        return action;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    String message() {
        return message;
    }

    double probability() {
        return probability;
    }

    long seed() {
        return seed;
    }

    synchronized Integer remaining() {
        return remaining;
    }

    synchronized int fired() {
        return fired;
    }
}
