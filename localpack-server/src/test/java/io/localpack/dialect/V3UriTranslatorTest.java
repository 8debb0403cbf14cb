package io.localpack.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class V3UriTranslatorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID eq guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3'|ID eq 8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3",
        "ID eq Guid'{8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3}'|ID eq 8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3",
        "ID eq guid'nope'|ID eq guid'nope'",
        "Name eq 'guid''x'''|Name eq 'guid''x'''",
        "substringof('Gate', Name)|contains(Name,'Gate')",
        "substringof('a,b', tolower(Name)) and X eq 1|contains(tolower(Name),'a,b') and X eq 1",
        "Size gt 12L and Price lt 1.5M and Ratio eq 2.0D|Size gt 12 and Price lt 1.5 and Ratio eq 2.0",
        "AddedTime gt datetime'2014-04-29T16:44:11'|AddedTime gt 2014-04-29T16:44:11Z",
        "AddedTime gt datetimeoffset'2014-04-29T16:44:11-07:00'|AddedTime gt 2014-04-29T16:44:11-07:00",
        "Name eq '12L'|Name eq '12L'",
        "StampId eq 56ebc6dc-f63c-46e2-8438-2967e0ad83bc|StampId eq 56ebc6dc-f63c-46e2-8438-2967e0ad83bc",
        "ID eq 1234567d-0000-0000-0000-00000000000d|ID eq 1234567d-0000-0000-0000-00000000000d"
    })
    void translatesV3ExpressionsAndLeavesV4Alone(String v3, String v4) {
        assertThat(V3UriTranslator.translateExpression(v3)).isEqualTo(v4);
    }

    @Test
    void translatesKeysAndEmptyParenthesesInPaths() {
        assertThat(V3UriTranslator.translatePath("/Services(StampId=guid'{56ebc6dc-f63c-46e2-8438-2967e0ad83bc}',"
                + "ID=guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3')")).isEqualTo(
                "/Services(StampId=56ebc6dc-f63c-46e2-8438-2967e0ad83bc,ID=8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3)");
        assertThat(V3UriTranslator.translatePath("/VirtualMachines()")).isEqualTo("/VirtualMachines");
        assertThat(V3UriTranslator.translatePath("/$metadata")).isEqualTo("/$metadata");
    }

    @Test
    void translatesQueryOptionsAndPlusSigns() {
        assertThat(V3UriTranslator.translateQuery("$filter=Name+eq+'a+b'&$inlinecount=allpages&$top=5"))
                .isEqualTo("$filter=Name%20eq%20'a%20b'&$count=true&$top=5");
        assertThat(V3UriTranslator.translateQuery("%24filter=Name%20eq%20'x'&$inlinecount=none"))
                .isEqualTo("$filter=Name%20eq%20'x'");
        assertThat(V3UriTranslator.translateQuery("RunAsynchronously=1")).isEqualTo("RunAsynchronously=1");
    }
}
