package io.localpack.asm.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import java.util.UUID;

interface DeploymentRepository extends JpaRepository<Deployment, UUID> {
}
