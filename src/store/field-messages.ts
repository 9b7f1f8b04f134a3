/**
 * Builds the message for a numeric settings field whose text is not a number. It quotes the
 * text as typed, because the schemas' own messages would show the parsed value, NaN.
 */
export function notANumberMessage(label: string, text: string, fix: string): string {
  return `${label} "${text.trim()}" is not a number. ${fix}`;
}

/** Returns whether the text, without digit grouping, reads as a finite number. */
export function isNumberText(text: string): boolean {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  return cleaned !== '' && Number.isFinite(Number(cleaned));
}
