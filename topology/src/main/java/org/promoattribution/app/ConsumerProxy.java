package org.promoattribution.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * A consumer made of a handler that passes every call on to a real one and looks at a few on their
 * way ({@link LossReportingConsumer}, {@link FreshLagConsumer}): the interface has some fifty
 * methods, which a hand-written wrapper would have to repeat one by one.
 */
final class ConsumerProxy {
    private ConsumerProxy() {
    }

    @SuppressWarnings("unchecked")
    static Consumer<byte[], byte[]> through(InvocationHandler handler) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, handler);
    }
}
