/** What a figure's child process reports back to the harness, one line on stdout. */
export const RESULT_MARK = "@@baton-bench ";

export interface TaskResult {
  /** The measured time of one run, in milliseconds. */
  readonly ms?: number;
  /** Exact counts (round trips, rows, bytes): the same in every run. */
  readonly counts?: Readonly<Record<string, number>>;
  /** A file the task made (the cached workbook). */
  readonly file?: string;
}

export function report(result: TaskResult): void {
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
}
