package io.localpack.readcache;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, noticing every statement that may have written (an INSERT, UPDATE, DELETE or MERGE
 * that reported rows; any other statement but a query) and moving the {@link DataVersion} once that statement's
 * transaction has committed. Watching the connections rather
 * than the code that writes means no write path can be forgotten: JPA, JDBC, native SQL, jobs, fixtures, reset and
 * snapshots all pass here. A rolled-back transaction moves nothing.
 */
public final class VersionedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(VersionedDataSource.class);

    private final DataVersion version;
    /** Told when a commit's change could not be counted: answers kept so far must go. */
    private volatile Runnable versionLost = () -> { };

    VersionedDataSource(DataSource target) {
        super(target);
        this.version = new DataVersion(target);
    }

    DataVersion version() {
        return version;
    }

    void onVersionLost(Runnable listener) {
        this.versionLost = listener;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(super.getConnection(username, password));
    }

    private Connection watched(Connection connection) {
        return (Connection) watch(Connection.class, new WatchedConnection(connection));
    }

    /**
     * One connection's writes. The version is moved after the commit, at the connection's next step (auto-commit
     * turned back on, the connection given back, or its next statement): in auto-commit mode that is one round trip.
     */
    private final class WatchedConnection implements InvocationHandler {

        private final Connection target;
        /** Something may have been written since the last commit or rollback. */
        private boolean written;
        /** A commit that wrote has not moved the version yet. */
        private boolean unmoved;

        WatchedConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    moveIfDue();
                    WriteStatements.Kind kind = WriteStatements.kindOf((String) args[0]);
                    Object statement = call(target, method, args);
                    if (kind == WriteStatements.Kind.COUNTED) {
                        // counted by what it reports: a lease renewal that matched no row changed nothing
                        return watch(PreparedStatement.class, new CountedStatement(statement, proxy));
                    }
                    written |= kind == WriteStatements.Kind.OTHER;
                    return statement;
                }
                case "prepareCall" -> {
                    moveIfDue();
                    written = true;
                }
                case "createStatement" -> {
                    moveIfDue();
                    return watch(Statement.class, new PlainStatement(call(target, method, args), proxy));
                }
                case "commit" -> {
                    call(target, method, args);
                    committed();
                    return null;
                }
                case "rollback" -> {
                    if (args == null) {
                        written = false;
                    }
                }
                case "setAutoCommit" -> {
                    call(target, method, args);
                    if ((Boolean) args[0]) {
                        committed(); // turning auto-commit on commits the transaction open so far
                        moveIfDue();
                    }
                    return null;
                }
                case "close" -> {
                    if (!target.isClosed()) {
                        if (target.getAutoCommit()) {
                            committed(); // what was written in auto-commit mode has committed by now
                        }
                        moveIfDue();
                    }
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    written = true; // the caller goes round this watch: count whatever it does as a write
                }
                default -> {
                    // everything else is the connection's own
                }
            }
            return call(target, method, args);
        }

        private void committed() {
            if (written) {
                written = false;
                unmoved = true;
            }
        }

        private void moveIfDue() {
            if (!unmoved) {
                return;
            }
            unmoved = false;
            try {
                version.moved(target);
            } catch (SQLException | RuntimeException e) {
                log.warn("A change was committed but the data version could not be moved: {}", e.toString());
                versionLost.run();
            }
        }
    }

    private static Object watch(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * What a connection handed out (a statement, its rows), reporting writes to that connection; asked for its
     * connection, it gives the watched one, so that nothing reaches the connection round the watch.
     */
    private abstract static class Watch implements InvocationHandler {

        final Object target;
        private final Object connection;

        Watch(Object target, Object connection) {
            this.target = target;
            this.connection = connection;
        }

        Object connection() {
            return connection;
        }

        void written() {
            ((WatchedConnection) Proxy.getInvocationHandler(connection)).written = true;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return method.getName().equals("getConnection") ? connection : watched(method, args);
        }

        /** Any other call: passed on, with what it tells of writes noted. */
        abstract Object watched(Method method, Object[] args) throws Throwable;
    }

    /** A plain statement: its SQL comes with each execution and is judged by its words alone. */
    private static final class PlainStatement extends Watch {

        PlainStatement(Object target, Object connection) {
            super(target, connection);
        }

        @Override
        Object watched(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ((name.startsWith("execute") || name.equals("addBatch")) && args != null && args.length > 0
                    && args[0] instanceof String sql && WriteStatements.mayWrite(sql)) {
                written();
            }
            return call(target, method, args);
        }
    }

    /** An INSERT, UPDATE, DELETE or MERGE: a write when it says it changed rows. */
    private static final class CountedStatement extends Watch {

        CountedStatement(Object target, Object connection) {
            super(target, connection);
        }

        @Override
        Object watched(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result = call(target, method, args);
            if (name.equals("executeQuery")) {
                // WITH … UPDATE … RETURNING: it changed rows when it returns any
                return returnedRows((ResultSet) result);
            }
            boolean changed = switch (name) {
                case "executeUpdate", "executeLargeUpdate" -> ((Number) result).longValue() != 0;
                case "executeBatch" -> Arrays.stream((int[]) result).anyMatch(count -> count != 0);
                case "executeLargeBatch" -> Arrays.stream((long[]) result).anyMatch(count -> count != 0);
                case "execute" -> (Boolean) result || ((Statement) target).getUpdateCount() != 0;
                default -> false; // setting parameters and the like
            };
            if (changed) {
                written();
            }
            return result;
        }

        /**
         * The rows themselves when the driver tells at once whether there are any (the job claim reads some forty
         * columns a row: each read through a watch costs a reflective call); else a watch that notes the first row.
         */
        private ResultSet returnedRows(ResultSet rows) throws SQLException {
            try {
                if (rows.isBeforeFirst()) {
                    written();
                }
                return rows;
            } catch (SQLFeatureNotSupportedException e) {
                return (ResultSet) watch(ResultSet.class, new ReturnedRows(rows, connection()));
            }
        }
    }

    /** The rows a changing statement returned: one row read means rows changed. */
    private static final class ReturnedRows extends Watch {

        ReturnedRows(Object target, Object connection) {
            super(target, connection);
        }

        @Override
        Object watched(Method method, Object[] args) throws Throwable {
            Object result = call(target, method, args);
            if (method.getName().equals("next") && (Boolean) result) {
                written();
            }
            return result;
        }
    }
}
