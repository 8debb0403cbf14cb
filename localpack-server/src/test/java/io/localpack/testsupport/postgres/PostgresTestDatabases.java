package io.localpack.testsupport.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the test databases on the suite's server and drops them when the JVM ends.
 *
 * <p>Names are generated here, never taken as given: {@code lpt_<pid>_<n>} for a fresh database and
 * {@code lpt_<pid>_s_<name>} for a shared one, where {@code <name>} must match {@link #SHARED_NAME}. CREATE DATABASE
 * takes no bind parameters, so the generated name is checked against {@link #DATABASE_NAME} and quoted. The pid keeps
 * concurrent builds on one server apart and lets a later run drop what a killed run left behind.
 */
final class PostgresTestDatabases {

    private static final Pattern SHARED_NAME = Pattern.compile("[a-z0-9_]{1,30}");
    private static final Pattern DATABASE_NAME = Pattern.compile("lpt_(\\d+)_[a-z0-9_]+");
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    private PostgresTestDatabases() {
    }

    static String createFresh(PostgresServer server) {
        String name = "lpt_" + PID + "_" + COUNTER.incrementAndGet();
        create(server, name);
        return name;
    }

    /** The database for a shared name, created on first use. */
    static String shared(PostgresServer server, String sharedName) {
        if (!SHARED_NAME.matcher(sharedName).matches()) {
            throw new IllegalArgumentException(TestDatabase.SHARED_DATABASE_PROPERTY + " must match " + SHARED_NAME
                    + ", was '" + sharedName + "'");
        }
        return SHARED.computeIfAbsent(sharedName, n -> {
            String name = "lpt_" + PID + "_s_" + n;
            create(server, name);
            return name;
        });
    }

    private static void create(PostgresServer server, String name) {
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoted(name));
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + server.description(), e);
        }
    }

    private static String quoted(String name) {
        if (!DATABASE_NAME.matcher(name).matches() || name.length() > 63) {
            throw new IllegalArgumentException("Not a generated test database name: " + name);
        }
        return '"' + name + '"';
    }

    /** At JVM end: drop this run's databases on a server that outlives it, or stop the server the run started. */
    static void registerShutdown(PostgresServer server) {
        if (server.stopper() == null) {
            dropOrphans(server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (server.stopper() != null) {
                try {
                    server.stopper().close();
                } catch (Exception e) {
                    System.err.println("Could not stop test PostgreSQL " + server.description() + ": " + e);
                }
            } else {
                drop(server, List.copyOf(CREATED), true);
            }
        }, "localpack-test-postgres-cleanup"));
    }

    /** Test databases of runs on this machine whose JVM is gone (killed before its shutdown hook ran). */
    private static void dropOrphans(PostgresServer server) {
        if (!server.source().equals("local")) {
            return; // Pids only mean something for a server that only this machine's builds use.
        }
        List<String> orphans = new ArrayList<>();
        try (Connection c = server.connectAdmin();
             // Only idle ones: a pid that is gone here may be a live build elsewhere using the same server.
             PreparedStatement s = c.prepareStatement("SELECT datname FROM pg_database d WHERE datname LIKE ?"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            s.setString(1, "lpt\\_%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Matcher m = DATABASE_NAME.matcher(rs.getString(1));
                    if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        orphans.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException | NumberFormatException e) {
            return; // Only housekeeping.
        }
        drop(server, orphans, false);
    }

    private static void drop(PostgresServer server, List<String> names, boolean force) {
        if (names.isEmpty()) {
            return;
        }
        Set<String> failed = new LinkedHashSet<>();
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            // WITH (FORCE) (PostgreSQL 13+) ends connections of pools that are still open at JVM end.
            String option = force && c.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
            for (String name : names) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + quoted(name) + option);
                } catch (SQLException e) {
                    failed.add(name);
                }
            }
        } catch (SQLException e) {
            failed.addAll(names);
        }
        if (!failed.isEmpty()) {
            System.err.println("Could not drop test databases " + failed + " on " + server.description());
        }
    }
}
