package io.localpack.tenancy.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The management certificates registered per subscription (table {@code management_certificates}). */
@Component
public class ManagementCertificates {

    public record Registration(UUID subscriptionId, String thumbprint, String subject, OffsetDateTime createdTime) {
    }

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
        try {
            return jdbc.update("INSERT INTO management_certificates (subscription_id, thumbprint, subject, created_time) "
                    + "VALUES (?, ?, ?, ?)", subscriptionId, thumbprint, subject, OffsetDateTime.now(ZoneOffset.UTC)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean remove(UUID subscriptionId, String thumbprint) {
        return jdbc.update("DELETE FROM management_certificates WHERE subscription_id = ? AND thumbprint = ?",
                subscriptionId, thumbprint) == 1;
    }
}
