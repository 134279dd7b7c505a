/**
 * A data row becomes an initiative: its stage (told by its status words, else by its RAG or
 * progress), team, owner and dates, its carried columns, and a check-in when the row has a RAG.
 * Without a RAG there is no check-in, so progress and comments stay on the row in extra columns.
 * Dependencies it names are kept to link once every row is placed.
 */
import { isBlank } from "../cells/values.ts";
import { textOf } from "./source.ts";
import { normaliseOwner } from "./cells.ts";
import { parseDependencyList, parseDependencyProse, type Dependency } from "./dependencies.ts";
import type { FieldKey } from "./vocabulary.ts";
import type { InitiativeRec, Item, ObjectiveRec } from "./model.ts";
import { fold } from "./words.ts";
import { addCheckin, type Run } from "./records.ts";

export function addInitiative(
  run: Run,
  item: Item,
  name: string,
  objective: ObjectiveRec,
  extraNotes: string[] = [],
): InitiativeRec {
  const { sheet, records, extras } = run;
  const { text, date, fraction, status } = sheet.read;
  const colOf = sheet.colOf;
  const { stage: st, rag } = status(item);
  const progress = fraction(item, "progress");
  let stage = st;
  if (!stage && rag) stage = "In progress";
  if (!stage && progress !== null && !colOf.has("stage"))
    stage = progress >= 1 ? "Done" : progress === 0 ? "Not started" : "In progress";
  const owner = normaliseOwner(text(item, "owner"));
  const ini: InitiativeRec = {
    id: records.nextInitiativeId(item),
    objective,
    name,
    team: text(item, "team"),
    owner,
    start: date(item, "start"),
    due: date(item, "due"),
    stage,
    item,
    extras: extras.of(item),
  };
  if (owner) objective.owners.add(owner);
  records.initiatives.push(ini);
  if (sheet.kind === "raid" && !records.initiativeByName.has(fold(name)))
    records.initiativeByName.set(fold(name), ini);
  records.created.initiatives++;
  item.initiative = ini;
  item.report.outcome = "imported";
  item.report.ids.push(ini.id);
  const said = [`initiative ${ini.id} under ${objective.id}`, ...extraNotes];
  const comment = text(item, "comment");
  const pathToGreen = text(item, "pathToGreen");
  if (rag)
    said.push(
      `a ${rag} check-in for ${addCheckin(run, item, ini.id, { rag, progress, comment, pathToGreen })}`,
    );
  else if (progress !== null || comment || pathToGreen) {
    // A check-in needs a RAG; without one the values stay on the row, in extra columns.
    for (const f of ["progress", "comment", "pathToGreen"] as FieldKey[]) {
      const c = colOf.get(f);
      if (c !== undefined && !isBlank(item.row[c])) {
        ini.extras.set(
          c,
          f === "progress" ? (progress ?? textOf(item.row[c])) : textOf(item.row[c]).trim(),
        );
        extras.demoted.add(c);
      }
    }
    said.push("no RAG, so no check-in: progress and comment kept in extra columns");
  }
  const deps: Dependency[] = [];
  const depText = text(item, "dependsOn");
  if (depText) deps.push(...parseDependencyList(depText));
  if (comment) deps.push(...parseDependencyProse(comment));
  if (deps.length) records.pending.push({ item, deps });
  item.report.reason = said.join("; ");
  return ini;
}
