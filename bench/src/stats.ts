/** Summaries of repeated measurements: the median with the spread around it. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) throw new RangeError("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function summarise(xs: readonly number[]): Summary {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

/**
 * The heap in use just before each collection, from `--trace-gc` lines such as
 * `Mark-Compact 412.3 (430.1) -> 380.2 (425.0) MB`. The heap only grows between collections,
 * so the largest of these (and the heap at exit) is the peak the process reached.
 */
export function heapBeforeCollections(text: string): number[] {
  const out: number[] = [];
  const re =
    /(?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep|MinorMS)[^\n]*?\s([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/g;
  for (const m of text.matchAll(re)) out.push(Number(m[1]));
  return out;
}
