-- Management certificates (authentication mode "certificate"): the client certificates a subscription accepts,
-- by SHA-1 thumbprint in upper-case hex as Azure shows it. Registered by fixtures or /_localpack/certificates.
CREATE TABLE management_certificates (
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    thumbprint          VARCHAR(40)   NOT NULL,
    subject             VARCHAR(1024),
    created_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, thumbprint)
);
