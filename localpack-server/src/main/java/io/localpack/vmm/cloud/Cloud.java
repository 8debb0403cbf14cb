package io.localpack.vmm.cloud;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A VMM private cloud on a stamp; tenants deploy services and virtual machines into the clouds of their plan. */
@Entity
@Table(name = "clouds")
@IdClass(VmmKey.class)
public class Cloud {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;

    private String name;
    private String description;
    @Column(name = "last_modified_date")
    private OffsetDateTime lastModifiedDate;
    @Column(name = "user_role_id")
    private UUID userRoleId;
    @Column(name = "writable_library_path")
    private String writableLibraryPath;

    protected Cloud() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getLastModifiedDate() {
        return lastModifiedDate;
    }

    public UUID getUserRoleId() {
        return userRoleId;
    }

    public String getWritableLibraryPath() {
        return writableLibraryPath;
    }
}
