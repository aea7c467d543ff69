// Concurrency caps: how many expensive operations (aggregates, search) each client may have
// running at once in this process. A budget bounds how much a client asks for over time; this
// bounds how much of the database it holds at one moment.

export class ConcurrencyLimiter {
  private readonly running = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** A function that gives the slot back, or null when the client has no slot free. */
  tryAcquire(clientId: string): (() => void) | null {
    const count = this.running.get(clientId) ?? 0;
    if (count >= this.perClient) return null;
    this.running.set(clientId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(clientId) ?? 1) - 1;
      if (left > 0) this.running.set(clientId, left);
      else this.running.delete(clientId);
    };
  }
}
