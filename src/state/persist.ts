/** Persistent storage: asked at moments that make sense (first save, install), never on load. */

export interface StorageFacts {
  usage?: number;
  quota?: number;
  persisted: boolean | undefined;
}

/** Asks the browser not to clear our storage under pressure; true when granted. */
export async function requestPersistence(): Promise<boolean> {
  const storage = navigator.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

/** The browser's own view: an estimate (often rounded or padded) and whether storage is persistent. */
export async function readStorageFacts(): Promise<StorageFacts> {
  const storage = navigator.storage;
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}
