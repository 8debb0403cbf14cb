package io.localpack.vmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;

import io.localpack.testsupport.HttpTestSupport;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.PropertyDeclaration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Walks every entity set declaration (every bean) and checks each declared property on the wire, in V4 and in V3
 * JSON light: $metadata lists it where declared with its type and nullability, $select returns it, and $filter and
 * $orderby accept exactly the properties declared queryable (answering 400 for the others).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitySetDeclarationsTest extends HttpTestSupport {

    /** A finished job of Fabrikam's, so that the Jobs set has a row to show (the fixtures have none). */
    private static final UUID JOB = UUID.fromString("0b5e7c1a-3f2d-4e8b-9a6c-1d2e3f4a5b6c");

    enum Dialect { V4, V3 }

    @Autowired
    private List<EntitySetDeclaration<?>> declarations;

    private final Map<Dialect, Document> metadata = new EnumMap<>(Dialect.class);

    @BeforeAll
    void addFinishedJob() {
        // From the bundled fixtures: every set must fit in one server page (100), which jobs left by earlier test
        // classes in this context would overflow.
        assertThat(send("POST", "http://localhost:" + port + "/_localpack/reset", null).status()).isEqualTo(200);
        jdbc.update("""
                INSERT INTO jobs (id, stamp_id, subscription_id, kind, name, status, status_string, progress_value,
                    current_step_index, skip_steps_before, created_time, start_time, end_time, owner,
                    is_restartable, is_completed, attempt, version)
                VALUES (?, ?, ?, 'vmm.test', 'Declared job', 'Completed', 'Completed', 100, 0, 0,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'tenant@fabrikam.com', FALSE, TRUE, 1, 0)
                """, JOB, UUID.fromString(WEST_STAMP), UUID.fromString(FABRIKAM));
    }

    @AfterAll
    void removeJob() {
        jdbc.update("DELETE FROM jobs WHERE id = ?", JOB);
    }

    @TestFactory
    Stream<DynamicNode> everyDeclaredProperty() {
        assertThat(declarations).extracting(EntitySetDeclaration::name).contains("Services", "ServiceTemplates",
                "Clouds", "Jobs", "VirtualMachines", "ComputerTiers");
        return declarations.stream().map(set -> dynamicContainer(set.name(), Stream.of(Dialect.values())
                .map(dialect -> dynamicContainer(dialect.name(), Stream.concat(
                        Stream.of(dynamicTest("$metadata lists the properties in declared order",
                                () -> checkPropertyOrder(set, dialect))),
                        set.properties().stream().map(property -> dynamicTest(property.name(),
                                () -> checkProperty(set, property, dialect))))))));
    }

    private void checkPropertyOrder(EntitySetDeclaration<?> set, Dialect dialect) throws Exception {
        List<String> listed = new ArrayList<>();
        NodeList properties = entityType(set, dialect).getElementsByTagNameNS("*", "Property");
        for (int i = 0; i < properties.getLength(); i++) {
            listed.add(((Element) properties.item(i)).getAttribute("Name"));
        }
        assertThat(listed).containsExactlyElementsOf(set.properties().stream().map(PropertyDeclaration::name).toList());
    }

    private void checkProperty(EntitySetDeclaration<?> set, PropertyDeclaration<?> property, Dialect dialect)
            throws Exception {
        checkMetadata(set, property, dialect);
        checkSelect(set, property, dialect);
        List<String> paths = queryPaths(property);
        if (paths.isEmpty()) {
            String path = anyPathOf(property);
            assertThat(get(set.name() + "?$filter=" + encode(path + " eq null"), dialect).status())
                    .as("$filter on %s", path).isEqualTo(400);
            assertThat(get(set.name() + "?$orderby=" + encode(path), dialect).status())
                    .as("$orderby on %s", path).isEqualTo(400);
            return;
        }
        long total = count(set, null, dialect);
        for (String path : paths) {
            // every row either has a value or has none: the two filters together see each row once
            assertThat(count(set, path + " eq null", dialect) + count(set, path + " ne null", dialect))
                    .as("$filter on %s", path).isEqualTo(total);
            Response ordered = get(set.name() + "?$orderby=" + encode(path + " desc"), dialect);
            assertThat(ordered.status()).as("$orderby on %s: %s", path, ordered.body()).isEqualTo(200);
            assertThat(ordered.json().get("value")).hasSize((int) total);
        }
    }

    private void checkMetadata(EntitySetDeclaration<?> set, PropertyDeclaration<?> property, Dialect dialect)
            throws Exception {
        Element element = null;
        NodeList properties = entityType(set, dialect).getElementsByTagNameNS("*", "Property");
        for (int i = 0; i < properties.getLength(); i++) {
            if (((Element) properties.item(i)).getAttribute("Name").equals(property.name())) {
                element = (Element) properties.item(i);
            }
        }
        assertThat(element).as("%s in $metadata", property.name()).isNotNull();
        String type = property.typeName().getFullQualifiedNameAsString();
        if (dialect == Dialect.V3 && type.equals("Edm.DateTimeOffset")) {
            type = "Edm.DateTime"; // SPF's own type; V4 has only DateTimeOffset
        }
        assertThat(element.getAttribute("Type")).isEqualTo(property.collection() ? "Collection(" + type + ")" : type);
        assertThat(!"false".equals(element.getAttribute("Nullable"))).isEqualTo(property.nullable());
    }

    private void checkSelect(EntitySetDeclaration<?> set, PropertyDeclaration<?> property, Dialect dialect) {
        Response selected = get(set.name() + "?$select=" + property.name(), dialect);
        assertThat(selected.status()).as(selected.body()).isEqualTo(200);
        JsonNode rows = selected.json().get("value");
        assertThat(rows).as("rows of %s", set.name()).isNotEmpty();
        for (JsonNode row : rows) {
            assertThat(row.has(property.name())).as("%s in %s", property.name(), row).isTrue();
            assertThat(row.has("Name") && !property.name().equals("Name")).as("only the selected property").isFalse();
        }
    }

    /** The paths $filter and $orderby may use for the property: itself, or its complex type's queryable members. */
    private static List<String> queryPaths(PropertyDeclaration<?> property) {
        if (!property.queryable()) {
            return List.of();
        }
        if (property.complex() == null) {
            return List.of(property.name());
        }
        return property.complex().members().stream().filter(PropertyDeclaration::queryable)
                .map(member -> property.name() + "/" + member.name()).toList();
    }

    /** A path into the property as a client would write it: a complex property's first primitive member. */
    private static String anyPathOf(PropertyDeclaration<?> property) {
        if (property.complex() == null || property.collection()) {
            return property.name();
        }
        return property.complex().members().stream().filter(member -> member.complex() == null).findFirst()
                .map(member -> property.name() + "/" + member.name()).orElse(property.name());
    }

    private long count(EntitySetDeclaration<?> set, String filter, Dialect dialect) {
        Response count = get(set.name() + "/$count" + (filter == null ? "" : "?$filter=" + encode(filter)), dialect);
        assertThat(count.status()).as("%s: %s", filter, count.body()).isEqualTo(200);
        return Long.parseLong(count.body().trim());
    }

    private Response get(String path, Dialect dialect) {
        String url = vmm(FABRIKAM) + "/" + path;
        return dialect == Dialect.V4 ? get(url, "Accept", "application/json")
                : get(url, v3("Accept", "application/json"));
    }

    private Element entityType(EntitySetDeclaration<?> set, Dialect dialect) throws Exception {
        Document document = metadata.get(dialect);
        if (document == null) {
            Response response = get("$metadata", dialect);
            assertThat(response.status()).isEqualTo(200);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            metadata.put(dialect, document);
        }
        NodeList types = document.getElementsByTagNameNS("*", "EntityType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (type.getAttribute("Name").equals(set.typeName().getName())) {
                return type;
            }
        }
        throw new AssertionError(set.typeName() + " is not in the " + dialect + " $metadata");
    }
}
