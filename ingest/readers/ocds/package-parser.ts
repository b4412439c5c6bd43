/**
 * A push parser for one OCDS package (a release or record package): fed text chunks, it hands
 * back each element of the top-level `releases` or `records` array as soon as the element's
 * closing bracket is read, and the package's other top-level fields (`uri`, `publisher`, …) as
 * they end. Only the text of the element being read is held, so a package larger than memory
 * streams. The structure around the elements is checked here, the elements by `JSON.parse`;
 * the first syntax error ends the parse with its line and column.
 */
import { JsonSyntaxError, locateParseError } from './syntax-error';

export type PackageArray = 'releases' | 'records';

export type PackageEvent =
  /** The package's `releases` or `records` array opened (detection needs no more). */
  | { kind: 'array'; name: PackageArray; line: number }
  | { kind: 'element'; name: PackageArray; index: number; line: number; value: unknown }
  | { kind: 'field'; key: string; line: number; value: unknown }
  | { kind: 'error'; error: JsonSyntaxError };

type State =
  | 'start'
  | 'firstKey'
  | 'key'
  | 'colon'
  | 'value'
  | 'afterValue'
  | 'firstElement'
  | 'element'
  | 'afterElement'
  | 'end'
  | 'failed';

/** A JSON value (or field name) being read: its text so far and where brackets and strings stand. */
interface Capture {
  purpose: 'key' | 'field' | 'element';
  parts: string[];
  /** Open brackets, innermost last. */
  stack: number[];
  inString: boolean;
  escaped: boolean;
  /** A number, true, false or null: ends at the first character that cannot belong to it. */
  scalar: boolean;
  line: number;
  column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const BOM = 0xfeff;

const isSpace = (c: number) => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
/** `{`, `[`, `"`, `-`, a digit, or the first letter of true, false, null. */
const startsValue = (c: number) => '{["-0123456789tfn'.includes(String.fromCharCode(c));
const endsScalar = (c: number) =>
  isSpace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || c === QUOTE;
const show = (c: number) => JSON.stringify(String.fromCharCode(c));

/**
 * Parses one package fed in chunks.
 * @example
 * const parser = new PackageParser();
 * for await (const chunk of text) for (const event of parser.feed(chunk)) handle(event);
 * for (const event of parser.end()) handle(event);
 */
export class PackageParser {
  private state: State = 'start';
  private line = 1;
  /** Characters read on the current line. */
  private column = 0;
  private key = '';
  private array: PackageArray = 'releases';
  private index = 0;
  private capture?: Capture;
  private events: PackageEvent[] = [];

  /** Reads the next chunk; returns the events it completed (an `error` event is the last one). */
  feed(chunk: string): PackageEvent[] {
    let from = 0;
    let i = 0;
    while (i < chunk.length && this.state !== 'failed') {
      const c = chunk.charCodeAt(i);
      if (this.capture) {
        const step = this.scan(c);
        if (step === 'before') {
          this.finish(chunk.slice(from, i));
          continue;
        }
        this.advance(c);
        i += 1;
        if (step === 'after') this.finish(chunk.slice(from, i));
        continue;
      }
      if (!isSpace(c) && !(c === BOM && this.state === 'start' && this.line === 1 && this.column === 0)) {
        this.structural(c);
        from = i;
      }
      this.advance(c);
      i += 1;
    }
    if (this.capture) this.capture.parts.push(chunk.slice(from));
    return this.drain();
  }

  /** Ends the input; an unfinished package is an error. */
  end(): PackageEvent[] {
    if (this.state !== 'end' && this.state !== 'failed') {
      const inside = this.capture?.purpose === 'element' ? ` inside ${this.array}[${this.index}]` : '';
      this.fail(`the file ends${inside} before the package is complete (is it truncated?)`);
    }
    return this.drain();
  }

  private drain(): PackageEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private advance(c: number): void {
    if (c === NEWLINE) {
      this.line += 1;
      this.column = 0;
    } else this.column += 1;
  }

  private fail(reason: string, path?: string): void {
    this.state = 'failed';
    this.capture = undefined;
    this.events.push({ kind: 'error', error: new JsonSyntaxError(reason, this.line, this.column + 1, path) });
  }

