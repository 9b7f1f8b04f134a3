/** Colours of the concurrency chart: the account in slate, functions in distinct hues, limits by kind. */
export const ACCOUNT_COLOR = '#334155';

const FUNCTION_COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2'];

export function functionColor(index: number): string {
  return FUNCTION_COLORS[index % FUNCTION_COLORS.length]!;
}

export const LIMIT_COLORS = {
  account: '#b91c1c',
  reserved: '#c2410c',
  provisioned: '#0f766e',
} as const;
