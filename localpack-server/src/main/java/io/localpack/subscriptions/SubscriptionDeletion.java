package io.localpack.subscriptions;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job behind {@code DELETE /subscriptions/{id}}: removes what the subscription holds in the VMM and Service
 * Management APIs, then the subscription with its grants, certificates, co-admins and add-ons. Each step commits on
 * its own, so a client polling the subscription sees it go. Other subscriptions' rows are never touched: every
 * statement selects by this subscription's id.
 */
@Component
class SubscriptionDeletion implements JobHandler {

    static final String KIND = "subscriptions.subscription.delete";

    private final SubscriptionStore store;
    private final TransactionTemplate transaction;

    SubscriptionDeletion(SubscriptionStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobExecution x) throws Exception {
        UUID id = x.targetObjectId();
        x.step("Deleting virtual machines and services", 50,
                () -> transaction.executeWithoutResult(s -> store.deleteVmmResources(id)));
        x.step("Deleting cloud services", 90, () -> transaction.executeWithoutResult(s -> store.deleteCloudServices(id)));
        x.step("Deleting the subscription", 100, () -> transaction.executeWithoutResult(s -> store.deleteSubscription(id)));
        x.result(id, "Subscription", x.job().targetObjectName());
    }

    @Override
    public boolean stepsOnlyWrite() {
        return true;
    }

    /** A failed deletion leaves the subscription usable again (Active), holding whatever was not deleted yet. */
    @Override
    public void onFailure(JobExecution x, JobError error) {
        transaction.executeWithoutResult(s -> store.changeState(x.targetObjectId(), Models.DELETE_PENDING,
                Models.ACTIVE));
    }
}
