/**
 * The physical floor of reading a workbook: inflating its worksheets' XML and finding every
 * cell in it (each `<c` start tag), nothing more: no decoding, no values, no grid. No reader
 * that looks at every cell can be faster on the same machine.
 */
import { ZipFile } from "../../cli/src/files/xlsx/zip.ts";

const LT = 0x3c;
const C = 0x63;

/** Inflates every worksheet of the file and counts its cells; answers the bytes and cells seen. */
export async function floorScan(file: string): Promise<{ bytes: number; cells: number }> {
  const zip = ZipFile.open(file);
  let bytes = 0;
  let cells = 0;
  try {
    for (const entry of zip.entries.values()) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
      let lastWasLt = false;
      for await (const chunk of zip.inflate(entry)) {
        bytes += chunk.length;
        // A cell starts "<c" then a space, ">" or "/"; "<col", "<cfRule" and the like are not cells.
        if (lastWasLt && chunk[0] === C && isEnd(chunk[1])) cells++;
        for (let at = chunk.indexOf(LT); at >= 0; at = chunk.indexOf(LT, at + 1))
          if (chunk[at + 1] === C && isEnd(chunk[at + 2])) cells++;
        lastWasLt = chunk[chunk.length - 1] === LT;
      }
    }
  } finally {
    zip.close();
  }
  return { bytes, cells };
}

const isEnd = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === undefined;
