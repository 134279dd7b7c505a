/**
 * Who is recording a gate decision, where the host can say who is signed in (Google Sheets
 * gives an email address; Excel cannot say). The address is matched to People's Email, else
 * its local part (ana.ruiz@…) to a name used as Owner, Sponsor or Controller; otherwise the
 * person types their name.
 */
import type { Grid } from "../cells/values.ts";
import { readPeople } from "../rhythm/people.ts";
import type { Workbook } from "../workbook/read.ts";
import { sameName } from "./gates.ts";

export function deciderFor(
  workbook: Workbook,
  people: Grid | undefined,
  signedIn: string | null | undefined,
): string | null {
  const email = signedIn?.trim().toLowerCase();
  if (!email) return null;
  const listed = readPeople(people).list.find((p) => p.email?.toLowerCase() === email);
  if (listed) return listed.name;
  const local = email.split("@")[0]!.replace(/[._-]+/g, " ");
  for (const i of workbook.initiatives)
    for (const name of [i.owner, i.sponsor, i.controller])
      if (typeof name === "string" && sameName(name, local)) return name;
  return null;
}
