/** The hosts whose round trips the benchmark counts: the fakes of Excel and Google Sheets the contract suite runs on too. */
import { HOSTS } from "../../fakes/hosts.ts";

export const hostSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Fakes of a spreadsheet service count what the service would: syncs, getValues and setValues calls. */
export const SERVICE_HOSTS = HOSTS.filter((h) => /excel|sheets/i.test(h.name)).map((h) =>
  hostSlug(h.name),
);
