package io.localpack.asm.domain;

import io.localpack.domain.Refusal;

/**
 * A refused cloud-service request, with its Service Management error code (the codes are the API's vocabulary;
 * which HTTP status each gets is the web layer's business).
 */
public class CloudServiceException extends Refusal {

    public CloudServiceException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    public static CloudServiceException badRequest(String message) {
        return invalid("BadRequest", message);
    }

    /** Bad input with a more specific code than BadRequest (e.g. InvalidXmlRequest). */
    public static CloudServiceException invalid(String code, String message) {
        return new CloudServiceException(Kind.INVALID, code, message);
    }

    public static CloudServiceException notFound(String message) {
        return new CloudServiceException(Kind.NOT_FOUND, "ResourceNotFound", message);
    }

    public static CloudServiceException conflict(String message) {
        return new CloudServiceException(Kind.CONFLICT, "ConflictError", message);
    }

    /** ASM says the same whether the subscription is missing or the credentials do not cover it. */
    public static CloudServiceException unknownSubscription(java.util.UUID subscriptionId) {
        return new CloudServiceException(Kind.NOT_FOUND, "AuthenticationFailed", "The subscription "
                + subscriptionId + " does not exist, or the credentials are not valid for it.");
    }
}
