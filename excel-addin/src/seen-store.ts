/// <reference types="office-js" />
/**
 * What one user last saw of a workbook ("Since you last looked"), kept in the add-in's own
 * storage for this user, never in the document: two people sharing a workbook each have their
 * own. `OfficeRuntime.storage` where the shared runtime offers it, else the pane's
 * localStorage (both belong to the add-in's origin and this user's Office profile).
 */

export interface UserStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

interface RuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export function userStore(): UserStore {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: RuntimeStorage } }).OfficeRuntime;
  const storage = runtime?.storage;
  if (storage)
    return {
      get: (key) => storage.getItem(key),
      set: (key, value) => storage.setItem(key, value),
    };
  return {
    get: (key) => Promise.resolve(globalThis.localStorage.getItem(key)),
    set: (key, value) => Promise.resolve(globalThis.localStorage.setItem(key, value)),
  };
}

/**
 * The key for one workbook: its URL where Office gives one (a saved file), else one key for
 * every unsaved workbook, which is the best an add-in can tell them apart by.
 */
export function seenKey(documentUrl: string | null | undefined): string {
  return `baton.seen:${documentUrl?.trim() || "unsaved workbook"}`;
}
