package io.localpack.vmm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
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

    private enum Priority { Low, Normal, High }

    @Test
    void everyKindOfSortKeyReadsBackExactly() throws ODataApplicationException {
        List<Class<?>> types = List.of(Long.class, Short.class, Boolean.class, Double.class, BigDecimal.class,
                Instant.class, LocalDateTime.class, Priority.class, String.class);
        List<Object> after = List.of(5_000_000_000L, (short) -3, true, 0.1, new BigDecimal("1.10"),
                Instant.parse("2014-04-29T23:44:11.600Z"), LocalDateTime.parse("2014-04-29T16:44:11.6"),
                Priority.High, "");

        SkipToken.Position position = SkipToken.decode(SkipToken.encode(new SkipToken.Position(7, after), QUERY),
                QUERY, types);

        assertThat(position.after()).containsExactlyElementsOf(after);
        assertThat(((BigDecimal) position.after().get(4)).scale()).as("1.10 keeps its scale").isEqualTo(2);
    }

    @Test
    void theSamePositionAndQueryAlwaysGiveTheSameToken() {
        SkipToken.Position position = new SkipToken.Position(3, AFTER);

        assertThat(SkipToken.encode(position, QUERY)).isEqualTo(SkipToken.encode(position, QUERY))
                .isNotEqualTo(SkipToken.encode(position, QUERY + "x"));
    }

    @Test
    void aKeyOfATypeWithoutATokenFormIsRefusedAsUnreadable() {
        String token = SkipToken.encode(new SkipToken.Position(1, List.of("x")), QUERY);

        assertThatThrownBy(() -> SkipToken.decode(token, QUERY, List.of(Character.class)))
                .isInstanceOf(ODataApplicationException.class)
                .hasMessage("Invalid $skiptoken '" + token + "': it cannot be read");
    }

    @Test
    void aLongTokenIsQuotedCutInTheMessage() {
        String token = "A".repeat(200) + ".0";

        assertThatThrownBy(() -> SkipToken.decode(token, QUERY, TYPES))
                .hasMessage("Invalid $skiptoken '" + "A".repeat(80) + "…': it was not issued for this query");
    }
}
