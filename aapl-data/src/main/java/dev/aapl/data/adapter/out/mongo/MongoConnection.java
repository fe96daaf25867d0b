package dev.aapl.data.adapter.out.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.aapl.core.domain.AaplException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One client for one connection string, with short timeouts so that an unreachable server
 * fails within seconds, and the translation of driver failures into one clear line that never
 * shows the credentials.
 */
final class MongoConnection implements AutoCloseable {

    /** How long to look for a server and to open a connection, unless the string says. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** How long one operation may wait for the server's answer, unless the string says. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)([?&](?:password|authMechanismProperties|tlsCertificateKeyFilePassword)=)[^&]*");

    private static final String REACH_HINT = "check that the server runs and that host, port and"
            + " credentials in the connection string are right";

    private final MongoClient client;
    private final String masked;
    private final String database;
    private final Duration timeout;
    private final List<String> secrets;

    private MongoConnection(MongoClient client, String masked, String database,
            Duration timeout, List<String> secrets) {
        this.client = client;
        this.masked = masked;
        this.database = database;
        this.timeout = timeout;
        this.secrets = secrets;
    }

    /**
     * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string
     * @param timeout how long to look for a server and to connect, unless the string says
     * @return the connection; no network traffic happens until the first operation
     * @throws AaplException when the string is not a MongoDB connection string
     */
    static MongoConnection open(String uri, Duration timeout) {
        String masked = mask(uri);
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new AaplException("'" + masked + "' is not a MongoDB connection string: "
                    + e.getMessage(), "write it as mongodb://user:password@host:27017/database",
                    e);
        }
        int millis = Math.toIntExact(timeout.toMillis());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis,
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis,
                        TimeUnit.MILLISECONDS).readTimeout(Math.toIntExact(
                                READ_TIMEOUT.toMillis()), TimeUnit.MILLISECONDS))
                .applyConnectionString(parsed)
                .build();
        return new MongoConnection(MongoClients.create(settings), masked, parsed.getDatabase(),
                timeout, secretsOf(parsed.getCredential()));
    }

    /**
     * Hides the user and password and the options that carry secrets. When the string has an
     * {@code @}, everything between the scheme and the last {@code @} is hidden, so a password
     * with an unescaped {@code @} is hidden too.
     *
     * @param uri a connection string
     * @return the same string with {@code ***} in place of the credentials
     */
    static String mask(String uri) {
        if (uri == null) {
            return "";
        }
        String masked = uri;
        int scheme = masked.indexOf("://");
        int at = masked.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            masked = masked.substring(0, scheme + 3) + "***" + masked.substring(at);
        }
        return SECRET_OPTION.matcher(masked).replaceAll("$1***");
    }

    /**
     * @param name a database name, or {@code null} for the one in the connection string
     * @param fallback the database used when neither names one
     * @return the database
     */
    MongoDatabase database(String name, String fallback) {
        return client.getDatabase(databaseName(name, fallback));
    }

    /**
     * @param name a database name, or {@code null} for the one in the connection string
     * @param fallback the database used when neither names one
     * @return the name of the database that will be used
     */
    String databaseName(String name, String fallback) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return database != null && !database.isBlank() ? database : fallback;
    }

    /** @return the connection string with its credentials hidden */
    String masked() {
        return masked;
    }

    /**
     * @param e a failure of the driver
     * @param action what was being done, for example {@code "reading AAPL 1h"}
     * @return the failure as one line without credentials, with a hint
     */
    AaplException translate(MongoException e, String action) {
        if (e instanceof MongoTimeoutException) {
            String detail = e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("connection refused")
                    ? " (connection refused)" : "";
            return new AaplException("MongoDB at " + masked + " did not answer within "
                    + timeout.toMillis() / 1000.0 + " s" + detail, REACH_HINT, e);
        }
        if (e instanceof MongoSecurityException) {
            return new AaplException("MongoDB at " + masked + " refused the credentials",
                    "check the user, the password and authSource in the connection string", e);
        }
        return new AaplException("MongoDB at " + masked + " failed while " + action + ": "
                + scrub(firstLine(e.getMessage())), REACH_HINT, e);
    }

    @Override
    public void close() {
        client.close();
    }

    private String scrub(String message) {
        String clean = message;
        for (String secret : secrets) {
            // Very short secrets would blank out ordinary words; they are weak anyway.
            if (secret.length() >= 3) {
                clean = clean.replace(secret, "***");
            }
        }
        return clean;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static List<String> secretsOf(MongoCredential credential) {
        List<String> secrets = new ArrayList<>();
        if (credential != null) {
            if (credential.getUserName() != null && !credential.getUserName().isEmpty()) {
                secrets.add(credential.getUserName());
            }
            if (credential.getPassword() != null && credential.getPassword().length > 0) {
                secrets.add(new String(credential.getPassword()));
            }
        }
        return List.copyOf(secrets);
    }
}
