/** The hosts whose round trips the benchmark counts: the fakes of Excel and Google Sheets in the contract suite. */
import { HOSTS } from "../../test/contract/hosts.ts";

export const hostSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Fakes of a spreadsheet service count what the service would: syncs, getValues and setValues calls. */
export const SERVICE_HOSTS = HOSTS.filter((h) => /excel|sheets/i.test(h.name)).map((h) =>
  hostSlug(h.name),
);