  /** One character between values: moves the state on, or starts reading a value. */
  private structural(c: number): void {
    switch (this.state) {
      case 'start':
        if (c === OPEN_BRACE) this.state = 'firstKey';
        else this.fail(`an OCDS package is a JSON object starting with "{", got ${show(c)}`);
        return;
      case 'firstKey':
      case 'key':
        if (c === QUOTE) this.start('key', c);
        else if (c === CLOSE_BRACE && this.state === 'firstKey') this.state = 'end';
        else this.fail(`expected a field name in double quotes, got ${show(c)}`);
        return;
      case 'colon':
        if (c === COLON) this.state = 'value';
        else this.fail(`expected ":" after the field name ${JSON.stringify(this.key)}, got ${show(c)}`);
        return;
      case 'value':
        if (c === OPEN_BRACKET && (this.key === 'releases' || this.key === 'records')) {
          this.array = this.key;
          this.index = 0;
          this.state = 'firstElement';
          this.events.push({ kind: 'array', name: this.array, line: this.line });
        } else if (startsValue(c)) this.start('field', c);
        else this.fail(`expected a value for ${JSON.stringify(this.key)}, got ${show(c)}`);
        return;
      case 'afterValue':
        if (c === COMMA) this.state = 'key';
        else if (c === CLOSE_BRACE) this.state = 'end';
        else this.fail(`expected "," or "}" after the value of ${JSON.stringify(this.key)}, got ${show(c)}`);
        return;
      case 'firstElement':
      case 'element':
        if (startsValue(c)) this.start('element', c);
        else if (c === CLOSE_BRACKET && this.state === 'firstElement') this.state = 'afterValue';
        else this.fail(`expected ${this.array}[${this.index}], got ${show(c)}`, `${this.array}[${this.index}]`);
        return;
      case 'afterElement':
        if (c === COMMA) this.state = 'element';
        else if (c === CLOSE_BRACKET) this.state = 'afterValue';
        else this.fail(`expected "," or "]" after ${this.array}[${this.index - 1}], got ${show(c)}`);
        return;
      case 'end':
        this.fail(`unexpected ${show(c)} after the end of the package`);
        return;
      case 'failed':
        return;
    }
  }

  private start(purpose: Capture['purpose'], c: number): void {
    this.capture = {
      purpose,
      parts: [],
      stack: c === OPEN_BRACE || c === OPEN_BRACKET ? [c] : [],
      inString: c === QUOTE,
      escaped: false,
      scalar: c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE,
      line: this.line,
      column: this.column + 1,
    };
  }

  /**
   * One character of the value being read. `after`: the value ends with it; `before`: the value
   * ended just before it (a scalar's delimiter, read next as structure); `more`: keep reading.
   */
  private scan(c: number): 'more' | 'after' | 'before' {
    const capture = this.capture as Capture;
    if (capture.inString) {
      if (capture.escaped) capture.escaped = false;
      else if (c === BACKSLASH) capture.escaped = true;
      else if (c === QUOTE) {
        capture.inString = false;
        if (capture.stack.length === 0) return 'after';
      }
      return 'more';
    }
    if (capture.scalar) return endsScalar(c) ? 'before' : 'more';
    if (c === QUOTE) capture.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) capture.stack.push(c);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      const open = capture.stack.pop();
      if ((c === CLOSE_BRACE) !== (open === OPEN_BRACE)) {
        const expected = open === OPEN_BRACE ? '"}"' : '"]"';
        this.fail(`expected ${expected} or ",", got ${show(c)}`, this.capturePath());
        return 'more';
      }
      if (capture.stack.length === 0) return 'after';
    }
    return 'more';
  }

  private capturePath(): string | undefined {
    return this.capture?.purpose === 'element' ? `${this.array}[${this.index}]` : undefined;
  }

  /** The value is complete: parse it and move on. */
  private finish(tail: string): void {
    const capture = this.capture as Capture;
    if (this.state === 'failed') return;
    this.capture = undefined;
    capture.parts.push(tail);
    const text = capture.parts.join('');
    const path = capture.purpose === 'element' ? `${this.array}[${this.index}]` : undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.state = 'failed';
      this.events.push({ kind: 'error', error: locateParseError(error, text, capture.line, capture.column, path) });
      return;
    }
    if (capture.purpose === 'key') {
      this.key = value as string;
      this.state = 'colon';
    } else if (capture.purpose === 'field') {
      this.events.push({ kind: 'field', key: this.key, line: capture.line, value });
      this.state = 'afterValue';
    } else {
      this.events.push({ kind: 'element', name: this.array, index: this.index, line: capture.line, value });
      this.index += 1;
      this.state = 'afterElement';
    }
  }
}
