package io.localpack.subscriptions;

import io.localpack.testsupport.Await;
import io.localpack.testsupport.Fixtures;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;

/** Calls to the subscription API as its clients make them, and short names for the rows of 40_subscription_api.sql. */
abstract class SubscriptionApiSupport extends HttpTestSupport {

    static final String GOLD = Fixtures.GOLD_PLAN;
    static final String PILOT = Fixtures.PILOT_PLAN;
    static final String STARTER = Fixtures.STARTER_PLAN;
    static final String NORTHWIND = Fixtures.NORTHWIND;
    static final String EXTRA_VMS = Fixtures.EXTRA_VMS_ADD_ON;
    static final String PILOT_ADD_ON = Fixtures.PILOT_ADD_ON;
    static final String FABRIKAM_ADMIN = "tenant@fabrikam.com";
    static final String FABRIKAM_CO_ADMIN = "dev@fabrikam.com";
    static final String CONTOSO_ADMIN = "tenant@contoso.com";
    static final String NORTHWIND_ADMIN = "tenant@northwind.example";

    /** Members of a subscription, in WAP's order. */
    static final List<String> SUBSCRIPTION_MEMBERS = List.of("SubscriptionID", "SubscriptionName",
            "AccountAdminLiveEmailId", "ServiceAdminLiveEmailId", "CoAdminNames", "AddOnReferences", "AddOns", "State",
            "QuotaSyncState", "ActivationSyncState", "PlanId", "Services", "LastErrorMessage", "Features",
            "OfferFriendlyName", "OfferCategory", "Created");

    /** A request as a JSON client sends it (unless the headers name another Accept), as {@code principal}. */
    Response call(String method, String path, String body, String principal, String... headers) {
        List<String> all = new ArrayList<>();
        if (List.of(headers).stream().noneMatch("Accept"::equalsIgnoreCase)) {
            all.addAll(List.of("Accept", "application/json"));
        }
        if (principal != null) {
            all.addAll(List.of("x-ms-principal-id", principal));
        }
        all.addAll(List.of(headers));
        return sendNamingNoVersion(method, base + path, body, all.toArray(String[]::new));
    }

    Response getAs(String principal, String path) {
        return call("GET", path, null, principal);
    }

    /** Subscribes {@code user} to a plan with a fresh id; returns the id. */
    String subscribe(String user, String plan, String name) {
        String id = java.util.UUID.randomUUID().toString();
        Response created = call("POST", "/subscriptions", """
                {"SubscriptionId":"%s","PlanId":"%s","FriendlyName":"%s","AccountAdminLiveEmailId":null,
                 "AccountAdminLivePuid":"%s","AccountId":"00000000-0000-0000-0000-000000000000","OfferType":0,
                 "CoAdminNames":null}""".formatted(id, plan, name, user), user);
        if (created.status() != 200) {
            throw new IllegalStateException("subscribe failed: " + created.status() + " " + created.body());
        }
        return id;
    }

    /** Deletes a subscription and waits until it is gone. */
    void deleteAndAwait(String user, String id) {
        Response deleted = call("DELETE", "/subscriptions/" + id + "?force=true", null, user);
        if (deleted.status() != 202) {
            throw new IllegalStateException("delete failed: " + deleted.status() + " " + deleted.body());
        }
        Await.until("subscription " + id + " to be gone", () -> getAs(user, "/subscriptions/" + id).status(),
                status -> status == 404);
    }

    /** The rows of every table the subscription API reads or writes, as sorted text. */
    List<String> subscriptionState() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("subscriptions", "subscription_co_admins", "subscription_add_ons",
                "subscription_clouds", "subscription_service_templates", "management_certificates", "plans",
                "add_ons", "asm_hosted_services", "jobs")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
