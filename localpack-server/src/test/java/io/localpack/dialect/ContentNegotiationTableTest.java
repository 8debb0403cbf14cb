package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks the Accept × version header table of docs/odata-dialects.md: every row is sent and its answer checked. */
class ContentNegotiationTableTest extends HttpTestSupport {

    private static final Path DOC = Path.of("../docs/odata-dialects.md");

    static Stream<Arguments> rows() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("<!-- negotiation-table:start -->");
        int end = lines.indexOf("<!-- negotiation-table:end -->");
        assertThat(start).as("table markers in " + DOC).isGreaterThanOrEqualTo(0).isLessThan(end);
        List<Arguments> rows = new ArrayList<>();
        for (String line : lines.subList(start + 3, end)) { // after the marker, the header and its rule
            String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(cell -> cell.trim().replace("`", "")).toArray(String[]::new);
            assertThat(cells).as(line).hasSize(6);
            rows.add(Arguments.of(cells[0], cells[1], cells[2], Integer.parseInt(cells[3]), cells[4], cells[5]));
        }
        assertThat(rows).isNotEmpty();
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} | {1} | {2}")
    @MethodSource("rows")
    void eachRowIsAnsweredAsTheDocumentSays(String path, String accept, String versions, int status,
            String contentType, String versionAnswered) {
        List<String> headers = new ArrayList<>();
        if (!accept.equals("(none)")) {
            headers.addAll(List.of("Accept", accept));
        }
        if (versions.startsWith("V3 max ")) {
            String[] words = versions.split(" ");
            headers.addAll(List.of("DataServiceVersion", "1.0;NetFx", "MaxDataServiceVersion", words[2] + ";NetFx"));
            if (words.length == 5 && words[3].equals("min")) {
                headers.addAll(List.of("MinDataServiceVersion", words[4] + ";NetFx"));
            }
        } else if (versions.equals("V4")) {
            headers.addAll(List.of("OData-MaxVersion", "4.0"));
        } else if (versions.startsWith("V4 max ")) {
            headers.addAll(List.of("OData-MaxVersion", versions.substring("V4 max ".length())));
        } else {
            assertThat(versions).isEqualTo("none");
        }
        Response response = sendNamingNoVersion("GET", vmm(FABRIKAM) + path, null, headers.toArray(String[]::new));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type").replace(" ", "")).startsWith(contentType.replace(" ", ""));
        String[] version = versionAnswered.split(": ");
        assertThat(response.header(version[0])).isEqualTo(version[1]);
        String other = version[0].equals("OData-Version") ? "DataServiceVersion" : "OData-Version";
        assertThat(response.header(other)).isNull();
    }
}
