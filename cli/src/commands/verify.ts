/** `baton verify FILE`: recomputes the seals; exit 3 when the sealed history was changed. */
import { openWorkbook, InputError } from "../files/open.ts";
import { decide, factsOf } from "../act.ts";
import { line, json, paint, type Out } from "../output.ts";
import type { CommandResult } from "../command.ts";

export async function verify(
  opts: { file: string; json: boolean; anchor?: string },
  out: Out,
): Promise<CommandResult> {
  if (opts.anchor !== undefined && !/^(\d+:)?[0-9a-fA-F]{64}$/.test(opts.anchor.trim()))
    throw new InputError(
      `--anchor ${opts.anchor} is not an anchor: give the 64 hex digits "baton close" printed`,
    );
  const opened = await openWorkbook(opts.file);
  const { host } = opened;
  // A folder of CSV files keeps no anchor: its chain is checked alone.
  const result = factsOf(
    await decide(opened, "verify", {
      now: new Date(),
      ...(opts.anchor !== undefined ? { keptAnchor: opts.anchor } : {}),
    }),
  );
  const exitCode = result.intact ? 0 : 3;
  if (opts.json) {
    const b = result.firstBroken;
    json(out, {
      intact: result.intact,
      sealedRows: result.sealedRows,
      sealedDecisions: result.sealedDecisions,
      firstBroken: b ? { sheet: b.sheet, row: b.row, reason: b.reason } : null,
    });
    return { exitCode };
  }
  const alone = host ? "" : " (a CSV folder keeps no anchor: the chain was checked on its own)";
  if (result.intact) {
    if (!result.sealedRows && !result.sealedDecisions)
      line(
        out,
        `${opts.file}: no sealed check-ins yet; "baton close FILE --period P" seals a period.${alone}`,
      );
    else {
      const through = result.anchor ? ` through ${result.anchor.through}` : "";
      const signed = result.anchor?.key
        ? ` The anchor is signed by key ${result.anchor.key.slice(0, 16)}….`
        : "";
      const decided = result.sealedDecisions
        ? ` and ${result.sealedDecisions} sealed gate decisions`
        : "";
      const kept = opts.anchor !== undefined ? " The kept anchor is in the chain." : "";
      line(
        out,
        paint(
          out,
          "green",
          `${opts.file}: intact. ${result.sealedRows} sealed check-ins${decided}${through} match their seals${host ? " and the document's anchor" : ""}.${signed}${kept}${alone}`,
        ),
      );
    }
    return { exitCode };
  }
  line(out, paint(out, "red", `${opts.file}: the sealed history was changed.`));
  const shown = 10;
  for (const b of result.breaks.slice(0, shown))
    line(out, `  ${b.sheet} row ${b.row} (${b.reason}): ${b.message}.`);
  if (result.breaks.length > shown) line(out, `  … and ${result.breaks.length - shown} more rows.`);
  line(
    out,
    `Restore the sealed rows from the file's version history; sealed check-ins cannot be edited, moved or deleted.`,
  );
  return { exitCode };
}
