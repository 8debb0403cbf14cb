package io.localpack.tenancy.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the admin credential: the configured one, or one generated and written to a file only the user can
 * read (its path is logged, never the password). Generated once and reused while the file exists.
 */
final class AdminCredential {

    private static final Logger log = LoggerFactory.getLogger(AdminCredential.class);

    private AdminCredential() {
    }

    static String password(AuthSettings settings) {
        if (settings.adminPassword() != null) {
            return settings.adminPassword();
        }
        Path file = Path.of(settings.adminPasswordFile());
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps its default permissions
            }
            log.info("Admin credential: user '{}', password generated into {}", settings.adminUser(),
                    file.toAbsolutePath());
            return password;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write the admin password file " + file, e);
        }
    }
}
