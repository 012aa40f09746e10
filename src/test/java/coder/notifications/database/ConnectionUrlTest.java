package coder.notifications.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.config.InvalidSettingException;
import coder.notifications.config.SettingSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrlTest {

    @Test
    void codersFormBecomesAJdbcUrlWithUserAndPassword() {
        var url = ConnectionUrl.parse("postgres://coder:s3cret@db.example.com:5433/coder?sslmode=disable");
        assertEquals("jdbc:postgresql://db.example.com:5433/coder?sslmode=disable", url.jdbcUrl());
        assertEquals(Optional.of("coder"), url.user());
        assertEquals(Optional.of("s3cret"), url.password());
    }

    @Test
    void thePortDefaultsTo5432AndPercentEncodedPasswordsAreDecoded() {
        var url = ConnectionUrl.parse("postgresql://coder:p%40ss%3Aword+1@localhost/coder");
        assertEquals("jdbc:postgresql://localhost:5432/coder", url.jdbcUrl());
        assertEquals(Optional.of("p@ss:word+1"), url.password());
    }

    @Test
    void libpqParameterNamesAreTranslated() {
        var url = ConnectionUrl.parse("postgres://u@h/d?connect_timeout=5&application_name=x&sslmode=require");
        assertEquals("jdbc:postgresql://h:5432/d?connectTimeout=5&ApplicationName=x&sslmode=require", url.jdbcUrl());
        assertEquals(Optional.empty(), url.password());
    }

    @Test
    void aJdbcUrlIsKeptAsItIs() {
        var url = ConnectionUrl.parse("jdbc:postgresql://localhost:5432/test?user=postgres");
        assertEquals("jdbc:postgresql://localhost:5432/test?user=postgres", url.jdbcUrl());
    }

    @Test
    void thePasswordIsNeverPrinted() {
        var url = ConnectionUrl.parse("postgres://coder:s3cret@db:5432/coder");
        assertFalse(url.toString().contains("s3cret"), url.toString());
        assertFalse(ConnectionUrl.redact("jdbc:postgresql://db/coder?password=s3cret&user=x")
                .contains("s3cret"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://u:p@h/d",
                "localhost:5432",
                "postgres://u:p@/d",
                "jdbc:mysql://h/d",
                "postgres://u:p w@h/d"
            })
    void anInvalidUrlNamesTheVariableWithoutThePassword(String value) {
        var source = new SettingSource(
                property -> property.equals("coder.pg.connection.url") ? Optional.of(value) : Optional.empty());
        var error = assertThrows(InvalidSettingException.class, () -> DatabaseSettings.from(source));
        assertEquals("CODER_PG_CONNECTION_URL", error.variable());
        assertFalse(error.getMessage().contains(":p@") || error.getMessage().contains("p w@"), error.getMessage());
    }

    @Test
    void noUrlMeansTheBuiltInDatabaseInTheCacheDirectory() {
        var source = new SettingSource(
                property -> property.equals("coder.cache.directory") ? Optional.of("/var/cache/x") : Optional.empty());
        var settings = DatabaseSettings.from(source);
        assertTrue(settings.external().isEmpty());
        assertEquals("/var/cache/x", settings.cacheDirectory().toString());
    }
}
