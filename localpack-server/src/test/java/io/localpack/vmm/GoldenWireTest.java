package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.NORTHWIND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.testsupport.LocalPackServerTest;
import io.localpack.testsupport.postgres.TestDatabase;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.NavigationDeclaration;
import io.localpack.vmm.model.PropertyDeclaration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The wire output of every VMM read, byte for byte: every declared entity set (collection, one entity, a
 * {@code $select}, and an {@code $expand} of all its navigations where it has any) in every dialect (V4 JSON minimal
 * and full metadata; V3 JSON light minimal, full and no metadata, verbose JSON, Atom), against golden files in
 * {@code src/test/resources/golden/}. The safety net of the read-path work of issue 20: a faster path must write
 * exactly these bytes.
 *
 * <p>Regenerate after an intended change of the wire format, then review the diff:
 * {@code ./mvnw test -pl localpack-server -Dtest=GoldenWireTest -Dlocalpack.golden.write=true}.
 *
 * <p>Two parts of an answer vary per run and are normalised, nothing else: the server's random port in absolute
 * URLs ({@code http://localhost:PORT} becomes {@code http://localhost}), and the Atom {@code <updated>} of feeds and
 * entries, which WCF Data Services (and LocalPack) set to the time of the answer.
 *
 * <p>The golden files are H2's output. On PostgreSQL one difference is known and older than this test: a
 * {@code timestamptz} keeps the instant but not the offset it was written with, so the fixtures'
 * {@code 2014-03-12T09:15:00-07:00} comes back as {@code 2014-03-12T16:15:00Z} (H2, like SQL Server's
 * {@code datetimeoffset}, keeps the offset). In the PostgreSQL suite, and only there, both sides' ISO date-times are
 * therefore compared as UTC instants; every other byte must still be equal.
 *
 * <p>Its own server (page size 2, so collections carry next links; and a fresh database, so no other test's writes
 * show); it only reads.
 */
@LocalPackServerTest
@TestPropertySource(properties = {"localpack.odata.page-size=2", "localpack.test.context=golden-wire"})
class GoldenWireTest {

    private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");
    private static final boolean WRITE = Boolean.getBoolean("localpack.golden.write");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Subscriptions of the fixtures, in the order a set's rows are looked for. */
    private static final List<String> SUBSCRIPTIONS = List.of(FABRIKAM, CONTOSO, NORTHWIND);
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d)?)(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Pattern ATOM_UPDATED = Pattern.compile("<updated>[^<]*</updated>");

    /** How each dialect's client asks: its name (the golden file's), extension, V3 key syntax, and headers. */
    private enum Dialect {
        V4_MINIMAL("v4-minimal", "json", false, "OData-MaxVersion", "4.0", "Accept", "application/json"),
        V4_FULL("v4-full", "json", false, "OData-MaxVersion", "4.0", "Accept", "application/json;odata.metadata=full"),
        V3_LIGHT("v3-light", "json", true, "DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion", "3.0;NetFx",
                "Accept", "application/json"),
        V3_LIGHT_FULL("v3-light-full", "json", true, "DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion",
                "3.0;NetFx", "Accept", "application/json;odata=fullmetadata"),
        V3_LIGHT_NONE("v3-light-none", "json", true, "DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion",
                "3.0;NetFx", "Accept", "application/json;odata=nometadata"),
        V3_VERBOSE("v3-verbose", "json", true, "DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion",
                "3.0;NetFx", "Accept", "application/json;odata=verbose"),
        V3_ATOM("v3-atom", "xml", true, "DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion", "3.0;NetFx",
                "Accept", "application/atom+xml,application/xml");

        final String fileName;
        final String extension;
        final boolean v3Keys;
        final String[] headers;

        Dialect(String fileName, String extension, boolean v3Keys, String... headers) {
            this.fileName = fileName;
            this.extension = extension;
            this.v3Keys = v3Keys;
            this.headers = headers;
        }
    }

    /** One request of the matrix: the golden file it is compared with, and the URL below the service root. */
    private record Case(String file, String subscription, String path, Dialect dialect) {
    }

    @LocalServerPort
    int port;

    @Autowired
    List<EntitySetDeclaration<?>> declarations;

    @TestFactory
    Stream<DynamicTest> everyReadIsByteForByteAsGolden() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(declarations.size() * Dialect.values().length * 2);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> check(c)));
    }

    /** A golden file no case writes any more is a read that vanished from the matrix: a failure, not a leftover. */
    @Test
    void everyGoldenFileBelongsToACase() throws IOException {
        Set<String> expected = cases().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
        if (WRITE) { // the cases write their own files; only the stale ones go
            Files.createDirectories(GOLDEN);
            try (Stream<Path> files = Files.walk(GOLDEN)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (!expected.contains(GOLDEN.relativize(file).toString())) {
                        Files.delete(file);
                    }
                }
            }
            return;
        }
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            Set<String> present = files.filter(Files::isRegularFile).map(f -> GOLDEN.relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).isEqualTo(expected);
        }
    }

    private List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (EntitySetDeclaration<?> set : declarations.stream()
                .sorted(Comparator.comparing(EntitySetDeclaration::name)).toList()) {
            String subscription = subscriptionWithRows(set.name());
            JsonNode first = firstKey(subscription, set.name());
            List<String> navigations = set.navigations().stream().map(NavigationDeclaration::name).toList();
            String select = "ID,StampId," + set.properties().stream().filter(p -> !p.key())
                    .map(PropertyDeclaration::name).limit(2).collect(Collectors.joining(","));
            for (Dialect dialect : Dialect.values()) {
                String prefix = set.name() + "/" + dialect.fileName + "-";
                cases.add(new Case(prefix + "collection." + dialect.extension, subscription, set.name(), dialect));
                cases.add(new Case(prefix + "collection-select." + dialect.extension, subscription,
                        set.name() + "?$select=" + select, dialect));
                if (!navigations.isEmpty()) {
                    cases.add(new Case(prefix + "collection-expand." + dialect.extension, subscription,
                            set.name() + "?$expand=" + String.join(",", navigations), dialect));
                }
                if (first != null) {
                    String entity = set.name() + key(first, dialect);
                    cases.add(new Case(prefix + "entity." + dialect.extension, subscription, entity, dialect));
                    cases.add(new Case(prefix + "entity-select." + dialect.extension, subscription,
                            entity + "?$select=" + select, dialect));
                    if (!navigations.isEmpty()) {
                        cases.add(new Case(prefix + "entity-expand." + dialect.extension, subscription,
                                entity + "?$expand=" + String.join(",", navigations), dialect));
                    }
                }
            }
        }
        return cases;
    }

    private void check(Case c) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(c.subscription(), c.path(), c.dialect().headers);
        assertThat(response.statusCode()).as(c.path() + " in " + c.dialect() + ": "
                + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        byte[] actual = normalised(response.body(), c.dialect());
        Path golden = GOLDEN.resolve(c.file());
        if (WRITE) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
            return;
        }
        if (!Files.exists(golden)) {
            fail("No golden file " + golden + ": generate it with -Dlocalpack.golden.write=true");
        }
        byte[] expected = Files.readAllBytes(golden);
        if (TestDatabase.isPostgresSuite()) {
            actual = inUtc(actual);
            expected = inUtc(expected);
        }
        if (!java.util.Arrays.equals(actual, expected)) {
            Path written = Path.of(System.getProperty("basedir", "."), "target/golden-actual").resolve(c.file());
            Files.createDirectories(written.getParent());
            Files.write(written, actual);
            int at = java.util.Arrays.mismatch(actual, expected);
            fail("GET " + c.path() + " in " + c.dialect() + " differs from " + golden + " at byte " + at
                    + " (actual written to " + written + "):\n  expected …"
                    + around(expected, at) + "…\n  actual   …" + around(actual, at) + "…");
        }
    }

    private byte[] normalised(byte[] body, Dialect dialect) {
        String text = new String(body, StandardCharsets.UTF_8).replace("http://localhost:" + port, "http://localhost");
        if (dialect == Dialect.V3_ATOM) {
            text = ATOM_UPDATED.matcher(text).replaceAll("<updated>(normalised)</updated>");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every ISO date-time with an offset, as the same instant in UTC (PostgreSQL keeps no offset). */
    private static byte[] inUtc(byte[] body) {
        return DATE_TIME.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll(m -> {
            String fraction = m.group(2) == null ? "" : m.group(2);
            return java.time.OffsetDateTime.parse(m.group(1) + m.group(3))
                    .withOffsetSameInstant(java.time.ZoneOffset.UTC).format(SECONDS) + fraction + "Z";
        }).getBytes(StandardCharsets.UTF_8);
    }

    private static String around(byte[] body, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(body.length, at + 60);
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    /** The first subscription of the fixtures that sees a row of the set (the first one if none does). */
    private String subscriptionWithRows(String set) throws IOException {
        for (String subscription : SUBSCRIPTIONS) {
            if (firstKey(subscription, set) != null) {
                return subscription;
            }
        }
        return FABRIKAM;
    }

    private JsonNode firstKey(String subscription, String set) throws IOException {
        HttpResponse<byte[]> response = get(subscription, set + "?$select=ID,StampId&$top=1",
                "OData-MaxVersion", "4.0", "Accept", "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(set + ": " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode value = JSON.readTree(response.body()).get("value");
        return value.isEmpty() ? null : value.get(0);
    }

    private static String key(JsonNode row, Dialect dialect) {
        String id = row.get("ID").asText();
        String stamp = row.get("StampId").asText();
        return dialect.v3Keys ? "(ID=guid'" + id + "',StampId=guid'" + stamp + "')"
                : "(ID=" + id + ",StampId=" + stamp + ")";
    }

    private HttpResponse<byte[]> get(String subscription, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + subscription
                + "/services/systemcenter/vmm/" + path.replace("'", "%27"))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
