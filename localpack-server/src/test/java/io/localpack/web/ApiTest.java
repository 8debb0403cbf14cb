package io.localpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which API a path belongs to: the one classifier every filter and the security chain ask. */
class ApiTest {

    @ParameterizedTest
    @CsvSource({
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/systemcenter/vmm/Services, VMM",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/systemcenter/vmm, VMM",
            "/any/Services/SystemCenter/VMM/$metadata, VMM",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/hostedservices, ASM",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/hostedservices/svc/deploymentslots/Production, ASM",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/operations/0f1e2d3c4b5a69788796a5b4c3d2e1f0, ASM",
            "/subscriptions, SUBSCRIPTIONS",
            "/subscriptions/, SUBSCRIPTIONS",
            "/Subscriptions/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/certificates, SUBSCRIPTIONS",
            "//subscriptions/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06, SUBSCRIPTIONS",
            "/subscriptions/operations/x, SUBSCRIPTIONS",
            "/plans/Goldpn7k2xq4f, SUBSCRIPTIONS",
            "/addons, SUBSCRIPTIONS",
            "/subscriptionsx, OTHER",
            "/_localpack/http-faults, CONTROL_PLANE",
            "/_localpack, CONTROL_PLANE",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/systemcenter/vmmx, OTHER",
            "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/other, OTHER",
            "/, OTHER",
    })
    void classifiesByPath(String path, Api expected) {
        assertThat(Api.of(path)).isEqualTo(expected);
        assertThat(Api.of(path)).as("remembered").isEqualTo(expected);
    }

    @Test
    void classifiesManyAndLongPathsTheSameWay() {
        String fabrikam = "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";
        for (int i = 0; i < 3000; i++) { // more than are remembered
            assertThat(Api.of(fabrikam + "/operations/" + i)).isEqualTo(Api.ASM);
            assertThat(Api.of(fabrikam + "/services/systemcenter/vmm/Jobs(" + i + ")")).isEqualTo(Api.VMM);
            assertThat(Api.of("/x" + i)).isEqualTo(Api.OTHER);
        }
        String longPath = fabrikam + "/services/systemcenter/vmm/" + "a".repeat(2000);
        assertThat(Api.of(longPath)).isEqualTo(Api.VMM);
        assertThat(Api.of(longPath)).isEqualTo(Api.VMM);
    }

    @Test
    void aRememberedAnswerIsDroppedWhenTheRequestPathChanges() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/systemcenter/vmm/Services");
        assertThat(Api.of(request)).isEqualTo(Api.VMM);
        assertThat(Api.of(request)).isEqualTo(Api.VMM);
        request.setRequestURI("/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06/services/hostedservices"); // e.g. a forward
        assertThat(Api.of(request)).isEqualTo(Api.ASM);
        request.setRequestURI("/_localpack/journal");
        assertThat(Api.of(request)).isEqualTo(Api.CONTROL_PLANE);
    }

    @Test
    void subscriptionIsTheFirstSegmentWhenItIsAGuid() {
        String fabrikam = "86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";
        assertThat(Api.subscriptionOf(get("/" + fabrikam + "/services/hostedservices")))
                .contains(UUID.fromString(fabrikam));
        assertThat(Api.subscriptionOf(get("/" + fabrikam.toUpperCase()))).contains(UUID.fromString(fabrikam));
        assertThat(Api.subscriptionOf(get("/_localpack/journal"))).isEmpty();
        assertThat(Api.subscriptionOf(get("/not-a-guid/services/systemcenter/vmm"))).isEmpty();
        assertThat(Api.subscriptionOf(get("/1-1-1-1-1/operations/x"))).isEmpty();
        assertThat(Api.subscriptionOf(get("/Subscriptions/" + fabrikam + "/certificates")))
                .contains(UUID.fromString(fabrikam));
        assertThat(Api.subscriptionOf(get("//subscriptions/" + fabrikam))).contains(UUID.fromString(fabrikam));
        assertThat(Api.subscriptionOf(get("/subscriptions/"))).isEmpty();
        assertThat(Api.subscriptionOf(get("/plans/" + fabrikam))).isEmpty();
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
