/** Transactions that end cleanly whatever happens inside them. */

interface Tx {
  abort(): void;
  done: Promise<void>;
}

/**
 * Runs `body` in `tx` and waits for the commit. When anything throws (a refused write aborts
 * the transaction itself), the transaction is aborted and its rejected `done` is handled, so the
 * caller sees the original error once and nothing is half-written.
 */
export async function inTx<T>(tx: Tx, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // InvalidStateError: already finished or aborted; nothing left to undo.
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
}
