/**
 * docs/MIGRATION.md, generated from the same tables the migration reads, so the document
 * cannot promise a word the code does not know (a test compares the file with this output;
 * `npm run docs:migration` rewrites it).
 */
import {
  COUNT_WORDS,
  DATE_FORMATS,
  DEPENDENCY_PHRASES,
  DIRECTION_WORDS,
  FIELDS,
  HANDOFF_STATE_WORDS,
  LANGUAGES,
  LANGUAGE_NAMES,
  LINK_TYPES,
  MONTHS,
  RAID_OUTCOME,
  RAID_TYPES,
  RISK_RESPONSES,
  SHORT_STATUS,
  STATUS_WORDS,
  TOTAL_WORDS,
  WEAK_DEPENDENCY_PHRASES,
  WEEKDAYS,
  type Language,
} from "./vocabulary.ts";
import { KINDS } from "./kinds.ts";
import { fold } from "./words.ts";

const cell = (words: readonly string[]) =>
  words.map((w) => "`" + w.replace(/~$/, "") + "`" + (w.endsWith("~") ? "*" : "")).join(", ");
const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const byLanguage = (table: Readonly<Record<Language, readonly string[]>>) =>
  LANGUAGES.map((l) => cell(table[l]));
const headerRow = (first: readonly string[]) => [
  row([...first, ...LANGUAGES.map((l) => LANGUAGE_NAMES[l])]),
  row([...first, ...LANGUAGES].map(() => "---")),
];

const KIND_TEXT: Record<(typeof KINDS)[number], string> = {
  initiatives:
    "a list of initiatives, projects or tasks: each row is an initiative; an objective column, section rows or the sheet's title give the objectives",
  plan: "a project plan: names indented under summary tasks, or predecessors such as `2fs`: top-level summary tasks become objectives, deeper summaries lead their tasks' names (`Setup Relay Servers: Design`) and are listed as skipped, predecessors become hand-offs",
  okr: "an OKR or KPI sheet: each row is a KPI under its objective (repeated per key result, merged down, or written once and left blank below); a row with an objective and no key result describes the objective; an Actual becomes a KPI check-in",
  raid: "a RAID log or risk register: dependencies become hand-offs between the initiatives they name (found by name, or created), risks, issues and actions become initiatives, assumptions and decisions are listed as skipped",
};

