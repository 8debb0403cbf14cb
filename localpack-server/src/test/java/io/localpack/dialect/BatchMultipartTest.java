package io.localpack.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.dialect.BatchMultipart.Answer;
import io.localpack.dialect.BatchMultipart.BatchFormatException;
import io.localpack.dialect.BatchMultipart.Header;
import io.localpack.dialect.BatchMultipart.Operation;
import io.localpack.dialect.BatchMultipart.Part;
import io.localpack.dialect.BatchMultipart.PartAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The $batch wire format read and written, without a server. */
class BatchMultipartTest {

    /**
     * A WCF Data Services 5.x client's SaveChanges(SaveChangesOptions.Batch) body as captured on the wire (ASP.NET
     * Web API OData issue of 6 May 2013, host and entity set renamed): Content-ID among the request's headers,
     * absolute URLs, CRLF line ends.
     */
    private static final String WCF_BODY = """
            --batch_e4243eef-ba43-49da-8dfb-a006d9e918f2
            Content-Type: multipart/mixed; boundary=changeset_6bb58eec-2717-4673-b074-919584c38eea

            --changeset_6bb58eec-2717-4673-b074-919584c38eea
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            POST http://host:9001/batch/BatchCustomer HTTP/1.1
            Content-ID: 1
            DataServiceVersion: 3.0;NetFx
            MaxDataServiceVersion: 3.0;NetFx
            Content-Type: application/json;odata=minimalmetadata
            Accept: application/json;odata=minimalmetadata
            Accept-Charset: UTF-8

            {"Id":10,"Name":"Customer 10 – ü"}
            --changeset_6bb58eec-2717-4673-b074-919584c38eea
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            POST http://host:9001/batch/BatchCustomer HTTP/1.1
            Content-ID: 2
            DataServiceVersion: 3.0;NetFx
            MaxDataServiceVersion: 3.0;NetFx
            Content-Type: application/json;odata=minimalmetadata
            Accept: application/json;odata=minimalmetadata
            Accept-Charset: UTF-8

            {"Id":-1,"Name":"Customer -1"}
            --changeset_6bb58eec-2717-4673-b074-919584c38eea--
            --batch_e4243eef-ba43-49da-8dfb-a006d9e918f2--
            """.replace("\n", "\r\n");

    @Test
    void readsAWcfClientsChangeSet() throws BatchFormatException {
        String boundary = BatchMultipart.boundaryOf(
                "multipart/mixed; boundary=batch_e4243eef-ba43-49da-8dfb-a006d9e918f2");
        List<Part> parts = BatchMultipart.parse(WCF_BODY.getBytes(StandardCharsets.UTF_8), boundary);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).isChangeSet()).isTrue();
        List<Operation> changes = parts.get(0).changeSet();
        assertThat(changes).hasSize(2);
        Operation first = changes.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.target()).isEqualTo("http://host:9001/batch/BatchCustomer");
        assertThat(first.contentId()).isEqualTo("1");
        assertThat(first.contentIdInRequest()).isTrue();
        assertThat(first.header("content-type")).isEqualTo("application/json;odata=minimalmetadata");
        assertThat(first.header("DataServiceVersion")).isEqualTo("3.0;NetFx");
        // the line break before the next delimiter is the delimiter's; the body's bytes come through unchanged
        assertThat(new String(first.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Id\":10,\"Name\":\"Customer 10 – ü\"}");
        assertThat(changes.get(1).contentId()).isEqualTo("2");
    }

    @Test
    void readsLfLineEndsQuotedBoundariesPreamblesAndMimeLevelContentIds() throws BatchFormatException {
        String body = """
                This is a preamble, which is ignored.
                --b1
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET Clouds?$top=1 HTTP/1.1
                Accept: application/json

                --b1
                Content-Type: multipart/mixed; boundary="c 1"

                --c 1
                Content-Type: application/http
                Content-ID: 7

                DELETE $3 HTTP/1.1


                --c 1--
                --b1--
                epilogue
                """;
        List<Part> parts = BatchMultipart.parse(body.getBytes(StandardCharsets.UTF_8),
                BatchMultipart.boundaryOf("multipart/mixed;boundary=\"b1\""));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).operation().target()).isEqualTo("Clouds?$top=1");
        assertThat(parts.get(0).operation().body()).isEmpty();
        Operation delete = parts.get(1).changeSet().get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.target()).isEqualTo("$3");
        assertThat(delete.contentId()).isEqualTo("7");
        assertThat(delete.contentIdInRequest()).isFalse();
    }

    @Test
    void refusesWhatIsNoBatch() {
        assertThat(BatchMultipart.boundaryOf("application/json")).isNull();
        assertThat(BatchMultipart.boundaryOf("multipart/mixed")).isNull();
        assertThat(BatchMultipart.boundaryOf("multipart/mixed; boundary=" + "x".repeat(71))).isNull();
        assertThatThrownBy(() -> parse("no delimiter at all")).hasMessageContaining("no delimiter line");
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: application/http\r\n\r\nGET X HTTP/1.1\r\n"))
                .hasMessageContaining("close delimiter");
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--"))
                .hasMessageContaining("application/http");
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: application/http\r\n\r\nhello\r\n--b--"))
                .hasMessageContaining("request line");
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c--\r\n--b--"))
                .hasMessageContaining("at least one request");
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n"
                + "Content-Type: multipart/mixed; boundary=d\r\n\r\n--d--\r\n--c--\r\n--b--"))
                .hasMessageContaining("another change set");
        String many = "--b\r\nContent-Type: application/http\r\n\r\nGET X HTTP/1.1\r\n\r\n";
        assertThatThrownBy(() -> parse(many.repeat(BatchMultipart.MAX_OPERATIONS + 1) + "--b--"))
                .hasMessageContaining("at most");
    }

    @Test
    void writesWcfDataServicesBoundariesAndTheContentIdWhereTheClientPutIt() {
        Answer inRequest = new Answer(204, "No Content", List.of(new Header("DataServiceVersion", "1.0;")),
                new byte[0], "1", true);
        Answer inMime = new Answer(201, "Created", List.of(new Header("Content-Type", "application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), "2", false);
        String written = new String(BatchMultipart.write(List.of(PartAnswer.ofChangeSet(List.of(inRequest, inMime))),
                "batchresponse_x", ODataDialect.V3), StandardCharsets.UTF_8);
        assertThat(written).startsWith("--batchresponse_x\r\nContent-Type: multipart/mixed; boundary="
                + "changesetresponse_");
        assertThat(written).contains("\r\n\r\nHTTP/1.1 204 No Content\r\nContent-ID: 1\r\nDataServiceVersion: 1.0;"
                + "\r\n\r\n\r\n");
        assertThat(written).contains("Content-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\nHTTP/1.1 201 Created"
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}\r\n");
        assertThat(written).endsWith("--batchresponse_x--\r\n");
        assertThat(BatchMultipart.newBoundary(ODataDialect.V4, false)).startsWith("batch_");
        assertThat(BatchMultipart.newBoundary(ODataDialect.V4, true)).startsWith("changeset_");
    }

    private static List<Part> parse(String body) throws BatchFormatException {
        return BatchMultipart.parse(body.getBytes(StandardCharsets.UTF_8), "b");
    }
}
