/** "Verify history": the seals recomputed and the newest compared with the anchor. */
import { a1 } from "../cells/a1.ts";
import { verifyLedger, type LedgerVerification } from "../ledger/verify.ts";
import { makeIssue } from "../issues/issues.ts";
import { readWorkbook } from "../workbook/read.ts";
import type { ActionRead, Needs } from "./needs.ts";
import type { ActionInput } from "./input.ts";
import { issueJson, told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const VERIFY_NEEDS: Needs = { template: "required", anchor: true };

/** The verification as found: every break, the sealed rows, the anchor read. */
export type VerifyFacts = LedgerVerification;

export function verify(read: ActionRead, input: ActionInput): ActionResult<VerifyFacts> {
  const kept = input.keptAnchor;
  const v = verifyLedger(read.grids, read.anchor, kept !== undefined ? { kept } : {});
  if (v.intact) {
    const message =
      v.sealedRows + v.sealedDecisions
        ? say({
            say: "history-intact",
            sealedRows: v.sealedRows,
            sealedDecisions: v.sealedDecisions,
            through: v.anchor?.through ?? null,
            anchored: read.anchor !== undefined,
          })
        : say({ say: "nothing-sealed" });
    return { ...told({ ok: true, message }), facts: v };
  }
  // Each broken row is the issue validation reports for it: at its Seal cell, on its own sheet.
  const { layout } = readWorkbook(read.grids).workbook;
  const sealColumn = (sheet: string) => {
    const on = layout.gateDecisions?.name === sheet ? layout.gateDecisions : layout.checkins;
    return on ? (on.columns.seal ?? on.headerWidth + 1) : 1;
  };
  const issues = v.breaks.map((b) =>
    issueJson(
      makeIssue(
        {
          sheet: b.sheet,
          row: b.row,
          column: "Seal",
          cell: a1(Math.max(1, b.row), sealColumn(b.sheet)),
        },
        { code: "sealed-row-edited", reason: b.message },
      ),
    ),
  );
  const message = say({ say: "history-changed", breaks: v.breaks });
  return { ...told({ ok: false, message, issues }), facts: v };
}
