package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both $metadata documents against outside tooling, installed by this test with the machine's npm into target/
 * (pinned versions): the V4 document validates against the OASIS CSDL XML schemas of {@code odata-csdl}; the V3
 * document (EDMX 1.0) is read by {@code odata2openapi}, a parser of OData V2/V3 metadata, which must see every entity
 * set with its V3 types. Skipped, saying why, only where npm or node is missing.
 */
class MetadataSchemaTest extends HttpTestSupport {

    private static final List<String> PACKAGES = List.of("odata-csdl@0.11.2", "odata2openapi@1.3.2");
    private static final Path TOOLS = Path.of("target/odata-tools");
    private static final Path MODULES = TOOLS.resolve("node_modules");
    private static boolean installed;

    @BeforeAll
    static void installTools() throws InterruptedException {
        installed = Files.exists(MODULES.resolve("odata-csdl/schemas/edmx.xsd"))
                && Files.exists(MODULES.resolve("odata2openapi")) || run(npmInstall(), TOOLS.resolve("npm.log")) == 0;
    }

    @Test
    void theV4MetadataValidatesAgainstTheOasisCsdlSchemas() throws Exception {
        Assumptions.assumeTrue(installed, "npm could not install " + PACKAGES + ": see " + TOOLS.resolve("npm.log"));
        String metadata = get(vmm(FABRIKAM) + "/$metadata").body();
        assertThat(metadata).contains("Version=\"4.0\"");

        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(MODULES.resolve("odata-csdl/schemas/edmx.xsd").toFile());
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new StringReader(metadata))); // throws, naming line and rule
    }

    @Test
    void theV3MetadataIsReadByAV3Parser() throws Exception {
        Assumptions.assumeTrue(installed, "npm could not install " + PACKAGES + ": see " + TOOLS.resolve("npm.log"));
        String metadata = sendNamingNoVersion("GET", vmm(FABRIKAM) + "/$metadata", null, v3()).body();
        assertThat(metadata).contains("m:DataServiceVersion=\"3.0\"");
        Path document = TOOLS.resolve("v3-metadata.xml");
        Files.writeString(document, metadata);
        Path output = TOOLS.resolve("v3-parsed.json");

        int exit = run(List.of("node", Path.of("src/test/resources/metadata/parse-v3-metadata.js").toAbsolutePath()
                .toString(), document.toAbsolutePath().toString()), output);

        assertThat(exit).as(Files.readString(output)).isZero();
        JsonNode parsed = JSON.readTree(Files.readString(output));
        assertThat(parsed.get("version").asText()).isEqualTo("1.0");
        List<String> sets = new ArrayList<>();
        parsed.get("entitySets").forEach(set -> sets.add(set.get("name").asText()));
        assertThat(sets).contains("Services", "Jobs", "VirtualMachines", "ComputerTiers", "Clouds", "ServiceTemplates");
        JsonNode services = parsed.get("entitySets").get(sets.indexOf("Services"));
        assertThat(services.get("type").asText()).isEqualTo("VMM.Service");
        assertThat(services.get("key").toString()).isEqualTo("[\"ID\",\"StampId\"]");
        assertThat(services.get("properties").get("AddedTime").asText()).isEqualTo("Edm.DateTime");
        assertThat(services.get("properties").get("ID").asText()).isEqualTo("Edm.Guid");
    }

    private static List<String> npmInstall() {
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save",
                "--prefix", TOOLS.toString()));
        command.addAll(PACKAGES);
        return command;
    }

    /** Runs a command with its output in {@code log}; the exit code, or -1 when it cannot be started. */
    private static int run(List<String> command, Path log) throws InterruptedException {
        try {
            Files.createDirectories(TOOLS);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("NODE_PATH", MODULES.toAbsolutePath().toString()); // the installed tools
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            try {
                Files.writeString(log, "Cannot run " + command + ": " + e.getMessage(), StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // nothing more to say
            }
            return -1;
        }
    }
}
