/**
 * The timeline's colours and type, chosen to stay readable on a white page: muted fills with
 * dark labels, and red only for errors.
 */
import type { InvokeOutcome } from '../engine/execution';

export const PALETTE = {
  background: '#ffffff',
  laneStripe: '#f8fafc',
  headerBackground: '#f1f5f9',
  headerText: '#0f172a',
  laneText: '#475569',
  grid: '#e9eef4',
  axisText: '#64748b',
  axisLine: '#cbd5e1',
  platform: '#cbd5e1',
  platformText: '#334155',
  init: '#f2b35c',
  initText: '#3f2a0b',
  initFailed: '#e07a5f',
  running: '#6c93d6',
  success: '#3f9f7f',
  error: '#d9544d',
  timeout: '#8a6fc4',
  invokeText: '#ffffff',
  frozenFill: '#eef3fa',
  frozenHatch: '#c9d6e8',
  frozenText: '#7488a4',
  resetFill: '#f4f1ee',
  resetHatch: '#ddd5cc',
  request: '#334155',
  reclaimed: '#64748b',
  reset: '#c2410c',
  playhead: '#dc4c1e',
  playheadText: '#ffffff',
  selection: '#1d4ed8',
  hover: '#0f172a',
  /** Throttled requests: distinct from the red of handler errors, and the inspector's colour for them. */
  throttle: '#c026d3',
  throttleRow: '#fdf4ff',
  /** Provisioned environments: the badge and the bar beside their lanes. */
  provisioned: '#0f766e',
  provisionedBadge: '#ccfbf1',
  /** The stripe on invocations that spilled over to on-demand environments. */
  spillover: '#b45309',
  aggregateRow: '#f8fafc',
  /** Asynchronous invocation: the queue lane, an event's wait in it, and the queue's depth. */
  queueRow: '#fffbeb',
  queueWait: '#b7791f',
  queueDepth: 'rgba(217, 119, 6, 0.22)',
  /** DLQ and destination lanes, and a DLQ message. */
  targetRow: '#fafaf9',
  dlq: '#92400e',
  /** An event dropped or expired without a target to keep it. */
  dropped: '#b91c1c',
  arrowLabelBackground: '#eff6ff',
  scrollThumb: '#94a3b8',
} as const;

export const FONT = '12px ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif';
export const FONT_BOLD = `600 ${FONT}`;
/** Type for labels in compact rows and badges. */
export const FONT_SMALL = '10px ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif';

export function outcomeColor(outcome: InvokeOutcome | undefined): string {
  switch (outcome) {
    case 'success':
      return PALETTE.success;
    case 'error':
      return PALETTE.error;
    case 'timeout':
      return PALETTE.timeout;
    default:
      return PALETTE.running;
  }
}

/** The legend's entries, in the order a person meets them on a lane. */
export const LEGEND: readonly { readonly label: string; readonly color: string; readonly hatch?: string }[] = [
  { label: 'Platform (placing the environment)', color: PALETTE.platform },
  { label: 'INIT', color: PALETTE.init },
  { label: 'INVOKE running', color: PALETTE.running },
  { label: 'Success', color: PALETTE.success },
  { label: 'Error', color: PALETTE.error },
  { label: 'Timeout', color: PALETTE.timeout },
  { label: 'Frozen (idle)', color: PALETTE.frozenFill, hatch: PALETTE.frozenHatch },
  { label: 'Reset (runs INIT again)', color: PALETTE.resetFill, hatch: PALETTE.resetHatch },
];
