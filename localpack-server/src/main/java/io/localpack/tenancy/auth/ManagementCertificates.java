package io.localpack.tenancy.auth;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The management certificates registered per subscription (table {@code management_certificates}): the one store
 * that the control plane's registration, the subscription API's certificate calls and certificate-mode
 * authentication share.
 */
@Component
public class ManagementCertificates {

    public record Registration(UUID subscriptionId, String thumbprint, String subject, OffsetDateTime createdTime) {
    }

    /**
     * A registration with the bodies the subscription API shows (both null when it was registered by thumbprint).
     *
     * @param publicKey base64 public key (SubscriptionCertificatePublicKey)
     * @param data      base64 DER certificate (SubscriptionCertificateData)
     */
    public record Certificate(UUID subscriptionId, String thumbprint, String subject, String publicKey, String data,
                              OffsetDateTime createdTime) {
    }

    private static final String CERTIFICATE_COLUMNS =
            "subscription_id, thumbprint, subject, public_key, certificate_data, created_time";

    private final JdbcTemplate jdbc;

    ManagementCertificates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Azure's thumbprint: SHA-1 of the DER encoding, upper-case hex. */
    public static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot compute a certificate thumbprint", e);
        }
    }

    /**
     * A certificate body as clients send it (base64 DER, whitespace allowed).
     *
     * @throws IllegalArgumentException not base64, or not an X.509 certificate
     */
    public static X509Certificate decode(String base64) {
        try {
            byte[] der = java.util.Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** The base64 of the certificate's public key (SubscriptionCertificatePublicKey). */
    public static String publicKey(X509Certificate certificate) {
        return java.util.Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded());
    }

    /** The subscriptions that accept this thumbprint. */
    List<UUID> subscriptionsOf(String thumbprint) {
        return jdbc.queryForList("SELECT subscription_id FROM management_certificates WHERE thumbprint = ?",
                UUID.class, thumbprint);
    }

    public List<Registration> list() {
        return jdbc.query("SELECT subscription_id, thumbprint, subject, created_time FROM management_certificates "
                + "ORDER BY subscription_id, thumbprint", (rs, n) -> new Registration(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class)));
    }

    /** @return false when it was registered already */
    public boolean register(UUID subscriptionId, String thumbprint, String subject) {
        return register(subscriptionId, thumbprint, subject, null, null);
    }

    /**
     * Registers a certificate with its public key and body (either may be null).
     *
     * @return false when it was registered already
     */
    public boolean register(UUID subscriptionId, String thumbprint, String subject, String publicKey, String data) {
        try {
            return jdbc.update("INSERT INTO management_certificates (" + CERTIFICATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    subscriptionId, thumbprint, subject, publicKey, data, OffsetDateTime.now(ZoneOffset.UTC)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** One subscription's certificates, oldest first. */
    public List<Certificate> of(UUID subscriptionId) {
        return jdbc.query("SELECT " + CERTIFICATE_COLUMNS + " FROM management_certificates WHERE subscription_id = ? "
                + "ORDER BY created_time, thumbprint", ManagementCertificates::certificate, subscriptionId);
    }

    public Optional<Certificate> find(UUID subscriptionId, String thumbprint) {
        return jdbc.query("SELECT " + CERTIFICATE_COLUMNS + " FROM management_certificates WHERE subscription_id = ? "
                + "AND thumbprint = ?", ManagementCertificates::certificate, subscriptionId, thumbprint)
                .stream().findFirst();
    }

    private static Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class));
    }

    public boolean remove(UUID subscriptionId, String thumbprint) {
        return jdbc.update("DELETE FROM management_certificates WHERE subscription_id = ? AND thumbprint = ?",
                subscriptionId, thumbprint) == 1;
    }
}
