package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** localpack.odata.default-dialect decides for requests that name no version, and only for those. */
@TestPropertySource(properties = "localpack.odata.default-dialect=v4")
class DefaultDialectSettingTest extends HttpTestSupport {

    @Test
    void aRequestNamingNoVersionGetsTheConfiguredDialect() {
        Response response = sendNamingNoVersion("GET", vmm(FABRIKAM) + "/Services?$top=1", null,
                "Accept", "application/json");
        assertThat(response.header("OData-Version")).isEqualTo("4.0");
        assertThat(response.json().has("@odata.context")).isTrue();
    }

    @Test
    void aV3RequestStillGetsV3() {
        Response response = get(vmm(FABRIKAM) + "/Services?$top=1", v3("Accept", "application/json"));
        assertThat(response.header("DataServiceVersion")).isEqualTo("3.0;");
        assertThat(response.json().has("odata.metadata")).isTrue();
    }
}
