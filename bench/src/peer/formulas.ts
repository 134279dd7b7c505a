/**
 * The side-by-side peer: the same workbook with statuses as the spreadsheet formulas a team
 * would write, evaluated by HyperFormula.
 *
 * Hand-off Status is one nested IF per row over its own cells and a fixed as-of date (no
 * TODAY(), so both sides judge the same day): Done when delivered, Red when late, declined or
 * committed after Needed By, Amber when still Requested with Needed By inside the Amber
 * Window (NETWORKDAYS with the holidays), Green otherwise; Days Late beside it. Initiative
 * Status is Done / Paused by Stage, else Red when overdue, its latest check-in is Red, or a
 * COUNTIFS over the hand-off sheet finds a Red hand-off into it; Amber likewise; its latest
 * check-in comes from an XLOOKUP from the bottom of the Check-ins sheet. What formulas do not
 * reach (an Amber hand-off because its provider is in trouble, staleness, root causes, Blocks,
 * KPI forecasts) is left out: the peer does less than Baton, never more.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { COLUMNS, SHEET, type Grids, daysFromIso, serialFromIso } from "@baton/core";

type Sheet = RawCellContent[][];

const colLetter = (n: number) => String.fromCharCode(64 + n);

function columnsOf(key: "initiatives" | "handoffs" | "checkins") {
  const at: Record<string, string> = {};
  COLUMNS[key].forEach((c, i) => (at[c.key] = colLetter(i + 1)));
  return at;
}

/** The grids' input cells, as a team's sheets hold them, with the formula columns written in. */
export function formulaSheets(
  grids: Grids,
  asOf: string,
  amberWindow: number,
  holidays: readonly string[],
): Record<string, Sheet> {
  if (daysFromIso(asOf) === undefined)
    throw new RangeError(`asOf must be an ISO date, got ${asOf}`);
  const H = columnsOf("handoffs");
  const I = columnsOf("initiatives");
  const C = columnsOf("checkins");
  const inputs = (name: string, key: "initiatives" | "handoffs" | "checkins") => {
    const width = COLUMNS[key].filter((c) => !c.computed || c.key === "seal").length;
    return (grids[name] ?? []).map((row) =>
      Array.from({ length: width }, (_, i) => (row[i] ?? null) as RawCellContent),
    );
  };
  const handoffs = inputs(SHEET.handoffs, "handoffs");
  const initiatives = inputs(SHEET.initiatives, "initiatives");
  const checkins = inputs(SHEET.checkins, "checkins");
  const lastH = handoffs.length;
  const lastC = checkins.length;
  const params: Sheet = [
    ["As Of", serialFromIso(asOf)],
    ["Amber Window", amberWindow],
    ...holidays.map((h) => ["Holiday", serialFromIso(h)] as RawCellContent[]),
  ];
  if (!holidays.length) params.push(["Holiday", null]);
  const AS_OF = "Params!$B$1";
  const WINDOW = "Params!$B$2";
  const HOLIDAYS = `Params!$B$3:$B$${params.length}`;

  handoffs[0]!.push("Status", "Days Late");
  for (let r = 2; r <= lastH; r++) {
    const cell = (k: string) => `${H[k]}${r}`;
    const status =
      `=IF(OR(${cell("state")}="Delivered",${cell("deliveredOn")}<>""),"Done",` +
      `IF(OR(${AS_OF}>${cell("neededBy")},${cell("state")}="Declined",AND(${cell("committedDate")}<>"",${cell("committedDate")}>${cell("neededBy")})),"Red",` +
      `IF(AND(${cell("state")}="Requested",${cell("neededBy")}>=${AS_OF},NETWORKDAYS(${AS_OF}+1,${cell("neededBy")},${HOLIDAYS})<=${WINDOW}),"Amber","Green")))`;
    const statusCol = colLetter(COLUMNS.handoffs.findIndex((c) => c.key === "status") + 1);
    handoffs[r - 1]!.push(
      status,
      `=IF(${statusCol}${r}="Done","",MAX(0,${AS_OF}-${cell("neededBy")}))`,
    );
  }

  const hStatus = colLetter(COLUMNS.handoffs.findIndex((c) => c.key === "status") + 1);
  const into = (rag: string, r: number) =>
    `COUNTIFS('Hand-offs'!$${H.to}$2:$${H.to}$${lastH},${I.id}${r},'Hand-offs'!$${hStatus}$2:$${hStatus}$${lastH},"${rag}")>0`;
  initiatives[0]!.push("Status", "Last RAG");
  const ragCol = colLetter(COLUMNS.initiatives.findIndex((c) => c.key === "status") + 2);
  for (let r = 2; r <= initiatives.length; r++) {
    const stage = `${I.stage}${r}`;
    const latest = `${ragCol}${r}`;
    initiatives[r - 1]!.push(
      `=IF(${stage}="Done","Done",IF(OR(${stage}="On hold",${stage}="Cancelled"),"Paused",` +
        `IF(OR(${AS_OF}>${I.due}${r},${latest}="Red",${into("Red", r)}),"Red",` +
        `IF(OR(${latest}="Amber",${into("Amber", r)}),"Amber","Green"))))`,
      `=XLOOKUP(${I.id}${r},'Check-ins'!$${C.id}$2:$${C.id}$${lastC},'Check-ins'!$${C.rag}$2:$${C.rag}$${lastC},"",0,-1)`,
    );
  }
  return {
    Params: params,
    [SHEET.initiatives]: initiatives,
    [SHEET.handoffs]: handoffs,
    [SHEET.checkins]: checkins,
  };
}

export interface FormulaStatuses {
  readonly handoffs: ReadonlyMap<string, string>;
  readonly initiatives: ReadonlyMap<string, string>;
}

/** Builds the formula workbook in HyperFormula (which evaluates every formula) and reads the statuses back. */
export function evaluateFormulas(sheets: Record<string, Sheet>): FormulaStatuses {
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 1_000_000 });
  try {
    const read = (name: string, key: "handoffs" | "initiatives") => {
      const id = hf.getSheetId(name)!;
      const col = COLUMNS[key].findIndex((c) => c.key === "status");
      const rows = hf.getSheetDimensions(id).height;
      const out = new Map<string, string>();
      for (let r = 1; r < rows; r++) {
        const key = hf.getCellValue({ sheet: id, row: r, col: 0 });
        out.set(String(key), String(hf.getCellValue({ sheet: id, row: r, col })));
      }
      return out;
    };
    return {
      handoffs: read(SHEET.handoffs, "handoffs"),
      initiatives: read(SHEET.initiatives, "initiatives"),
    };
  } finally {
    hf.destroy();
  }
}
