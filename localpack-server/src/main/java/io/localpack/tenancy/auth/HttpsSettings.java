package io.localpack.tenancy.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code localpack.https.*}: serve HTTPS (always on in certificate mode).
 *
 * @param enabled          serve HTTPS instead of HTTP
 * @param keyStore         a PKCS#12 key store to use; when empty, a self-signed certificate for localhost is generated
 *                         at first start into {@code generatedKeyStore} and reused afterwards
 * @param keyStorePassword its password
 * @param generatedKeyStore where the generated key store is kept (password {@code localpack}: it protects nothing but
 *                         a throw-away local certificate)
 */
@ConfigurationProperties("localpack.https")
public record HttpsSettings(Boolean enabled, String keyStore, String keyStorePassword, String generatedKeyStore) {

    public HttpsSettings {
        enabled = enabled != null && enabled;
        keyStore = keyStore == null || keyStore.isBlank() ? null : keyStore;
        generatedKeyStore = generatedKeyStore == null || generatedKeyStore.isBlank() ? "data/localpack-https.p12"
                : generatedKeyStore;
    }
}
