package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.testsupport.HttpTestSupport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.cud.UpdateType;
import org.apache.olingo.client.api.communication.response.ODataDeleteResponse;
import org.apache.olingo.client.api.communication.response.ODataEntityCreateResponse;
import org.apache.olingo.client.api.communication.response.ODataEntityUpdateResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** LocalPack driven by a client nobody here wrote: Apache Olingo's OData V4 client. */
@TestPropertySource(properties = "localpack.test.context=olingo-client") // its own database: it counts fixture rows
class OlingoClientTest extends HttpTestSupport {

    private final ODataClient client = ODataClientFactory.getClient();

    private URI serviceUri(UUID id, String stamp) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("ID", id);
        key.put("StampId", UUID.fromString(stamp));
        return client.newURIBuilder(vmm(FABRIKAM)).appendEntitySetSegment("Services").appendKeySegment(key).build();
    }

    @Test
    void listsAndGetsServices() {
        URI list = client.newURIBuilder(vmm(FABRIKAM)).appendEntitySetSegment("Services").filter("ServicePriority eq 'Low'")
                .orderBy("Name").build();
        ClientEntitySet services = client.getRetrieveRequestFactory().getEntitySetRequest(list).execute().getBody();
        assertThat(services.getEntities()).extracting(e -> e.getProperty("Name").getValue().toString())
                .containsExactly("Branch Office Gateway", "Gateway Test");

        ClientEntity gateway = client.getRetrieveRequestFactory()
                .getEntityRequest(serviceUri(UUID.fromString(GATEWAY_SERVICE), WEST_STAMP)).execute().getBody();
        assertThat(gateway.getProperty("Name").getValue().toString()).isEqualTo("Network Gateway 1");
        assertThat(gateway.getProperty("ServiceSettings").getCollectionValue().size()).isEqualTo(3);
        assertThat(gateway.getProperty("Owner").hasComplexValue()).isTrue();
    }

    @Test
    void createsUpdatesAndDeletesAService() throws Exception {
        ClientEntity service = client.getObjectFactory().newEntity(new FullQualifiedName("VMM", "Service"));
        service.getProperties().add(client.getObjectFactory().newPrimitiveProperty("StampId",
                client.getObjectFactory().newPrimitiveValueBuilder().buildGuid(UUID.fromString(WEST_STAMP))));
        service.getProperties().add(client.getObjectFactory().newPrimitiveProperty("CloudId",
                client.getObjectFactory().newPrimitiveValueBuilder().buildGuid(UUID.fromString(FABRIKAM_CLOUD))));
        service.getProperties().add(client.getObjectFactory().newPrimitiveProperty("ServiceTemplateId",
                client.getObjectFactory().newPrimitiveValueBuilder().buildGuid(UUID.fromString(GATEWAY_TEMPLATE_1))));
        service.getProperties().add(client.getObjectFactory().newPrimitiveProperty("Name",
                client.getObjectFactory().newPrimitiveValueBuilder().buildString("Olingo Gateway")));
        var settings = client.getObjectFactory().newCollectionValue("VMM.ServiceSettingsInput");
        for (String name : new String[] {"External", "Infrastructure"}) {
            var setting = client.getObjectFactory().newComplexValue("VMM.ServiceSettingsInput");
            setting.add(client.getObjectFactory().newPrimitiveProperty("Name",
                    client.getObjectFactory().newPrimitiveValueBuilder().buildString(name)));
            setting.add(client.getObjectFactory().newPrimitiveProperty("Value",
                    client.getObjectFactory().newPrimitiveValueBuilder().buildString("net-" + name)));
            settings.add(setting);
        }
        var configuration = client.getObjectFactory().newComplexValue("VMM.ServiceDeploymentConfiguration");
        configuration.add(client.getObjectFactory().newCollectionProperty("ServiceSettings", settings));
        var deployment = client.getObjectFactory().newComplexValue("VMM.NewServiceDeployment");
        deployment.add(client.getObjectFactory().newComplexProperty("ServiceConfiguration", configuration));
        service.getProperties().add(client.getObjectFactory().newComplexProperty("NewServiceDeployment", deployment));

        URI set = client.newURIBuilder(vmm(FABRIKAM)).appendEntitySetSegment("Services").build();
        ODataEntityCreateResponse<ClientEntity> created = client.getCUDRequestFactory()
                .getEntityCreateRequest(set, service).execute();
        assertThat(created.getStatusCode()).isEqualTo(201);
        UUID id = UUID.fromString(created.getBody().getProperty("ID").getValue().toString());

        ClientEntity change = client.getObjectFactory().newEntity(new FullQualifiedName("VMM", "Service"));
        change.getProperties().add(client.getObjectFactory().newPrimitiveProperty("CostCenter",
                client.getObjectFactory().newPrimitiveValueBuilder().buildString("CC-OLINGO")));
        ODataEntityUpdateResponse<ClientEntity> updated = client.getCUDRequestFactory()
                .getEntityUpdateRequest(serviceUri(id, WEST_STAMP), UpdateType.REPLACE, change).execute();
        assertThat(updated.getStatusCode()).isEqualTo(204);
        ClientEntity read = client.getRetrieveRequestFactory().getEntityRequest(serviceUri(id, WEST_STAMP)).execute()
                .getBody();
        assertThat(read.getProperty("CostCenter").getValue().toString()).isEqualTo("CC-OLINGO");
        assertThat(read.getProperty("Name").getValue().toString()).isEqualTo("Olingo Gateway");

        ClientEntity stop = client.getObjectFactory().newEntity(new FullQualifiedName("VMM", "Service"));
        stop.getProperties().add(client.getObjectFactory().newPrimitiveProperty("Operation",
                client.getObjectFactory().newPrimitiveValueBuilder().buildString("Stop")));
        assertThat(client.getCUDRequestFactory().getEntityUpdateRequest(serviceUri(id, WEST_STAMP), UpdateType.PATCH,
                stop).execute().getStatusCode()).isEqualTo(204);
        ODataDeleteResponse deleted = client.getCUDRequestFactory().getDeleteRequest(serviceUri(id, WEST_STAMP))
                .execute();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> client.getRetrieveRequestFactory().getEntityRequest(serviceUri(id, WEST_STAMP))
                .execute()).isInstanceOfSatisfying(ODataClientErrorException.class,
                        e -> assertThat(e.getStatusLine().getStatusCode()).isEqualTo(404));
    }
}
