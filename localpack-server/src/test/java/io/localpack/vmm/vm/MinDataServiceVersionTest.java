package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MinDataServiceVersion as WCF DS 5.x clients send it (docs/odata-dialects.md): the answer declares at least that
 * version; a minimum the service or the client's own maximum cannot meet is a 400 that changes nothing.
 */
class MinDataServiceVersionTest extends VirtualMachineWriteSupport {

    @ParameterizedTest(name = "Min {0}, Max {1}")
    @CsvSource({
        "4.0;NetFx, 3.0;NetFx, higher than the highest version",
        "3.0;NetFx, 2.0;NetFx, is lower than its MinDataServiceVersion",
        "three,     3.0;NetFx, not a version number"})
    void aMinimumThatCannotBeMetIsRefusedAndChangesNothing(String min, String max, String message) {
        String id = running("min version");
        var before = databaseSnapshot();
        Response refused = send("PUT", vmUrl(id), "{\"Operation\":\"Stop\"}", "DataServiceVersion", "3.0;NetFx",
                "MaxDataServiceVersion", max, "MinDataServiceVersion", min, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains(message).contains("MinDataServiceVersion");
        assertThat(refused.header("x-ms-request-id")).isNotNull();
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE target_object_id = ?", Integer.class,
                java.util.UUID.fromString(id))).isZero();
    }

    @Test
    void aWriteAnswersAtLeastTheClientsMinimum() {
        String id = running("min version write");
        Response stopped = send("PUT", vmUrl(id), "{\"Operation\":\"Stop\"}", v3("MinDataServiceVersion", "3.0;NetFx",
                "Accept", "application/atom+xml"));
        assertThat(stopped.status()).isEqualTo(204);
        assertThat(stopped.header("DataServiceVersion")).isEqualTo("3.0;");
        Response withoutMinimum = send("PUT", vmUrl(id), "{\"Operation\":\"Start\"}",
                v3("Accept", "application/atom+xml"));
        assertThat(withoutMinimum.status()).isEqualTo(204);
        assertThat(withoutMinimum.header("DataServiceVersion")).isEqualTo("1.0;");
    }
}
