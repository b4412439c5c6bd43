package org.collusion.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Starts Neo4j Community in this JVM with Bolt on 127.0.0.1 only, for the project's local default store.
 * Started (detached) by tools/neo4j/index.ts, which waits for Bolt to answer; it also prints one line
 * {@code READY bolt://127.0.0.1:PORT} once Bolt listens. SIGTERM shuts the store down cleanly through a
 * shutdown hook. Failures end with a line {@code FAILED: <reason>} on stderr and exit status 1 (bad arguments 2).
 *
 * <p>Usage: {@code EmbeddedNeo4j --home DIR --port N --pagecache SIZE} (SIZE like 512m or 1g).
 */
public final class EmbeddedNeo4j {
    private static final String HOST = "127.0.0.1";

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.err.println("usage: EmbeddedNeo4j --home DIR --port N --pagecache SIZE");
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (LaunchException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (Throwable e) {
            e.printStackTrace();
            System.err.println("FAILED: " + explain(e, options));
            System.exit(1);
        }
    }

    private static void run(Options options) throws Exception {
        ensurePortFree(options.port);
        Files.createDirectories(options.home);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(options.home)
                .setUserLogProvider(new Log4jLogProvider(System.out))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCache)
                // A single-user local store: keep little transaction log, do not preallocate it.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s twice at shutdown by default. The databases are checkpointed and closed before
                // Bolt stops, so 1 s is safe (Netty then logs that it cut its event loops short) and SIGTERM
                // takes about 2.5 s instead of 11 s.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));
        awaitListening(options.port);
        System.out.println("READY bolt://" + HOST + ":" + options.port);
        System.out.flush();
        new CountDownLatch(1).await(); // the shutdown hook ends the JVM
    }

    /** Fails early with a plain message: Neo4j's own bind error is buried in a lifecycle stack trace. */
    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new LaunchException(
                    "port " + port + " on " + HOST + " is in use by another process; stop it or choose another"
                            + " port (COLLUSION_NEO4J_PORT)");
        }
    }

    /** Bolt is started by build(); this confirms the socket accepts connections before READY is printed. */
    private static void awaitListening(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new LaunchException("Neo4j started but Bolt does not accept connections on port " + port);
    }

    private static String explain(Throwable error, Options options) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (root.getClass().getSimpleName().equals("FileLockException") || message.contains("locked")) {
            return "the store in " + options.home + " is locked by another Neo4j process; stop that process first ("
                    + message + ")";
        }
        return root.getClass().getName() + ": " + message;
    }

    /** A failure whose message says it all: reported without a stack trace. */
    private static final class LaunchException extends RuntimeException {
        LaunchException(String message) {
            super(message);
        }
    }

    /** Command-line options; every one is required. */
    private record Options(Path home, int port, long pageCache) {
        static Options parse(String[] args) {
            Path home = null;
            Integer port = null;
            Long pageCache = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--home" -> home = Path.of(value).toAbsolutePath();
                    case "--port" -> port = parsePort(value);
                    case "--pagecache" -> pageCache = parseSize(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (home == null || port == null || pageCache == null) {
                throw new IllegalArgumentException("--home, --port and --pagecache are all required");
            }
            return new Options(home, port, pageCache);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--port must be 1-65535, got " + value);
        }

        private static long parseSize(String value) {
            try {
                return ByteUnit.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--pagecache must be a size like 512m or 1g, got " + value);
            }
        }
    }
}
