/** What every command returns. Exit codes (DESIGN.md): 0 success, 1 validation errors, 2 bad usage or unreadable input, 3 tampering found. */
export interface CommandResult {
  readonly exitCode: 0 | 1 | 2 | 3;
}
