package org.promoattribution.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class given as the first argument, and exits
 * the child when its standard input reaches end of file.
 *
 * <p>Why: the parent keeps the write end of the child's stdin pipe open for the child's whole
 * life. When the parent JVM ends for any reason (normal exit, crash, kill -9, a Surefire fork
 * timeout), the kernel closes that pipe, and the child shuts down cleanly (System.exit runs the
 * broker's own shutdown hook) instead of living on as an orphan that holds ports and memory.
 */
public final class ExitWithParent {

    private ExitWithParent() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ExitWithParent <main class> [args...]");
            System.exit(2);
        }
        Thread watcher = new Thread(ExitWithParent::exitOnEndOfInput, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitOnEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end of file: the parent is gone.
        }
        System.err.println("[ExitWithParent] standard input closed (parent stopping us, or gone): shutting down");
        System.exit(0);
    }
}