export function migrationVocabularyDoc(): string {
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines, "");
  p(
    "# Migration: what Baton understands",
    "",
    "<!-- Generated from core/src/migrate/vocabulary.ts by `npm run docs:migration`; a test keeps it in step. Do not edit by hand. -->",
  );
  p(
    "`baton migrate SOURCE --out FILE.xlsx [--mapping M.json] [--sheet NAME] [--json] [--progress]` reads a CSV file or any sheet of an",
    ".xlsx workbook and writes a new Baton workbook. The source file is only read. Every non-blank row below the header",
    "appears once in the report: **imported** (with the IDs it became), **skipped** (with why: a section heading, a",
    "repeated header, a total, a summary task, an assumption) or **rejected** (with why: nothing names the row, an",
    "unknown RAID type, a dependency with no provider). Rows above the header are the title block; its first line names",
    "the objective that holds rows with no objective of their own.",
  );
  p(
    "## Rules",
    "",
    "- Baton never invents a value the source does not hold. A required cell the source left blank (an initiative's",
    "  Team, an objective's Owner) stays blank, and `baton validate` names each one with its cell. A value that cannot",
    "  be read (`TBC` in a date column) is left blank and named in the row's reason.",
    "- Values Baton derives follow stated rules: an objective's Owner is the one owner all its rows share; a Stage",
    "  comes from a status word, or from Progress % when there is no status column (0% Not started, 100% Done, else",
    "  In progress); a KPI's Direction comes from Baseline and Target when no column gives it; a hand-off from a",
    "  dependency is needed by the waiting initiative's Start (else its Due), committed for the providing",
    "  initiative's Due, owned by the providing initiative's Owner, and its State is Delivered when the provider is",
    "  Done, Accepted when the provider has a Due, else Requested.",
    "- A check-in is written for a row whose status says Green, Amber or Red, for the period of the Period column or",
    "  else the week of the migration. A row without a RAG keeps its progress and comment in extra columns.",
    "- Columns no field takes are kept, under their own headers, after the template's columns on the sheet the rows",
    "  went to; numbers stay numbers (float noise such as 2066075.5899999999 becomes 2066075.59). The source's ID",
    "  column is kept as `Source ID`. When every row has a plain unique number, initiative IDs keep it (row `4` is",
    "  `INI-4`), so `#4` in a dependency and INI-4 are the same thing.",
    "- Merged cells: a range merged across columns (a title, a section label) counts once; a range merged down rows",
    "  (an objective over its key results) gives each row its value. Formula cells are read by their results.",
  );
  p(
    "## Kinds of tracker",
    "",
    row(["kind", "what it is and what it becomes"]),
    row(["---", "---"]),
    ...KINDS.map((k) => row(["`" + k + "`", KIND_TEXT[k]])),
  );
  p(
    "## Column names",
    "",
    "A column's header is compared with these names without regard to case, accents, punctuation or spacing",
    "(`Fälligkeit`, `FALLIGKEIT` and `fälligkeit:` meet). An exact name scores 1; a name that ends a longer header",
    "(`Owner Team` is a team) 0.75; a name inside one 0.6, or 0.25 when the header ends with another field's name",
    "(`Owner Group` is a group, not an owner); the end of a compound word (`Aufgabenstatus`) 0.55; names marked * count 0.8 of that. The score is then weighed by how well the values fit (a `Stage1` column of dates is",
    "no Stage). With no name to go on, values alone can map a column: G/A/R words to RAG (0.6), status words to Stage",
    "(0.55), dependency lists to dependencies (0.5), percentages to Progress % (0.45). Last of all, the longest",
    "mostly-unique text column names the rows (0.4) and the earliest and latest date columns are Start and Due (0.3);",
    "such guesses are listed in the warnings. Each field takes one column, the most confident first.",
    "",
    `A column whose name says it counts something is never the ID and never dependencies, whatever it counts: ${LANGUAGES.flatMap(
      (l) => [...COUNT_WORDS[l].words, ...COUNT_WORDS[l].prefixes.map((p) => p + " …")],
    )
      .map((w) => "`" + w + "`")
      .join(", ")}.`,
    "",
    ...headerRow(["field", "lands in"]),
    ...FIELDS.map((f) => row(["`" + f.key + "`", f.lands, ...byLanguage(f.names)])),
  );
  p(
    "## Status words",
    "",
    "A status cell is read whole, or in parts (`Amber - at risk`, `In progress / Red`, `Green (on track)`): an explicit",
    "Stage wins over the In progress a RAG word implies. `0%` is Not started, `100%` Done, other percentages In",
    `progress. The emoji 🟢 🟡 🟠 🔴 ✅ are understood. Short words (${[...SHORT_STATUS].map((w) => "`" + w + "`").join(", ")}) count only in a status or RAG column.`,
    "",
    ...headerRow(["Stage", "RAG"]),
    ...STATUS_WORDS.map((g) =>
      row([g.meaning.stage ?? "", g.meaning.rag ?? "", ...byLanguage(g.words)]),
    ),
  );
  p(
    "## RAID types",
    "",
    ...headerRow(["type", "becomes"]),
    ...(Object.keys(RAID_TYPES) as (keyof typeof RAID_TYPES)[]).map((t) =>
      row([
        t,
        RAID_OUTCOME[t] === "skip"
          ? "skipped"
          : RAID_OUTCOME[t] === "handoff"
            ? "a hand-off"
            : "an initiative",
        ...byLanguage(RAID_TYPES[t]),
      ]),
    ),
  );
  p(
    "A sheet with probability, impact or response columns and no type column is a risk register: every row is a risk.",
    "Probability and impact are kept as fractions (15% is 0.15); the response is kept in English words",
    "(`Akzeptieren/Übertragen` is `Accept/Transfer`):",
    "",
    ...headerRow(["response"]),
    ...Object.entries(RISK_RESPONSES).map(([k, t]) => row([k, ...byLanguage(t)])),
  );
  p(
    "## KPI directions",
    "",
    ...headerRow(["Direction"]),
    ...Object.entries(DIRECTION_WORDS).map(([k, t]) => row([k, ...byLanguage(t)])),
  );
  p(
    "## Hand-off states (RAID dependencies)",
    "",
    ...headerRow(["State"]),
    ...Object.entries(HANDOFF_STATE_WORDS).map(([k, t]) => row([k, ...byLanguage(t)])),
  );
  p(
    "## Dates",
    "",
    "Day/month order is decided once for the whole sheet: by the mapping file's `dateOrder`, else by the dates that",
    "only one order can read (25/12/2026 is day first), else day first. Every ambiguous date read by that decision is",
    "counted in a warning with an example and its rows; a date that can only be read against the decision is named in",
    "its row's reason. Two-digit years are 2000-2069 and 1970-1999.",
    "",
    row(["written as", "read as"]),
    row(["---", "---"]),
    ...DATE_FORMATS.map((d) => row([d.example, d.reads])),
  );
  p(
    "Month names:",
    "",
    row(["language", "months (January first)"]),
    row(["---", "---"]),
    ...LANGUAGES.map((l) => row([LANGUAGE_NAMES[l], MONTHS[l].map((m) => m.join("/")).join(", ")])),
  );
  p(
    "Weekday names:",
    "",
    row(["language", "weekdays (Monday first)"]),
    row(["---", "---"]),
    ...LANGUAGES.map((l) =>
      row([LANGUAGE_NAMES[l], WEEKDAYS[l].map((m) => m.join("/")).join(", ")]),
    ),
  );
  p(
    "## Numbers and percentages",
    "",
    "- Thousands separators and decimal marks: `1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`. The decimal mark is decided",
    "  once for the sheet from the numbers that can only be read one way (`1,5` is a comma, `1.25` a point), or set",
    '  with `"decimal": "comma"` in the mapping file. `1,234` with no other evidence is one thousand two hundred and',
    "  thirty-four.",
    "- Currency signs and codes (`$`, `€`, `£`, `¥`, `₹`, `USD`, `EUR`, `GBP`, `AUD`, `CHF`, …), a leading `+`, `-` or `−`,",
    "  and negatives in parentheses `(1,234)`.",
    "- Percentages: `45%`, `45 %`, `45 pct`, `0.45`, `45`. A column whose plain numbers all lie within 0..1 holds",
    "  fractions; one with any plain number above 1 holds percent points. A KPI's `20%` is 20 with the unit `%`.",
  );
  const phraseList = (l: Language) =>
    DEPENDENCY_PHRASES[l]
      .map((w) => "`" + w + "`" + (WEAK_DEPENDENCY_PHRASES.has(fold(w)) ? "†" : ""))
      .join(", ");
  p(
    "## Dependencies",
    "",
    "A dependencies column (`Predecessors`, `Depends on`, …) holds a list; a comment column may hold dependencies in",
    "prose, after one of these phrases (up to the end of the sentence). Phrases marked † are too common in ordinary",
    "prose to trust alone: in a comment they count only before `#4`, an ID, or the exact name of another row.",
    "",
    row(["language", "phrases"]),
    row(["---", "---"]),
    ...LANGUAGES.map((l) => row([LANGUAGE_NAMES[l], phraseList(l)])),
    "",
    "Lists are separated by `,` `;` `&` or a new line, and by `and`/`und`/`et`/`y` between references. Each item is:",
    "",
    "- a number: `#4`, `4`, `No. 4`, `item 4`, `task 4` — the row whose ID column says 4 (with no ID column, the 4th data row);",
    `- a number with a link type and lag: ${Object.entries(LINK_TYPES)
      .map(([k, v]) => "`4" + k + "` (" + v + ")")
      .join(
        ", ",
      )}, \`4FS+2d\` — every link type becomes a hand-off; a type other than finish-to-start is kept in the deliverable;`,
    "- an ID: `INI-4`, `T-12`, `R3`, `1.2.3` — the row whose ID column says so, or an initiative ID;",
    "- a deliverable with its reference: `Vendor SLA data (#9)`, `API spec from #4` — a hand-off from row 9 whose deliverable is `Vendor SLA data`;",
    "- a name: `Network refresh` — the initiative of that name (exactly, else the only one whose name contains it).",
    "",
    "The row with the dependency waits; the row it names provides. A dependency on the row itself, on a summary row, or",
    "on nothing imported becomes no hand-off and is named in the row's reason.",
  );
  p(
    "## Rows",
    "",
    "- The header row is the row in the first 40 that reads most like column names (known names count most, numbers",
    "  and dates count against) and is about as wide as the data below it; `headerRow` in the mapping file overrides it.",
    "- A row with a single text cell, in a sheet whose rows usually have three or more, is a section heading: it",
    "  becomes the objective of the rows below it unless they have an objective column, and with no rows under it it",
    "  is a note. A row that repeats the header is skipped.",
    `- A row whose first cell is a total (${TOTAL_WORDS.slice(0, 8)
      .map((w) => "`" + w + "`")
      .join(", ")}, …) is skipped.`,
    "- A grouped list names its objective once: a blank objective cell takes the one above, within its section (reported).",
  );
  p(
    "## The mapping file",
    "",
    "`baton migrate` writes the mapping it used beside the output (`FILE.mapping.json`). Correct it and run again with",
    "`--mapping FILE.mapping.json`; every key is optional, and what it leaves out is detected again.",
    "",
    "```json",
    JSON.stringify(
      {
        version: 1,
        sheet: "Tracker",
        headerRow: 3,
        kind: "initiatives",
        dateOrder: "dmy",
        decimal: "point",
        columns: [
          { column: "Responsible", letter: "C", field: "owner", confidence: 1, by: "name" },
          { column: "Comments", letter: "H", field: "comment", confidence: 1, by: "name" },
          { column: "FFC", letter: "B", field: null, confidence: 0, by: null },
        ],
      },
      null,
      2,
    ),
    "```",
    "",
    "A column is found by its header (and its letter when headers repeat or are blank). `field` is one of the fields",
    "above, or `null` to keep the column as it is. `kind` is one of " +
      KINDS.map((k) => "`" + k + "`").join(", ") +
      "; `dateOrder` is `dmy` or `mdy`; `decimal` is `point` or `comma`.",
  );
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}
