package io.localpack.vmm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.server.api.ODataApplicationException;
import org.junit.jupiter.api.Test;

class SkipTokenTest {

    private static final String QUERY = "Services||CloudId eq 1|Name|";
    private static final List<Class<?>> TYPES = List.of(String.class, OffsetDateTime.class, Integer.class,
            UUID.class, UUID.class);
    private static final List<Object> AFTER = Arrays.asList("Web 'Store' ü", OffsetDateTime.parse(
            "2014-04-29T16:44:11.6-07:00"), null, UUID.randomUUID(), UUID.randomUUID());

    @Test
    void aTokenReadsBackAsThePositionItWasMadeFrom() throws ODataApplicationException {
        String token = SkipToken.encode(new SkipToken.Position(150, AFTER), QUERY);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[0-9a-f]{24}");
        SkipToken.Position position = SkipToken.decode(token, QUERY, TYPES);
        assertThat(position.served()).isEqualTo(150);
        assertThat(position.after()).isEqualTo(AFTER);
    }

    @Test
    void aTokenIsRefusedForAnotherQuery() {
        String token = SkipToken.encode(new SkipToken.Position(3, AFTER), QUERY);
        assertThatThrownBy(() -> SkipToken.decode(token, QUERY + "x", TYPES))
                .isInstanceOf(ODataApplicationException.class).hasMessageContaining("not issued for this query")
                .extracting(e -> ((ODataApplicationException) e).getStatusCode()).isEqualTo(400);
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = SkipToken.encode(new SkipToken.Position(3, AFTER), QUERY);
        String body = token.substring(0, token.indexOf('.'));
        String json = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).replace("3", "4");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        for (String bad : List.of(altered, body, token + "0", "", ".", "50")) {
            assertThatThrownBy(() -> SkipToken.decode(bad, QUERY, TYPES)).as(bad)
                    .hasMessageContaining("Invalid $skiptoken");
        }
    }

    @Test
    void aTokenWhoseKeysDoNotFitTheQueryIsRefused() {
        String token = SkipToken.encode(new SkipToken.Position(3, AFTER), QUERY);
        assertThatThrownBy(() -> SkipToken.decode(token, QUERY, TYPES.subList(1, 5)))
                .hasMessageContaining("does not fit this query");
        assertThatThrownBy(() -> SkipToken.decode(token, QUERY, List.of(UUID.class, OffsetDateTime.class,
                Integer.class, UUID.class, UUID.class))).hasMessageContaining("cannot be read");
    }
}
