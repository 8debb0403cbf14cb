package io.localpack.vmm.quota;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One quota dimension of a subscription in a cloud with its usage, as the view {@code quota_and_usage_components}
 * computes it from the subscription's VMs (read-only: the view is not updatable).
 */
@Entity
@Immutable
@Table(name = "quota_and_usage_components")
@IdClass(VmmKey.class)
public class QuotaAndUsageComponent {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "cloud_id")
    private UUID cloudId;
    @Column(name = "quota_dimension")
    private String quotaDimension;
    @Column(name = "user_role_quota")
    private Integer userRoleQuota;
    @Column(name = "user_role_usage")
    private Long userRoleUsage;

    protected QuotaAndUsageComponent() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public UUID getCloudId() {
        return cloudId;
    }

    public String getQuotaDimension() {
        return quotaDimension;
    }

    public Integer getUserRoleQuota() {
        return userRoleQuota;
    }

    public Long getUserRoleUsage() {
        return userRoleUsage;
    }
}
