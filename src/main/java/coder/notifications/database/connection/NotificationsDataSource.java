package coder.notifications.database.connection;

import coder.notifications.database.CacheDirectory;
import coder.notifications.database.ConnectionUrl;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source behind {@code jdbc/notifications} (see {@code liberty/server.xml}). Open Liberty pools its
 * connections and enlists them in transactions; this class only decides where they go, on first use: the
 * database named by {@code CODER_PG_CONNECTION_URL} (Coder's or JDBC form), or the built-in database.
 */
public class NotificationsDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    private String connectionUrl = "";
    private String cacheDirectory = "";
    private transient volatile boolean targetChosen;

    /** {@code CODER_PG_CONNECTION_URL}; empty for the built-in database. */
    public void setConnectionUrl(String connectionUrl) {
        this.connectionUrl = connectionUrl == null ? "" : connectionUrl.strip();
    }

    /** {@code CODER_CACHE_DIRECTORY}; empty for the default under the user's home. */
    public void setCacheDirectory(String cacheDirectory) {
        this.cacheDirectory = cacheDirectory == null ? "" : cacheDirectory.strip();
    }

    @Override
    public Connection getConnection() throws SQLException {
        chooseTarget();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        chooseTarget();
        return super.getConnection(user == null ? getUser() : user, password == null ? getPassword() : password);
    }

    private void chooseTarget() throws SQLException {
        if (targetChosen) {
            return;
        }
        synchronized (this) {
            if (!targetChosen) {
                point(target());
                targetChosen = true;
            }
        }
    }

    private ConnectionUrl target() throws SQLException {
        try {
            return connectionUrl.isEmpty()
                    ? BuiltInDatabase.connection(CacheDirectory.of(cacheDirectory))
                    : ConnectionUrl.parse(connectionUrl);
        } catch (IllegalArgumentException e) {
            throw new SQLException("notifications: CODER_PG_CONNECTION_URL: " + e.getMessage(), "08001", e);
        } catch (RuntimeException e) {
            throw new SQLException("notifications: " + e.getMessage(), "08001", e);
        }
    }

    private void point(ConnectionUrl target) {
        setURL(target.jdbcUrl());
        target.user().ifPresent(this::setUser);
        target.password().ifPresent(this::setPassword);
        if (getApplicationName() == null || getApplicationName().equals("PostgreSQL JDBC Driver")) {
            setApplicationName("coder-notifications");
        }
    }
}
