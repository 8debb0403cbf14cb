package io.localpack.tenancy.auth;

import io.localpack.tenancy.SubscriptionLookup;
import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credentials for tests and portals without a real STS: {@code POST /_localpack/tokens} mints a bearer token for a
 * user and subscriptions; {@code /_localpack/certificates} registers management certificates per subscription.
 */
@RestController
@ControlPlane
@Tag(name = "Credentials", description = "Bearer tokens and management certificates")
public class AuthAdminController {

    private static final Set<String> TOKEN_FIELDS = Set.of("user", "subscriptions", "lifetime");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final AuthSettings settings;
    /** Made on first use: generating the RSA key pair costs start-up time most runs never need. */
    private final ObjectProvider<TokenKeys> keys;
    private final ManagementCertificates certificates;
    private final SubscriptionLookup subscriptions;

    AuthAdminController(AuthSettings settings, ObjectProvider<TokenKeys> keys, ManagementCertificates certificates,
                        SubscriptionLookup subscriptions) {
        this.settings = settings;
        this.keys = keys;
        this.certificates = certificates;
        this.subscriptions = subscriptions;
    }

    @PostMapping(path = "/_localpack/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mint a bearer token for a user and subscriptions")
    public Map<String, Object> mint(@RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("(body)", "the body must be a JSON object such as {\"user\":\"tenant@fabrikam.com\",\"subscriptions\":[\"…\"]}");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!TOKEN_FIELDS.contains(name)) {
                throw bad(name, "unknown member '" + name + "'; expected " + TOKEN_FIELDS);
            }
        });
        JsonNode user = body.get("user");
        if (user == null || !user.isTextual() || user.asText().isBlank()) {
            throw bad("user", "user is required: the user name the token is for");
        }
        List<String> subscriptions = subscriptions(body.get("subscriptions"));
        Duration lifetime = lifetime(body.get("lifetime"));
        TokenKeys tokenKeys = keys.getObject();
        JwtEncoder encoder = tokenKeys.encoder().orElseThrow(() -> new ControlPlaneRefusal(409,
                "MintingUnavailable", "(body)", "Tokens are validated with an outside issuer's public key "
                + "(localpack.auth.public-key): get tokens from that issuer, or configure localpack.auth.secret"));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(settings.issuer()).audience(List.of(settings.audience()))
                .subject(user.asText()).claim("upn", user.asText()).claim(settings.subscriptionsClaim(), subscriptions)
                .issuedAt(now).notBefore(now).expiresAt(now.plus(lifetime)).id(UUID.randomUUID().toString()).build();
        JwsHeader header = tokenKeys.hmac() ? JwsHeader.with(MacAlgorithm.HS256).build()
                : JwsHeader.with(SignatureAlgorithm.RS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tokenType", "Bearer");
        answer.put("token", token);
        answer.put("expiresAt", now.plus(lifetime).toString());
        answer.put("user", user.asText());
        answer.put("subscriptions", subscriptions);
        return answer;
    }

    @GetMapping(path = "/_localpack/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the registered management certificates")
    public List<ManagementCertificates.Registration> certificates() {
        return certificates.list();
    }

    @PostMapping(path = "/_localpack/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a management certificate (thumbprint or PEM/base64 DER) for a subscription")
    public ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || !body.path("subscriptionId").isTextual()) {
            throw bad("(body)", "send {\"subscriptionId\":\"…\",\"thumbprint\":\"40 hex digits\"} or "
                    + "{\"subscriptionId\":\"…\",\"certificate\":\"PEM or base64 DER\"}");
        }
        UUID subscription = uuid(body.get("subscriptionId").asText(), "subscriptionId");
        if (!subscriptions.exists(subscription)) {
            throw ControlPlaneRefusal.notFound("SubscriptionNotFound", "subscriptionId",
                    "Subscription '" + subscription + "' not found");
        }
        String thumbprint;
        String subject = null;
        if (body.path("certificate").isTextual()) {
            X509Certificate certificate = parse(body.get("certificate").asText());
            thumbprint = ManagementCertificates.thumbprint(certificate);
            subject = certificate.getSubjectX500Principal().getName();
        } else if (body.path("thumbprint").isTextual() && THUMBPRINT.matcher(body.get("thumbprint").asText()).matches()) {
            thumbprint = body.get("thumbprint").asText().toUpperCase();
        } else {
            throw bad("thumbprint", "thumbprint must be the certificate's SHA-1 in 40 hex digits, or send certificate instead");
        }
        boolean added = certificates.register(subscription, thumbprint, subject);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscriptionId", subscription);
        answer.put("thumbprint", thumbprint);
        answer.put("subject", subject);
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }

    @DeleteMapping("/_localpack/certificates/{subscriptionId}/{thumbprint}")
    @Operation(summary = "Remove a management certificate from a subscription")
    public ResponseEntity<Void> remove(@PathVariable UUID subscriptionId, @PathVariable String thumbprint) {
        if (!certificates.remove(subscriptionId, thumbprint.toUpperCase())) {
            throw ControlPlaneRefusal.notFound("ResourceNotFound", "thumbprint", "No certificate " + thumbprint
                    + " registered for subscription " + subscriptionId);
        }
        return ResponseEntity.noContent().build();
    }

    private static List<String> subscriptions(JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw bad("subscriptions", "subscriptions is required: a non-empty array of subscription ids");
        }
        List<String> ids = new ArrayList<>();
        value.forEach(v -> ids.add(uuid(v.asText(), "subscriptions").toString()));
        return ids;
    }

    private Duration lifetime(JsonNode value) {
        if (value == null) {
            return settings.tokenLifetime();
        }
        try {
            Duration d = DurationStyle.detectAndParse(value.asText());
            if (!value.isTextual() || d.isNegative() || d.isZero() || d.compareTo(MAX_LIFETIME) > 0) {
                throw bad("lifetime", "lifetime must be a positive duration up to 30 days, such as \"PT1H\" or \"8h\"");
            }
            return d;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad("lifetime", "lifetime must be a duration such as \"PT1H\" or \"8h\", not '" + value.asText() + "'");
        }
    }

    private static X509Certificate parse(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw bad("certificate", "certificate is not a PEM or base64 DER X.509 certificate");
        }
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw bad(field, field + " must hold subscription GUIDs, not '" + text + "'");
        }
    }

    private static ControlPlaneRefusal bad(String field, String message) {
        return ControlPlaneRefusal.badRequest(field, message);
    }
}
