package io.localpack.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the tests may create databases on.
 *
 * @param source      which way it was found (url, local, testcontainers, embedded)
 * @param description for logs: where it is and which version
 * @param url         a JDBC URL of a database on it that the user can connect to (the admin database)
 * @param user        a user with CREATEDB
 * @param stopper     stops the server at JVM end when the tests started it; null for a server found running
 */
record PostgresServer(String source, String description, String url, String user, String password,
                      AutoCloseable stopper) {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

    PostgresServer {
        if (!JDBC_URL.matcher(url).matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
    }

    /** The same URL pointing at another database on this server (keeps host, port and parameters). */
    String urlFor(String database) {
        Matcher m = JDBC_URL.matcher(url);
        m.matches();
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    Connection connectAdmin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, props);
    }

    PostgresServer withDescription(String newDescription) {
        return new PostgresServer(source, newDescription, url, user, password, stopper);
    }
}
