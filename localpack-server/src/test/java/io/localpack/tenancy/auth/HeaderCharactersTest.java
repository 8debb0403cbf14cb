package io.localpack.tenancy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The regex-free header checks answer exactly as Spring Security's default patterns, character by character. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterOfTheBasicPlaneAndSomeBeyondIsJudgedAsByTheDefaults() {
        List<String> samples = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            samples.add(String.valueOf((char) c));
            samples.add("Accept-" + (char) c + "x");
        }
        for (int codePoint : new int[] {0x1F600, 0x10000, 0x50000, 0xE0001, 0xE0080, 0x10FFFF}) {
            samples.add(new String(Character.toChars(codePoint)));
            samples.add("a" + new String(Character.toChars(codePoint)) + "b");
        }
        samples.add("\uD800x"); // unpaired surrogates
        samples.add("x\uDC00");
        samples.add("");
        int refused = 0;
        for (String sample : samples) {
            assertThat(HeaderCharacters.allowedName(sample)).as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(NAMES.matcher(sample).matches());
            assertThat(HeaderCharacters.allowedValue(sample)).as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(VALUES.matcher(sample).matches());
            refused += HeaderCharacters.allowedValue(sample) ? 0 : 1;
        }
        assertThat(refused).as("some samples are refused").isGreaterThan(1000);
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
    }
}
