package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ServiceRepository extends JpaRepository<Service, VmmKey> {

    /**
     * Locks the service's row until the transaction ends (SELECT … FOR UPDATE), so a job on the service and a job on
     * one of its machines are not queued both at once: each checks the other's lock while holding this one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Service s where s.id = :id and s.stampId = :stampId")
    java.util.Optional<Service> lockForJob(@Param("id") UUID id, @Param("stampId") UUID stampId);
}
