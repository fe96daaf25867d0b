package dev.aapl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every log to standard error through Logback: this product's own milestones at INFO,
 * libraries at WARN, and everything at DEBUG with {@code --verbose}. Tribuo logs through
 * java.util.logging, which is bridged to SLF4J here so it obeys the same levels.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        LogManager.getLogManager().reset();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(
                verbose ? java.util.logging.Level.FINE : java.util.logging.Level.WARNING);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
        ((Logger) LoggerFactory.getLogger("dev.aapl")).setLevel(
                verbose ? Level.DEBUG : Level.INFO);
        for (String quiet : new String[] {"org.mongodb.driver", "org.eclipse.jetty", "io.javalin",
            "org.tribuo"}) {
            ((Logger) LoggerFactory.getLogger(quiet)).setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }
}
