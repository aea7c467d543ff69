// Concurrent requests share version reads, without ever sharing one that is too old for them.

/**
 * Wraps `read` so that callers share calls: a caller joins the next call to start, never one
 * already running — that one may have started before the caller's own last write committed.
 * So at most one call runs and one waits, however many requests arrive, and every caller gets
 * a value read after it asked. Under load this turns one version statement per request into
 * about one per statement's duration, and hits stop queueing for pool connections.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const call = read();
    running = call;
    const clear = () => {
      if (running === call) running = null;
    };
    call.then(clear, clear);
    return call;
  };
  return () => {
    if (queued) return queued;
    if (!running) return start();
    queued = running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
