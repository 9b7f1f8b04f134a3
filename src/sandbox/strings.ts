/**
 * Quoting and escaping of strings as Node's `util.inspect` prints them: single quotes unless the
 * text contains one, then double quotes, then backticks; control characters as escapes.
 */

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  92: '\\\\',
};

function escapeCode(code: number, quote: number): string | undefined {
  if (code === quote) return `\\${String.fromCharCode(code)}`;
  const named = NAMED_ESCAPES[code];
  if (named !== undefined) return named;
  if (code < 32 || (code > 126 && code < 160)) {
    return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return undefined;
}

/** Quotes `text` and escapes what Node escapes, including lone surrogate halves. */
export function strEscape(text: string): string {
  let quote = 39; // '
  if (text.includes("'")) {
    if (!text.includes('"')) quote = 34;
    else if (!text.includes('`') && !text.includes('${')) quote = 96;
  }
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escaped = escapeCode(code, quote);
    if (escaped !== undefined) {
      result += escaped;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        result += text[i]! + text[i + 1]!;
        i++;
      } else {
        result += `\\u${code.toString(16)}`;
      }
      continue;
    }
    result += text[i]!;
  }
  const mark = String.fromCharCode(quote);
  return `${mark}${result}${mark}`;
}
