package io.localpack.asm.domain;

import io.localpack.tenancy.auth.ManagementCertificates;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;

/**
 * Opens the certificate file of Add Service Certificate: a PFX (PKCS#12, through the JDK's KeyStore, with the
 * password the client sent) or a bare .cer. Only the public certificate comes out: the private key and the
 * password are dropped here and never stored, logged or put into a job.
 */
final class CertificateFiles {

    /** The public part of an uploaded certificate: its SHA-1 thumbprint (upper-case hex) and base64 DER. */
    record PublicCertificate(String thumbprint, String data, String subject) {
    }

    private CertificateFiles() {
    }

    static PublicCertificate open(Commands.CertificateFile file) {
        String format = file.format() == null ? "" : file.format().toLowerCase(Locale.ROOT);
        try {
            X509Certificate certificate = switch (format) {
                case "pfx" -> fromPfx(file.data(), file.password());
                case "cer" -> fromCer(file.data());
                default -> throw CloudServiceException.badRequest("The CertificateFormat '" + file.format()
                        + "' is not supported; use pfx or cer.");
            };
            return new PublicCertificate(ManagementCertificates.thumbprint(certificate),
                    Base64.getEncoder().encodeToString(certificate.getEncoded()),
                    certificate.getSubjectX500Principal().getName());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw CloudServiceException.badRequest("The certificate could not be encoded.");
        } finally {
            if (file.password() != null) {
                Arrays.fill(file.password(), '\0');
            }
        }
    }

    private static X509Certificate fromPfx(byte[] data, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(data), password == null ? new char[0] : password);
        } catch (Exception e) {
            // wrong password and damaged file look alike to the KeyStore; neither is echoed
            throw CloudServiceException.badRequest("The certificate file is not a PFX that opens with the password "
                    + "given.");
        }
        try {
            X509Certificate withKey = null;
            X509Certificate any = null;
            for (String alias : Collections.list(store.aliases())) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x509) {
                    if (store.isKeyEntry(alias) && withKey == null) {
                        withKey = x509;
                    } else if (any == null) {
                        any = x509;
                    }
                }
            }
            X509Certificate chosen = withKey != null ? withKey : any;
            if (chosen == null) {
                throw CloudServiceException.badRequest("The PFX holds no X.509 certificate.");
            }
            return chosen;
        } catch (java.security.KeyStoreException e) {
            throw CloudServiceException.badRequest("The PFX could not be read.");
        }
    }

    private static X509Certificate fromCer(byte[] data) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(data));
        } catch (CertificateException | ClassCastException e) {
            throw CloudServiceException.badRequest("The certificate file is not an X.509 certificate (cer).");
        }
    }
}
