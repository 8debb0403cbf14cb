package io.localpack.dialect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $batch} wire format of OData V3 (MS-ODATA 2.2.7.6) and V4 (Part 1 §11.7): a {@code multipart/mixed} body
 * whose parts are {@code application/http} requests or change sets (a nested {@code multipart/mixed} of requests).
 * Reads a batch request into {@link Part}s and writes the batch response; running the requests is the caller's.
 */
public final class BatchMultipart {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Za-z]+) +(\\S+)(?: +(HTTP/\\d\\.\\d))?$");
    /** Requests and change sets in one batch: a bound on the work one request can ask for. */
    static final int MAX_OPERATIONS = 1000;

    private BatchMultipart() {
    }

    /** A batch body that cannot be read: the whole batch is refused with 400. */
    public static final class BatchFormatException extends Exception {
        public BatchFormatException(String message) {
            super(message);
        }
    }

    /** One header as sent. */
    public record Header(String name, String value) {
    }

    /**
     * One request of a batch.
     *
     * @param contentId the Content-ID, from the MIME part headers or (as early WCF clients send it) from the request's
     *     own headers; null when none
     * @param contentIdInRequest whether it came in the request's own headers (the answer puts it in the same place)
     */
    public record Operation(String method, String target, List<Header> headers, byte[] body, String contentId,
            boolean contentIdInRequest) {

        /** The same request addressed to another URL. */
        public Operation withTarget(String newTarget) {
            return new Operation(method, newTarget, headers, body, contentId, contentIdInRequest);
        }

        /** The first header of that name, or null. */
        public String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                    .orElse(null);
        }
    }

    /** A top-level part of a batch: one request, or a change set of requests (then {@code operation} is null). */
    public record Part(Operation operation, List<Operation> changeSet) {
        public boolean isChangeSet() {
            return changeSet != null;
        }
    }

    /** One answer to one request: its status line, headers and body. */
    public record Answer(int status, String reason, List<Header> headers, byte[] body, String contentId,
            boolean contentIdInRequest) {
    }

    /** The answer to a top-level part: one answer, or the answers of a change set that succeeded. */
    public record PartAnswer(Answer single, List<Answer> changeSet) {
        public static PartAnswer of(Answer answer) {
            return new PartAnswer(answer, null);
        }

        public static PartAnswer ofChangeSet(List<Answer> answers) {
            return new PartAnswer(null, answers);
        }
    }

    /** The boundary a multipart/mixed Content-Type names, or null when it is not multipart/mixed with one. */
    public static String boundaryOf(String contentType) {
        if (contentType == null
                || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
            return null;
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            return null;
        }
        String boundary = matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
        return boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
    }

    /** Reads a batch request body. */
    public static List<Part> parse(byte[] body, String boundary) throws BatchFormatException {
        // ISO-8859-1 maps every byte to one char and back: bodies in any charset come through unchanged
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int operations = 0;
        for (String mime : split(text, boundary)) {
            MimePart part = MimePart.of(mime);
            String type = part.header("Content-Type");
            String changeSetBoundary = boundaryOf(type);
            if (changeSetBoundary != null) {
                List<Operation> changeSet = new ArrayList<>();
                for (String inner : split(part.content(), changeSetBoundary)) {
                    MimePart innerPart = MimePart.of(inner);
                    if (boundaryOf(innerPart.header("Content-Type")) != null) {
                        throw new BatchFormatException("A change set cannot contain another change set");
                    }
                    changeSet.add(operation(innerPart));
                }
                if (changeSet.isEmpty()) {
                    throw new BatchFormatException("A change set must contain at least one request");
                }
                operations += changeSet.size();
                parts.add(new Part(null, List.copyOf(changeSet)));
            } else {
                operations++;
                parts.add(new Part(operation(part), null));
            }
            if (operations > MAX_OPERATIONS) {
                throw new BatchFormatException("A batch may contain at most " + MAX_OPERATIONS + " requests");
            }
        }
        return parts;
    }

    /** The bodies between the delimiters {@code --boundary}, up to the close delimiter {@code --boundary--}. */
    private static List<String> split(String text, String boundary) throws BatchFormatException {
        String delimiter = "--" + boundary;
        List<String> bodies = new ArrayList<>();
        int at = delimiterAt(text, delimiter, 0);
        if (at < 0) {
            throw new BatchFormatException("The multipart body has no delimiter line '" + delimiter + "'");
        }
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (text.startsWith("--", afterDelimiter)) {
                return bodies; // the close delimiter; what follows is the epilogue
            }
            int lineEnd = text.indexOf('\n', afterDelimiter);
            if (lineEnd < 0) {
                throw new BatchFormatException("The multipart body ends without its close delimiter '" + delimiter
                        + "--'");
            }
            int next = delimiterAt(text, delimiter, lineEnd + 1);
            if (next < 0) {
                throw new BatchFormatException("The multipart body ends without its close delimiter '" + delimiter
                        + "--'");
            }
            // the line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1)
            int end = next;
            if (end > lineEnd + 1 && text.charAt(end - 1) == '\n') {
                end--;
                if (end > lineEnd + 1 && text.charAt(end - 1) == '\r') {
                    end--;
                }
            }
            bodies.add(text.substring(lineEnd + 1, Math.max(end, lineEnd + 1)));
            at = next;
        }
    }

    /** The next delimiter that starts a line at or after {@code from}, or -1. */
    private static int delimiterAt(String text, String delimiter, int from) {
        int at = text.indexOf(delimiter, from);
        while (at >= 0 && at > 0 && text.charAt(at - 1) != '\n') {
            at = text.indexOf(delimiter, at + 1);
        }
        return at;
    }

    private static Operation operation(MimePart part) throws BatchFormatException {
        String type = part.header("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/http")) {
            throw new BatchFormatException("A batch part must have Content-Type application/http (or be a change set"
                    + " of multipart/mixed), not '" + type + "'");
        }
        MimePart http = MimePart.request(part.content());
        Matcher line = REQUEST_LINE.matcher(http.firstLine() == null ? "" : http.firstLine().trim());
        if (!line.matches()) {
            throw new BatchFormatException("A batch part does not start with an HTTP request line (METHOD URL "
                    + "HTTP/1.1): '" + http.firstLine() + "'");
        }
        String mimeContentId = part.header("Content-ID");
        String requestContentId = http.header("Content-ID");
        String contentId = mimeContentId != null ? mimeContentId.trim()
                : requestContentId != null ? requestContentId.trim() : null;
        return new Operation(line.group(1).toUpperCase(Locale.ROOT), line.group(2), http.headers(),
                http.content().getBytes(StandardCharsets.ISO_8859_1), contentId,
                mimeContentId == null && requestContentId != null);
    }

    /** Headers up to the first empty line, then the content; for an HTTP request, its request line first. */
    private record MimePart(String firstLine, List<Header> headers, String content) {

        static MimePart of(String text) throws BatchFormatException {
            return read(text, false);
        }

        static MimePart request(String text) throws BatchFormatException {
            return read(text, true);
        }

        private static MimePart read(String text, boolean requestLine) throws BatchFormatException {
            List<Header> headers = new ArrayList<>();
            String firstLine = null;
            int at = 0;
            while (at < text.length()) {
                int end = text.indexOf('\n', at);
                String line = end < 0 ? text.substring(at) : text.substring(at, end);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                at = end < 0 ? text.length() : end + 1;
                boolean nothingYet = firstLine == null && headers.isEmpty();
                if (line.isEmpty()) {
                    if (nothingYet) {
                        continue; // blank lines before a part's first line are tolerated
                    }
                    break;
                }
                if (requestLine && firstLine == null) {
                    firstLine = line;
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new BatchFormatException("Not a header line in a batch part: '" + line + "'");
                }
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            return new MimePart(firstLine, headers, text.substring(Math.min(at, text.length())));
        }

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                    .orElse(null);
        }
    }

    /** The boundary of a batch response: WCF Data Services' {@code batchresponse_}, Olingo's {@code batch_}. */
    public static String newBoundary(ODataDialect dialect, boolean changeSet) {
        String prefix = dialect == ODataDialect.V3 ? (changeSet ? "changesetresponse_" : "batchresponse_")
                : (changeSet ? "changeset_" : "batch_");
        return prefix + UUID.randomUUID();
    }

    /** Writes the batch response with the given boundary. */
    public static byte[] write(List<PartAnswer> answers, String boundary, ODataDialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PartAnswer answer : answers) {
            text(out, "--" + boundary + "\r\n");
            if (answer.single() != null) {
                writeHttp(out, answer.single());
            } else {
                String changeSetBoundary = newBoundary(dialect, true);
                text(out, "Content-Type: multipart/mixed; boundary=" + changeSetBoundary + "\r\n\r\n");
                for (Answer inner : answer.changeSet()) {
                    text(out, "--" + changeSetBoundary + "\r\n");
                    writeHttp(out, inner);
                }
                text(out, "--" + changeSetBoundary + "--\r\n");
            }
        }
        text(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void writeHttp(ByteArrayOutputStream out, Answer answer) {
        text(out, "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (answer.contentId() != null && !answer.contentIdInRequest()) {
            text(out, "Content-ID: " + answer.contentId() + "\r\n");
        }
        text(out, "\r\nHTTP/1.1 " + answer.status() + " " + answer.reason() + "\r\n");
        if (answer.contentId() != null && answer.contentIdInRequest()) {
            text(out, "Content-ID: " + answer.contentId() + "\r\n");
        }
        for (Header header : answer.headers()) {
            text(out, header.name() + ": " + header.value() + "\r\n");
        }
        if (answer.body().length > 0) {
            text(out, "Content-Length: " + answer.body().length + "\r\n");
        }
        text(out, "\r\n");
        out.writeBytes(answer.body());
        text(out, "\r\n");
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
