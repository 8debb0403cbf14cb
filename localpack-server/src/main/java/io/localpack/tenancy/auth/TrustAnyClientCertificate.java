package io.localpack.tenancy.auth;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Tomcat's trust manager in certificate mode: any client certificate completes the handshake, as Azure accepts any
 * self-signed management certificate; whether it may act for a subscription is decided per request by its
 * registered thumbprint ({@link ClientCertificateFilter}), so an unknown one gets the API's 403, not a TLS failure.
 */
public class TrustAnyClientCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // decided per request by thumbprint
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("only used for client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
