package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The {@code VMCheckPoints} entity set, read-only here: the checkpoints of the subscription's VMs. */
@Configuration(proxyBeanMethods = false)
public class VmCheckpointEntitySet {

    private static final String PUBLIC = "Public";

    /**
     * VMM.VMCheckPoint (spec 2.7, complete). CheckpointID is Hyper-V's id of the checkpoint, which LocalPack does
     * not keep apart from its VMM id; the write-only members (VMCheckPointAction, Confirm, RunAsynchronously) read
     * null.
     */
    @Bean
    @Order(75)
    EntitySetDeclaration<VmCheckpoint> vmCheckpoints(VmCheckpointRepository checkpoints,
            VmCheckpointWrites writes) {
        return EntitySetDeclaration.builder("VMCheckPoints", "VMCheckPoint", VmCheckpoint.class)
                .key("ID", VmCheckpoint::getId).queryable("id")
                .key("StampId", VmCheckpoint::getStampId).queryable("stampId").writable()
                .property("VMId", GUID, VmCheckpoint::getVmId).queryable("vmId").writable()
                .property("Name", STRING, VmCheckpoint::getName).queryable("name").writable()
                .property("Description", STRING, VmCheckpoint::getDescription).queryable("description").writable()
                .property("VMCheckPointAction", STRING, c -> null).writable()
                .property("Confirm", BOOLEAN, c -> null).writable()
                .property("Accessibility", STRING, c -> PUBLIC)
                .property("AddedTime", DATE_TIME, VmCheckpoint::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, VmCheckpoint::getModifiedTime).queryable("modifiedTime")
                .property("CheckpointID", GUID, VmCheckpoint::getId)
                .property("ParentCheckpointID", GUID, VmCheckpoint::getParentCheckpointId)
                .queryable("parentCheckpointId")
                .property("Enabled", BOOLEAN, c -> true)
                .property("RunAsynchronously", BOOLEAN, c -> null)
                .writes(writes)
                .scope(TenantScope.ownedRows(), checkpoints::findOwned)
                .build();
    }
}
