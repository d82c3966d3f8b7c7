package org.opensalw.shared;

import java.util.concurrent.ThreadFactory;

/** Threads for a module's own executors: named (so a thread dump says whose they are) and daemon (they never hold up exit). */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
