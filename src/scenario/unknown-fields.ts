/**
 * Messages for fields a scenario object does not define. Scenario objects are strict, so a
 * misspelt `memorySize` is reported instead of being dropped while the default applies.
 */

/** Names from AWS APIs and templates that people type for our fields. */
const AWS_NAMES: Readonly<Record<string, string>> = {
  memorysize: 'memoryMb',
  memory: 'memoryMb',
  timeout: 'timeoutSeconds',
  functionname: 'name',
  architectures: 'architecture',
  time: 'at',
  delay: 'at',
  payload: 'event',
};

/** Returns the known field that `key` most likely means, if any. */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = known.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  const alias = AWS_NAMES[lower];
  if (alias && known.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Builds the message for unknown `keys` in an object described as `where`. */
export function unknownFieldsMessage(keys: readonly string[], known: readonly string[], where: string): string {
  const parts = keys.map((key) => {
    const suggestion = suggestField(key, known);
    return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
  });
  const noun = keys.length === 1 ? 'field' : 'fields';
  return `Unknown ${noun} ${parts.join(', ')} in ${where}. Its fields are: ${known.join(', ')}.`;
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
