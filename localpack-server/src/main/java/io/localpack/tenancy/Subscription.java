package io.localpack.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A WAP tenant subscription: the first segment of every tenant URL and the owner of what it creates. */
@Entity
@Table(name = "subscriptions")
public class Subscription {

    @Id
    private UUID id;

    private String name;

    @Column(name = "account_admin")
    private String accountAdmin;

    protected Subscription() {
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAccountAdmin() {
        return accountAdmin;
    }

    /** The role WAP grants a subscription's objects to, as SPF shows it in GrantedToList (e.g. "tenant@fabrikam.com_86e9…"). */
    public String tenantRoleName() {
        return accountAdmin + "_" + id;
    }
}
