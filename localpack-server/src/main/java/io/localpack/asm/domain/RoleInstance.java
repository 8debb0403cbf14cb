package io.localpack.asm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One instance of a web or worker role in a deployment. */
@Entity
@Table(name = "asm_role_instances")
public class RoleInstance {

    @Id
    private UUID id;
    // loaded with this row: Hibernate makes no lazy-loading proxies here (io.localpack.NoRuntimeBytecode)
    @ManyToOne(optional = false)
    @JoinColumn(name = "deployment_id")
    private Deployment deployment;
    @Column(nullable = false)
    private int position;
    @Column(name = "role_name", nullable = false)
    private String roleName;
    @Column(name = "instance_name", nullable = false)
    private String instanceName;
    @Column(name = "instance_status", nullable = false)
    private String instanceStatus;
    @Column(name = "power_state", nullable = false)
    private String powerState;
    @Column(name = "upgrade_domain", nullable = false)
    private int upgradeDomain;
    @Column(name = "fault_domain", nullable = false)
    private int faultDomain;
    @Column(name = "instance_size", nullable = false)
    private String instanceSize;
    @Column(name = "ip_address")
    private String ipAddress;
    @Column(name = "host_name")
    private String hostName;

    protected RoleInstance() {
    }

    RoleInstance(Deployment deployment, int position, String roleName, int index, String instanceStatus,
                 String powerState, String ipAddress) {
        this.id = UUID.randomUUID();
        this.deployment = deployment;
        this.position = position;
        this.roleName = roleName;
        this.instanceName = roleName + "_IN_" + index;
        this.instanceStatus = instanceStatus;
        this.powerState = powerState;
        this.upgradeDomain = index % 5;
        this.faultDomain = index % 2;
        this.instanceSize = "Small";
        this.ipAddress = ipAddress;
        this.hostName = "RD" + id.toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    public UUID getId() { return id; }
    public Deployment getDeployment() { return deployment; }
    public int getPosition() { return position; }
    public String getRoleName() { return roleName; }
    public String getInstanceName() { return instanceName; }
    public String getInstanceStatus() { return instanceStatus; }
    public String getPowerState() { return powerState; }
    public int getUpgradeDomain() { return upgradeDomain; }
    public int getFaultDomain() { return faultDomain; }
    public String getInstanceSize() { return instanceSize; }
    public String getIpAddress() { return ipAddress; }
    public String getHostName() { return hostName; }

    /** The n of {@code Role_IN_n}. */
    int index() {
        return Integer.parseInt(instanceName.substring(instanceName.lastIndexOf('_') + 1));
    }

    void setPosition(int position) {
        this.position = position;
    }

    void setState(String instanceStatus, String powerState) {
        this.instanceStatus = instanceStatus;
        this.powerState = powerState;
    }
}
