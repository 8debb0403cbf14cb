package io.localpack.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 §12.5.1 selection, without a server. */
class AcceptHeaderTest {

    private static final List<String> OFFERS = List.of("application/json;odata=minimalmetadata",
            "application/json;odata=verbose", "application/atom+xml", "application/xml");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', nullValues = "NONE", textBlock = """
            # the issue's client: verbose JSON at 0.5 beats Atom, which only */* reaches (at 0.1)
            application/atomsvc+xml;q=0.8, application/json;odata=verbose;q=0.5, */*;q=0.1 | application/json;odata=verbose
            # highest quality wins whatever the order
            application/json;q=0.2, application/atom+xml;q=0.9                    | application/atom+xml
            # q=0 excludes, even the first range
            application/json;odata=minimalmetadata;q=0, application/json;odata=verbose;q=0.1 | application/json;odata=verbose
            # the most specific range decides an offer's quality: */* does not revive what a range refused
            application/json;q=0, */*                                              | application/atom+xml
            application/*;q=0, application/xml                                     | application/xml
            # equal quality: the more specific range, then the server's order
            */*, application/xml                                                    | application/xml
            application/json                                                        | application/json;odata=minimalmetadata
            application/*                                                           | application/json;odata=minimalmetadata
            # parameters the offers do not declare do not tell them apart; a bare * is */*
            application/json;charset=utf-8;streaming=true                          | application/json;odata=minimalmetadata
            *                                                                        | application/json;odata=minimalmetadata
            # whitespace, case and quoted values
            APPLICATION/JSON ; odata=VERBOSE ; q=1.0                                | application/json;odata=verbose
            application/json;odata="verbose"                                        | application/json;odata=verbose
            # nothing acceptable
            text/html, text/plain                                                   | NONE
            */*;q=0                                                                 | NONE
            application/json;odata=nometadata                                       | NONE
            # a malformed weight counts as 1 rather than refuse the request
            application/xml;q=abc, application/json;q=0.5                          | application/xml
            """)
    void theOfferWithTheHighestQualityWins(String header, String expected) {
        assertThat(AcceptHeader.parse(header).choose(OFFERS).map(AcceptHeader.Choice::offer).orElse(null))
                .isEqualTo(expected);
    }

    @Test
    void noHeaderAcceptsTheServersFirstChoice() {
        assertThat(AcceptHeader.parse(null).choose(OFFERS).orElseThrow().offer()).isEqualTo(OFFERS.get(0));
        assertThat(AcceptHeader.parse(" ").choose(OFFERS).orElseThrow().offer()).isEqualTo(OFFERS.get(0));
    }

    @Test
    void theChoiceKeepsTheClientsOwnParametersForTheWriter() {
        AcceptHeader.Choice choice = AcceptHeader.parse("application/json;IEEE754Compatible=true;q=0.9, */*;q=0.1")
                .choose(OFFERS).orElseThrow();
        assertThat(choice.offer()).isEqualTo("application/json;odata=minimalmetadata");
        assertThat(choice.asRequested()).isEqualTo("application/json;IEEE754Compatible=true");
        assertThat(AcceptHeader.parse("*/*").choose(OFFERS).orElseThrow().asRequested()).isEqualTo(OFFERS.get(0));
    }

    @Test
    void aSingleRepresentationIsRefusedOnlyByAZeroQuality() {
        assertThat(AcceptHeader.parse("application/json").refuses("text/plain")).isFalse();
        assertThat(AcceptHeader.parse(null).refuses("text/plain")).isFalse();
        assertThat(AcceptHeader.parse("text/plain;q=0, */*").refuses("text/plain")).isTrue();
        assertThat(AcceptHeader.parse("text/*;q=0").refuses("text/plain")).isTrue();
        assertThat(AcceptHeader.parse("text/*;q=0, text/plain;q=0.1").refuses("text/plain")).isFalse();
        assertThat(AcceptHeader.parse("application/json, */*;q=0").refuses("application/xml")).isTrue();
    }
}
