/**
 * Finds where a JSON text first breaks the grammar (RFC 8259), as a line and column.
 * `JSON.parse` reports positions inconsistently across engines and sometimes not at all, so
 * scenario errors point at the spot with this scanner instead.
 */

export interface JsonSyntaxError {
  /** Offset of the offending character in UTF-16 code units, from 0. */
  readonly offset: number;
  /** Line number, from 1. */
  readonly line: number;
  /** Column number in characters, from 1. */
  readonly column: number;
  /** Description of the expected and the found text, e.g. `expected ',' or '}' after the property value, found '"'`. */
  readonly message: string;
}

class SyntaxFault {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Returns the first syntax error in `text`, or undefined when `text` is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new JsonScanner(text).scanDocument();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFault)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: error.offset, line, column, message: error.message };
  }
}

const LITERALS = ['true', 'false', 'null'] as const;

class JsonScanner {
  private position = 0;

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.skipWhitespace();
    this.scanValue();
    this.skipWhitespace();
    if (this.position < this.text.length) this.expected('the end of the document');
  }

  private scanValue(): void {
    const char = this.text[this.position];
    if (char === '{') return this.scanObject();
    if (char === '[') return this.scanArray();
    if (char === '"') return this.scanString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.scanNumber();
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length;
        return;
      }
    }
    this.expected('a value');
  }

  private scanObject(): void {
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return;
    }
    for (;;) {
      if (this.text[this.position] !== '"') this.expected('a property name in double quotes');
      this.scanString();
      this.skipWhitespace();
      if (this.text[this.position] !== ':') this.expected("':' after the property name");
      this.position++;
      this.skipWhitespace();
      this.scanValue();
      this.skipWhitespace();
      const char = this.text[this.position];
      this.position++;
      if (char === '}') return;
      if (char !== ',') this.expected("',' or '}' after the property value", this.position - 1);
      this.skipWhitespace();
    }
  }

  private scanArray(): void {
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return;
    }
    for (;;) {
      this.scanValue();
      this.skipWhitespace();
      const char = this.text[this.position];
      this.position++;
      if (char === ']') return;
      if (char !== ',') this.expected("',' or ']' after the array element", this.position - 1);
      this.skipWhitespace();
    }
  }

  private scanString(): void {
    this.position++;
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) this.fail('the string is not closed with a double quote');
      if (char === '"') {
        this.position++;
        return;
      }
      if (char < ' ') this.fail('a control character such as a line break must be escaped inside a string');
      if (char === '\\') {
        const escaped = this.text[this.position + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail('expected four hex digits after \\u');
          }
          this.position += 6;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) this.fail('invalid escape sequence');
        this.position += 2;
        continue;
      }
      this.position++;
    }
  }

  private scanNumber(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) this.expected('a digit', this.position + 1);
    this.position += match[0].length;
  }

  private skipWhitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text[this.position]!)) this.position++;
  }

  /** Throws a fault that names what was expected and what is at `offset`. */
  private expected(expectation: string, offset = this.position): never {
    const found = this.text[offset];
    const description = found === undefined ? 'the end of the text' : `'${found}'`;
    throw new SyntaxFault(offset, `expected ${expectation}, found ${description}`);
  }

  private fail(message: string): never {
    throw new SyntaxFault(this.position, message);
  }
}
