/**
 * A JSON syntax error with the line and column where it is, so that a broken OCDS file can be
 * fixed without hunting: `not valid JSON at line 12, column 7 (in releases[3]): …`.
 */

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** The JSON path being read when it broke (`releases[3]`), when known. */
    readonly path?: string,
  ) {
    super(`not valid JSON at line ${line}, column ${column}${path ? ` (in ${path})` : ''}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

const END_OF_INPUT = 'Unexpected end of JSON input';

/**
 * The syntax error of `JSON.parse(text)`, placed in the file, where `text` began at `line`,
 * `column`. V8 usually says "at position N"; when it does not ("Unexpected token ']', … is not
 * valid JSON"), the position is the shortest prefix of `text` that already fails otherwise than
 * by ending too soon.
 */
export function locateParseError(error: unknown, text: string, line: number, column: number, path?: string) {
  const message = error instanceof Error ? error.message : String(error);
  const stated = /at position (\d+)/.exec(message);
  const offset = stated ? Number(stated[1]) : firstBadOffset(text);
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, .* is not valid JSON$/s, '')
    .replace(/^Unexpected/, 'unexpected');
  const before = text.slice(0, offset);
  const breaks = before.split('\n').length - 1;
  const at = breaks === 0 ? column + before.length : before.length - before.lastIndexOf('\n');
  return new JsonSyntaxError(reason, line + breaks, at, path);
}

/** True when `prefix` is already wrong, not merely cut short (V8 then places the error at its end). */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    return message !== END_OF_INPUT && !(at && Number(at[1]) >= prefix.length);
  }
}

/** Offset of the character where `text` stops being the start of some JSON value. */
function firstBadOffset(text: string): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsBeforeEnd(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
