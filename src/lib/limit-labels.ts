/** A right-aligned text label drawn just above a horizontal line at `y`; all values in canvas pixels. */
export interface LimitLabel {
  readonly y: number;
  readonly width: number;
}

/**
 * Returns the right edge of each label so that no two labels overlap. Every label starts at
 * `rightX`. A label whose line is less than `heightPx` from the line of one placed before it
 * moves left of that one, with `gapPx` between them. Earlier labels keep their place, so the
 * caller passes the most important label first.
 */
export function placeLimitLabels(labels: readonly LimitLabel[], rightX: number, heightPx: number, gapPx: number): number[] {
  const placed: { readonly y: number; readonly left: number; readonly right: number }[] = [];
  return labels.map((label) => {
    let right = rightX;
    for (;;) {
      const blocker = placed.find(
        (other) => Math.abs(other.y - label.y) < heightPx && right > other.left - gapPx && right - label.width < other.right + gapPx,
      );
      if (!blocker) break;
      right = blocker.left - gapPx;
    }
    placed.push({ y: label.y, left: right - label.width, right });
    return right;
  });
}
