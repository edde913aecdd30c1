package org.promoattribution.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Logging set-up of a child JVM that shares this JVM's class path: which SLF4J binding is on it
 * (Logback in the app, maybe slf4j-simple, a Log4j 2 bridge, JUL, or none) is not ours to know,
 * so the child gets a configuration for each of them, all at one level, writing to standard
 * output (which goes to the child's log file). Log4j 2's is used by Kafka's own log4j-core too.
 */
final class ChildLogging {

    private ChildLogging() {}

    /** Writes the configuration files into {@code dir} and returns the JVM options naming them. */
    static List<String> jvmOptions(Path dir, String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        Path logback = dir.resolve("logback-child.xml");
        Path log4j2 = dir.resolve("log4j2-child.properties");
        Path jul = dir.resolve("jul-child.properties");
        write(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n</pattern></encoder>
                  </appender>
                  <root level="LEVEL"><appender-ref ref="OUT"/></root>
                </configuration>
                """.replace("LEVEL", upper));
        write(log4j2, """
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%t] %c - %m%n
                rootLogger.level = LEVEL
                rootLogger.appenderRef.out.ref = OUT
                """.replace("LEVEL", upper));
        write(jul, """
                handlers = java.util.logging.ConsoleHandler
                .level = LEVEL
                java.util.logging.ConsoleHandler.level = ALL
                """.replace("LEVEL", julLevel(upper)));
        return List.of(
                "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
                "-Dlog4j2.configurationFile=" + log4j2.toAbsolutePath(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + upper.toLowerCase(Locale.ROOT),
                "-Djava.util.logging.config.file=" + jul.toAbsolutePath());
    }

    private static String julLevel(String level) {
        return switch (level) {
            case "TRACE" -> "FINEST";
            case "DEBUG" -> "FINE";
            case "INFO" -> "INFO";
            case "ERROR" -> "SEVERE";
            case "OFF" -> "OFF";
            default -> "WARNING";
        };
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
