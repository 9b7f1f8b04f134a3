/** A right-aligned text label drawn just above a horizontal line at `y`; all values in canvas pixels. */
export interface LimitLabel {
  readonly y: number;
  readonly width: number;
}

/**
 * Returns the right edge of each label so that no two labels overlap. Every label starts at
 * `rightX`; a label that would cover one placed before it, because their lines are less than
 * `heightPx` apart, moves left of that one with `gapPx` between them. Earlier labels keep the
 * right edge, so the caller passes the most important label first.
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
