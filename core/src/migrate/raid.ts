/**
 * A RAID log's dependencies become hand-offs: who provides (the From column, else the name a
 * deliverable mentions) and who waits (the To column) are found among the initiatives by name,
 * or made as initiatives of their own.
 */
import { parseDependencyProse } from "./dependencies.ts";
import { handoffStateOf } from "./lookups.ts";
import { normaliseOwner } from "./cells.ts";
import { filledSummary } from "./layout.ts";
import type { InitiativeRec, Item } from "./model.ts";
import { nameOf } from "./reading.ts";
import { reject } from "./items.ts";
import type { Run } from "./records.ts";
import { fold } from "./words.ts";

export function raidHandoffs(run: Run, dependencies: readonly Item[]): void {
  const { sheet, records, extras } = run;
  const { text, date, fieldLabel } = sheet.read;
  for (const it of dependencies) {
    const deliverable = nameOf(sheet, it) ?? text(it, "comment");
    let fromName = text(it, "from");
    const toName = text(it, "to");
    if (!fromName && deliverable) {
      const named = parseDependencyProse(deliverable).find((d) => d.ref.kind === "name");
      if (named?.ref.kind === "name") fromName = named.ref.name;
    }
    if (!fromName || !toName) {
      reject(
        it,
        `a dependency needs who provides it and who waits for it: ${!fromName ? "no provider" : "no one waiting"} (${filledSummary(it.row, sheet.layout.headers)})`,
      );
      continue;
    }
    const from = party(run, fromName, it);
    const to = party(run, toName, it);
    if (from === to) {
      reject(it, `a dependency of "${fromName}" on itself`);
      continue;
    }
    const stateText = text(it, "stage");
    const state = stateText ? (handoffStateOf(stateText) ?? null) : "Requested";
    if (stateText && !state)
      it.notes.push(
        `${fieldLabel("stage")} "${stateText.slice(0, 30)}" is not a hand-off state; State left blank`,
      );
    const id = `DEP-${records.handoffs.length + 1}`;
    records.handoffs.push({
      id,
      from,
      to,
      deliverable: deliverable ?? `Dependency of ${to.name} on ${from.name}`,
      neededBy: date(it, "due"),
      committed: null,
      delivered: null,
      state,
      owner: normaliseOwner(text(it, "owner")),
      extras: extras.of(it),
    });
    records.handoffKeys.add(`${from.id}>${to.id}`);
    it.report.outcome = "imported";
    it.report.ids.push(id);
    for (const x of [from, to])
      if (!it.report.ids.includes(x.id) && records.parties.get(fold(x.name)) === x)
        it.report.ids.push(x.id);
    it.report.reason = `hand-off ${id} from ${from.id} (${from.name}) to ${to.id} (${to.name})`;
  }
}

/** The initiative a dependency names: an imported one of that name, or one made for it. */
function party({ records, objectives }: Run, name: string, item: Item): InitiativeRec {
  const key = fold(name);
  const existing = records.initiativeByName.get(key) ?? records.parties.get(key);
  if (existing) return existing;
  const ini: InitiativeRec = {
    id: records.nextInitiativeId(),
    objective: item.objective ?? objectives.fallback(),
    name,
    team: null,
    owner: null,
    start: null,
    due: null,
    stage: null,
    extras: new Map(),
  };
  records.initiatives.push(ini);
  records.parties.set(key, ini);
  records.created.initiatives++;
  return ini;
}
