package org.promoattribution.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** The lines one class logs during each test ({@code @RegisterExtension}): for tests of what an operator reads. */
public final class LoggedLines implements BeforeEachCallback, AfterEachCallback {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    public LoggedLines(Class<?> loggingClass) {
        logger = (Logger) LoggerFactory.getLogger(loggingClass);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.list.clear();
        lines.start();
        logger.addAppender(lines);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(lines);
    }

    public List<ILoggingEvent> list() {
        return lines.list;
    }
}
