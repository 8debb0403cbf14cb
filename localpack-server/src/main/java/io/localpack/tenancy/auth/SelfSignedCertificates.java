package io.localpack.tenancy.auth;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed X.509 certificates (BouncyCastle): LocalPack's HTTPS certificate and test clients' certificates. */
public final class SelfSignedCertificates {

    private SelfSignedCertificates() {
    }

    public record Issued(KeyPair keys, X509Certificate certificate) {

        /** A PKCS#12 key store holding the key and certificate under {@code alias}. */
        public KeyStore keyStore(String alias, char[] password) throws GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            store.setKeyEntry(alias, keys.getPrivate(), password, new X509Certificate[] {certificate});
            return store;
        }
    }

    /**
     * An RSA 2048 certificate for {@code commonName}, valid for {@code validity}; with {@code serverNames} it is a
     * server certificate naming those DNS names and IP addresses.
     */
    public static Issued issue(String commonName, Duration validity, String... serverNames)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)), name, keys.getPublic());
        try {
            if (serverNames.length > 0) {
                GeneralName[] names = new GeneralName[serverNames.length];
                for (int i = 0; i < serverNames.length; i++) {
                    boolean ip = serverNames[i].matches("[0-9.]+|.*:.*");
                    names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, serverNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Issued(keys, certificate);
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("Cannot issue a certificate for " + commonName, e);
        }
    }
}
