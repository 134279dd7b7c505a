/// <reference types="google-apps-script" />
/**
 * Every write plan runs under the document lock, so two people closing a period (or one
 * closing while another refreshes statuses) cannot interleave their writes.
 */
import type { Services } from "./services.ts";

const WAIT_MS = 20000;

/** Thrown when another Baton action holds the lock for longer than a user should wait. */
export class BusyError extends Error {
  constructor() {
    super("Another Baton action is running on this spreadsheet. Try again in a minute.");
    this.name = "BusyError";
  }
}

/** Runs `fn` holding the document lock; pending writes are flushed before it is released. */
export function withDocumentLock<T>(s: Services, fn: () => T): T {
  const lock = s.locks.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) throw new BusyError();
  try {
    const result = fn();
    s.app.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
