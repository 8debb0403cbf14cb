package io.localpack.vmm.model;

import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.vmm.common.UserAndRole;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.junit.jupiter.api.Test;

/** What a declaration derives by itself, without a server: query paths, the wire entity, its refusals. */
class EntitySetDeclarationTest {

    record Row(UUID id, UUID stampId, String name, OffsetDateTime added, UserAndRole owner) {
    }

    private static final Row ROW = new Row(UUID.randomUUID(), UUID.randomUUID(), "web",
            OffsetDateTime.parse("2014-05-02T09:12:30Z"), null);

    private static EntitySetDeclaration.Builder<Row> rows() {
        return EntitySetDeclaration.builder("Rows", "Row", Row.class)
                .key("ID", Row::id).queryable("id")
                .property("Name", STRING, Row::name).queryable("name")
                .key("StampId", Row::stampId)
                .property("AddedTime", DATE_TIME, Row::added)
                .complex("Owner", CommonTypes.USER_AND_ROLE, Row::owner).queryable("owner")
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE,
                        (row, subscriptionId) -> List.of(new UserAndRole(null, "tenant", subscriptionId)))
                .scope(TenantScope.ownedRows(), (subscriptionId, id, stampId) -> Optional.empty());
    }

    @Test
    void queryPathsComeFromQueryablePropertiesAndTheQueryableMembersOfTheirComplexType() {
        assertThat(rows().build().queryableProperties()).isEqualTo(Map.of("ID", "id", "Name", "name",
                "Owner/UserName", "owner.userName", "Owner/RoleName", "owner.roleName", "Owner/RoleID", "owner.roleId"));
    }

    @Test
    void aRowReadsInDeclarationOrderWithNullMembersForAnAbsentComplexValue() {
        UUID subscription = UUID.randomUUID();
        Entity entity = rows().build().toEntity(ROW, subscription);
        assertThat(entity.getType()).isEqualTo("VMM.Row");
        assertThat(entity.getProperties()).extracting(Property::getName)
                .containsExactly("ID", "Name", "StampId", "AddedTime", "Owner", "GrantedToList");
        assertThat(entity.getProperty("AddedTime").getValue()).isInstanceOf(ZonedDateTime.class);
        assertThat(((ComplexValue) entity.getProperty("Owner").getValue()).getValue())
                .allSatisfy(member -> assertThat(member.getValue()).isNull());
        List<?> granted = (List<?>) entity.getProperty("GrantedToList").getValue();
        assertThat(((ComplexValue) granted.get(0)).getValue()).extracting(Property::getValue)
                .containsExactly(null, "tenant", subscription);
        assertThat(rows().build().keyOf(ROW).getId()).isEqualTo(ROW.id());
    }

    @Test
    void aPropertyDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> rows().property("Name", STRING, Row::name))
                .hasMessageContaining("Name is declared twice");
    }

    @Test
    void aReadOnlySetCannotDeclareWritableProperties() {
        assertThatThrownBy(() -> rows().property("Tag", STRING, row -> null).writable().build())
                .hasMessageContaining("writable properties but no writes");
    }

    @Test
    void theKeyIsIdAndStampId() {
        assertThatThrownBy(() -> EntitySetDeclaration.builder("Rows", "Row", Row.class).key("ID", Row::id)
                .scope(TenantScope.ownedRows(), (subscriptionId, id, stampId) -> Optional.empty()).build())
                .hasMessageContaining("needs the keys ID and StampId");
    }
}
