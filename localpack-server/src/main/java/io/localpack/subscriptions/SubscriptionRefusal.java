package io.localpack.subscriptions;

import io.localpack.domain.Refusal;

/** A refused subscription-API request, naming the member, parameter or header that was wrong (null: none). */
public class SubscriptionRefusal extends Refusal {

    private final String field;

    public SubscriptionRefusal(Kind kind, String code, String field, String message) {
        super(kind, code, message);
        this.field = field;
    }

    public static SubscriptionRefusal badRequest(String field, String message) {
        return new SubscriptionRefusal(Kind.INVALID, "BadRequest", field, message);
    }

    /** The one answer for a subscription that does not exist and for one the caller may not see. */
    public static SubscriptionRefusal subscriptionNotFound(Object id) {
        return new SubscriptionRefusal(Kind.NOT_FOUND, "SubscriptionNotFound", "subscriptionId",
                "The subscription '" + id + "' was not found.");
    }

    public String field() {
        return field;
    }
}
