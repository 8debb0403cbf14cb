package io.localpack.admin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RedactionTest {

    @Test
    void secretMembersAreReplacedInEveryCaseAndShape() {
        assertThat(Redaction.redact("{\"UserName\":\"admin\",\"PassWord\":\"hunter2\"}", 1000))
                .isEqualTo("{\"UserName\":\"admin\",\"PassWord\":\"***\"}");
        assertThat(Redaction.redact("{\"LocalAdminPASSWORD\" : 42, \"ProductKey\":\"AAAA-BBBB\"}", 1000))
                .isEqualTo("{\"LocalAdminPASSWORD\" : \"***\", \"ProductKey\":\"***\"}");
        assertThat(Redaction.redact("<d:Password m:type=\"Edm.String\">hunter2</d:Password><d:Name>x</d:Name>", 1000))
                .isEqualTo("<d:Password m:type=\"Edm.String\">***</d:Password><d:Name>x</d:Name>");
        assertThat(Redaction.redact("{\"ParameterValues\":\"{\\\"VMRoleAdminCredential\\\":\\\"u:p\\\"}\"}", 1000))
                .isEqualTo("{\"ParameterValues\":\"{\\\"VMRoleAdminCredential\\\":\\\"***\\\"}\"}");
        // a secret the cut leaves open is still hidden
        assertThat(Redaction.redact("{\"Name\":\"a\",\"Password\":\"hunter2\"}", 28)).doesNotContain("hun");
    }

    @Test
    void valuesNamedByTheApiAreReplacedWhateverTheirMemberIsCalled() {
        assertThat(Redaction.redact("{\"Value\":\"s3cr\\\"et\",\"Other\":\"s3cr\\\\\\\"et\"}", 1000, Set.of("s3cr\"et")))
                .isEqualTo("{\"Value\":\"***\",\"Other\":\"***\"}");
    }

    @Test
    void bodiesWithoutASecretWordAreOnlyCut() {
        String entity = "{\"odata.metadata\":\"http://h/$metadata#Services/@Element\",\"Name\":\"web\","
                + "\"Keywords\":[\"a\",\"b\"],\"Tokenless\":null,\"Description\":\"<b>nothing hidden</b>\"}";
        assertThat(Redaction.mayNameSecrets(entity)).isTrue(); // "Tokenless" holds a word: the patterns decide
        String plain = entity.replace("Tokenless", "Plain");
        assertThat(Redaction.mayNameSecrets(plain)).isFalse();
        assertThat(Redaction.redact(plain, 1000)).isSameAs(plain);
        assertThat(Redaction.redact(plain, 20)).isEqualTo(plain.substring(0, 20));
        for (String word : List.of("PASSWORD", "Secret", "tOkEn", "PrivateKey", "Certificate", "ApiKey", "ProductKey",
                "SshKey", "Credential")) {
            assertThat(Redaction.mayNameSecrets("{\"My" + word + "\":1}")).as(word).isTrue();
        }
    }

    @Test
    void credentialHeadersAreMasked() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer abc");
        request.addHeader("X-Api-Key", "k");
        request.addHeader("X-Session-TOKEN", "t");
        request.addHeader("Cookie", "c=1");
        request.addHeader("Accept", "application/json");
        Map<String, String> headers = Redaction.requestHeaders(request);
        assertThat(headers).containsEntry("Authorization", "***").containsEntry("X-Api-Key", "***")
                .containsEntry("X-Session-TOKEN", "***").containsEntry("Cookie", "***")
                .containsEntry("Accept", "application/json");
    }
}
