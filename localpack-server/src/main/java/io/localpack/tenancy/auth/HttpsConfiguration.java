package io.localpack.tenancy.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * HTTPS when {@code localpack.https.enabled} or in certificate mode: the configured key store, or a self-signed
 * certificate for localhost generated at first start and reused. In certificate mode the client certificate is
 * requested (want, not need: a request without one gets the API's own 401/403) and any certificate is accepted in
 * the handshake.
 */
@Component
class HttpsConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String GENERATED_PASSWORD = "localpack";
    private static final Logger log = LoggerFactory.getLogger(HttpsConfiguration.class);

    private final HttpsSettings https;
    private final AuthSettings auth;

    HttpsConfiguration(HttpsSettings https, AuthSettings auth) {
        this.https = https;
        this.auth = auth;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        boolean clientCertificates = auth.mode() == AuthSettings.Mode.CERTIFICATE;
        if (!https.enabled() && !clientCertificates) {
            return;
        }
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setKeyStoreType("PKCS12");
        if (https.keyStore() != null) {
            ssl.setKeyStore(https.keyStore());
            ssl.setKeyStorePassword(https.keyStorePassword());
        } else {
            ssl.setKeyStore(generatedKeyStore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(GENERATED_PASSWORD);
        }
        if (clientCertificates) {
            ssl.setClientAuth(Ssl.ClientAuth.WANT);
            factory.addConnectorCustomizers(connector -> {
                for (SSLHostConfig host : connector.findSslHostConfigs()) {
                    host.setCertificateVerification("optional");
                    host.setTrustManagerClassName(TrustAnyClientCertificate.class.getName());
                }
            });
        }
        factory.setSsl(ssl);
    }

    private Path generatedKeyStore() {
        Path file = Path.of(https.generatedKeyStore());
        if (Files.exists(file)) {
            return file;
        }
        try {
            SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("localhost", Duration.ofDays(3650),
                    "localhost", "127.0.0.1");
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                issued.keyStore("localpack", GENERATED_PASSWORD.toCharArray())
                        .store(out, GENERATED_PASSWORD.toCharArray());
            }
            log.info("Generated a self-signed HTTPS certificate for localhost in {} (SHA-1 {})", file,
                    ManagementCertificates.thumbprint(issued.certificate()));
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the HTTPS key store " + file + ": " + e.getMessage(), e);
        }
    }
}
