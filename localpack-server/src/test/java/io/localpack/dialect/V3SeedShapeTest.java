package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Golden file: a Service in V3 JSON light has exactly the members and nesting of seed 003's example body. */
class V3SeedShapeTest extends HttpTestSupport {

    @Test
    void aServiceInJsonLightHasTheShapeOfTheSeedBody() throws Exception {
        JsonNode seed = JSON.readTree(getClass().getResourceAsStream("/seed/service-003.json"));
        JsonNode service = get(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP),
                v3("Accept", "application/json")).json();
        List<String> differences = new ArrayList<>();
        compareShapes("", seed, service, differences);
        assertThat(differences).isEmpty();
        assertThat(service.get("odata.metadata").asText()).isEqualTo(vmm(FABRIKAM) + "/$metadata#Services/@Element");
    }

    /** Same member names at every depth; arrays compared by their first element where both have one. */
    private static void compareShapes(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + ": expected an object, got " + actual);
                return;
            }
            TreeSet<String> expectedNames = new TreeSet<>();
            expected.fieldNames().forEachRemaining(expectedNames::add);
            TreeSet<String> actualNames = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            if (!expectedNames.equals(actualNames)) {
                differences.add(path + ": members " + actualNames + " instead of " + expectedNames);
            }
            for (String name : expectedNames) {
                if (actual.has(name) && !expected.get(name).isNull() && !actual.get(name).isNull()) {
                    compareShapes(path + "/" + name, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                differences.add(path + ": expected an array, got " + actual);
            } else if (!expected.isEmpty() && !actual.isEmpty()) {
                compareShapes(path + "[0]", expected.get(0), actual.get(0), differences);
            }
        } else if (expected.isContainerNode() != actual.isContainerNode()) {
            differences.add(path + ": expected a " + expected.getNodeType() + ", got " + actual.getNodeType());
        }
    }
}
