package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRepository extends JpaRepository<Service, VmmKey>, ServiceLocks, ServiceStatusUpdates {
}
