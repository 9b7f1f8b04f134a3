/**
 * Finds the first static import in a module's source: `import … from 'x'`, `import 'x'` or
 * `export … from 'x'`. Chromium reports a failed static import of an absolute URL (`node:fs`)
 * against the importing module only, so the sandbox reads the specifier from the source.
 *
 * A small tokenizer skips comments, strings, template literals and regular expressions.
 * NOTE: it tells a regular expression from a division by the token before the slash, as
 * tokenizers without a parser do, so `/` right after `)` or `}` is taken for a division. It runs
 * only after a load has failed, so a wrong guess changes the reported specifier and nothing else.
 */

type Token = { readonly kind: 'word' | 'string' | 'punctuator'; readonly text: string };

/** Keywords after which a `/` starts a regular expression rather than a division. */
const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'await', 'case', 'delete', 'do', 'else', 'in', 'instanceof', 'new', 'of', 'return', 'throw',
  'typeof', 'void', 'yield',
]);

const WORD_CHAR = /[\w$\u0080-\uffff]/;

class Tokenizer {
  private index = 0;
  private previous: Token | undefined;

  constructor(private readonly source: string) {}

  /** Returns the next token, or undefined at the end of the source. */
  next(): Token | undefined {
    this.skipSpaceAndComments();
    if (this.index >= this.source.length) return undefined;
    const token = this.readToken();
    this.previous = token;
    return token;
  }

  private skipSpaceAndComments(): void {
    const source = this.source;
    while (this.index < source.length) {
      const char = source[this.index]!;
      if (/\s/.test(char)) {
        this.index += 1;
      } else if (source.startsWith('//', this.index)) {
        const end = source.indexOf('\n', this.index);
        this.index = end === -1 ? source.length : end + 1;
      } else if (source.startsWith('/*', this.index)) {
        const end = source.indexOf('*/', this.index + 2);
        this.index = end === -1 ? source.length : end + 2;
      } else {
        return;
      }
    }
  }

  private readToken(): Token {
    const source = this.source;
    const start = this.index;
    const char = source[start]!;
    if (char === '"' || char === "'") return { kind: 'string', text: this.readString(char) };
    if (char === '`') {
      this.skipTemplate();
      return { kind: 'string', text: '' };
    }
    if (char === '/' && this.regexAllowed()) {
      this.skipRegex();
      return { kind: 'string', text: '' };
    }
    if (WORD_CHAR.test(char)) {
      while (this.index < source.length && WORD_CHAR.test(source[this.index]!)) this.index += 1;
      return { kind: 'word', text: source.slice(start, this.index) };
    }
    this.index += 1;
    return { kind: 'punctuator', text: char };
  }

  private regexAllowed(): boolean {
    const previous = this.previous;
    if (!previous) return true;
    if (previous.kind === 'word') return KEYWORDS_BEFORE_EXPRESSION.has(previous.text);
    if (previous.kind === 'string') return false;
    return previous.text !== ')' && previous.text !== ']' && previous.text !== '}';
  }

  /** Reads a quoted string and returns its text; escapes are kept as written. */
  private readString(quote: string): string {
    const source = this.source;
    let text = '';
    this.index += 1;
    while (this.index < source.length && source[this.index] !== quote && source[this.index] !== '\n') {
      if (source[this.index] === '\\') {
        text += source.slice(this.index, this.index + 2);
        this.index += 2;
      } else {
        text += source[this.index];
        this.index += 1;
      }
    }
    this.index += 1;
    return text;
  }

  /** Skips a template literal, with the expressions in its `${…}` parts. */
  private skipTemplate(): void {
    const source = this.source;
    this.index += 1;
    while (this.index < source.length) {
      const char = source[this.index]!;
      if (char === '\\') {
        this.index += 2;
      } else if (char === '`') {
        this.index += 1;
        return;
      } else if (source.startsWith('${', this.index)) {
        this.index += 2;
        this.previous = undefined;
        let depth = 0;
        for (let token = this.next(); token; token = this.next()) {
          if (token.kind !== 'punctuator') continue;
          if (token.text === '{') depth += 1;
          else if (token.text === '}' && depth-- === 0) break;
        }
      } else {
        this.index += 1;
      }
    }
  }

  private skipRegex(): void {
    const source = this.source;
    let inClass = false;
    this.index += 1;
    while (this.index < source.length && source[this.index] !== '\n') {
      const char = source[this.index]!;
      this.index += char === '\\' ? 2 : 1;
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
    }
    while (this.index < source.length && WORD_CHAR.test(source[this.index]!)) this.index += 1;
  }
}

/** Tokens read past `import` or `export` before giving up on finding `from '…'`. */
const MAX_CLAUSE_TOKENS = 500;

/** Returns the specifier of the first static import or re-export in `source`, if any. */
export function findStaticImport(source: string): string | undefined {
  const tokens = new Tokenizer(source);
  let previous: Token | undefined;
  for (let token = tokens.next(); token; previous = token, token = tokens.next()) {
    if (token.kind !== 'word' || (token.text !== 'import' && token.text !== 'export')) continue;
    if (previous?.kind === 'punctuator' && previous.text === '.') continue;
    const specifier = readClause(tokens, token.text === 'import');
    if (specifier !== undefined) return specifier;
  }
  return undefined;
}

/**
 * Reads the clause after `import` or `export` and returns its specifier: the string right after
 * `import`, or the string after `from`. Returns undefined for `import(`, `import.meta` and
 * exports without `from`.
 */
function readClause(tokens: Tokenizer, isImport: boolean): string | undefined {
  let previous: Token | undefined;
  for (let count = 0; count < MAX_CLAUSE_TOKENS; count++) {
    const token = tokens.next();
    if (!token) return undefined;
    if (count === 0 && token.kind === 'string') return isImport ? token.text : undefined;
    if (count === 0 && token.kind === 'punctuator' && (token.text === '(' || token.text === '.')) return undefined;
    if (token.kind === 'string') return previous?.kind === 'word' && previous.text === 'from' ? token.text : undefined;
    if (token.kind === 'punctuator' && (token.text === ';' || token.text === '=' || token.text === '(')) return undefined;
    previous = token;
  }
  return undefined;
}
