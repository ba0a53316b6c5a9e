package io.bridgekeeper.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Concurrent single reads share the database: at most {@code readers} reads run at once, and the
 * requests that arrive while they run wait in a queue; the next reader takes the whole queue in one
 * read. Under light load every request is read alone and at once; under heavy load a read serves many,
 * so the database is asked fewer times than requests arrive and no request waits behind a pool of
 * connections.
 *
 * <p>Freshness is kept: a request only ever joins a read that has not started yet, so the read that
 * answers it began after the request arrived and sees everything committed before that (the decision
 * API's promise that a committed unlink or transfer is never answered from an older state).
 *
 * <p>A read that fails is not shared: when a read of several requests fails, each of them is read
 * again alone, so a request whose input breaks the read (which validation should have refused before
 * it joined) fails by itself and never another caller's request.
 *
 * <p>Who reads: a request that finds a free reader slot reads for the queue; a reader that is done
 * hands its slot to the oldest waiting request (which then reads for the queue), or, with nobody
 * waiting, gives the slot back and looks once more, so a request that queued just then is not left
 * waiting. Readers run in the requests' own threads: no thread of its own, no hand-over.
 *
 * @param <R> a request
 * @param <A> the answer of one read, shared by every request of that read
 */
final class CoalescedReads<R, A> {

    private static final int WAITING = 0;
    private static final int LEAD = 1;
    private static final int DONE = 2;

    private final Function<List<R>, A> read;
    private final Semaphore readers;
    private final ConcurrentLinkedQueue<Pending<R, A>> queue = new ConcurrentLinkedQueue<>();

    /** @param read one database read for these requests, in the calling thread */
    CoalescedReads(int readers, Function<List<R>, A> read) {
        if (readers < 1) {
            throw new IllegalArgumentException("at least one reader");
        }
        this.read = read;
        this.readers = new Semaphore(readers);
    }

    private static final class Pending<R, A> {
        final R request;
        final Thread thread = Thread.currentThread();
        volatile int state = WAITING;
        A answer;
        RuntimeException failure;

        Pending(R request) {
            this.request = request;
        }
    }

    /** The answer of a read that began after this call; the exception of its own read (alone) if that failed. */
    A read(R request) {
        Pending<R, A> me = new Pending<>(request);
        queue.add(me);
        if (readers.tryAcquire()) {
            lead(null);
        }
        for (int s = me.state; s != DONE; s = me.state) {
            if (s == LEAD) {
                me.state = WAITING;
                lead(me);
            } else {
                LockSupport.park(this);
            }
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return me.answer;
    }

    /** Holding a reader slot: reads for the queue (and for {@code promoted}, taken off it already), then hands the slot on. */
    private void lead(Pending<R, A> promoted) {
        List<Pending<R, A>> batch = new ArrayList<>();
        if (promoted != null) {
            batch.add(promoted);
        }
        for (Pending<R, A> p = queue.poll(); p != null; p = queue.poll()) {
            batch.add(p);
        }
        try {
            if (!batch.isEmpty()) {
                List<R> requests = new ArrayList<>(batch.size());
                for (Pending<R, A> p : batch) {
                    requests.add(p.request);
                }
                try {
                    A answer = read.apply(requests);
                    for (Pending<R, A> p : batch) {
                        p.answer = answer;
                    }
                } catch (RuntimeException | Error e) {
                    if (batch.size() == 1) {
                        batch.getFirst().failure = failure(e);
                    } else {
                        // one request's input may have failed the read for all: each is read again alone, so only
                        // a request whose own read fails fails (each of these reads still began after it arrived)
                        for (Pending<R, A> p : batch) {
                            readAlone(p);
                        }
                    }
                }
                for (Pending<R, A> p : batch) {
                    p.state = DONE;
                    LockSupport.unpark(p.thread);
                }
            }
        } finally {
            handOn();
        }
    }

    private void readAlone(Pending<R, A> p) {
        try {
            p.answer = read.apply(List.of(p.request));
        } catch (RuntimeException | Error e) {
            p.failure = failure(e);
        }
    }

    /** The exception a failed request sees (an Error too: nobody may wait forever). */
    private static RuntimeException failure(Throwable e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException("the read failed", e);
    }

    private void handOn() {
        Pending<R, A> next = queue.poll();
        if (next != null) {
            promote(next);
            return;
        }
        readers.release();
        // a request that queued after the poll above but found no free slot is served from here
        while (!queue.isEmpty() && readers.tryAcquire()) {
            next = queue.poll();
            if (next != null) {
                promote(next);
                return;
            }
            readers.release();
        }
    }

    private static <R, A> void promote(Pending<R, A> next) {
        next.state = LEAD;
        LockSupport.unpark(next.thread);
    }
}
