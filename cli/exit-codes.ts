/**
 * Exit codes of the `collusion` command, the same for every subcommand, so scripts can tell a
 * bad input file from a missing service.
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, serviceUnavailable: 3 } as const;

/** The exit code an error stands for: services unavailable 3, bad input 1, anything else 1. */
export function exitCodeOf(error: unknown): number {
  const e = error as { exitCode?: unknown; name?: unknown };
  if (typeof e?.exitCode === 'number') return e.exitCode;
  if (e?.name === 'ServiceUnavailableError' || e?.name === 'GraphUnavailableError') return EXIT.serviceUnavailable;
  return EXIT.inputErrors;
}
