/** Text for simulated times and durations, as the timeline, its tooltips and the playhead show them. */

/** Formats a duration for a label: `142 ms`, `1.25 s`, `6 min 12 s`, `1 h 5 min`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1) return `${sign}${trimZeros(abs.toFixed(2))} ms`;
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${trimZeros((abs / 1000).toFixed(abs < 10_000 ? 2 : 1))} s`;
  if (abs < 3_600_000) {
    const minutes = Math.floor(abs / 60_000);
    const seconds = Math.round((abs - minutes * 60_000) / 1000);
    if (seconds === 60) return `${sign}${minutes + 1} min`;
    return seconds === 0 ? `${sign}${minutes} min` : `${sign}${minutes} min ${seconds} s`;
  }
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.round((abs - hours * 3_600_000) / 60_000);
  return minutes === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${minutes} min`;
}

/** Formats the playhead's time since the start of the run, to the millisecond: `+1m 02.345s`. */
export function formatPlayhead(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = (total - minutes * 60_000) / 1000;
  return `+${minutes}m ${seconds.toFixed(3).padStart(6, '0')}s`;
}

/**
 * Formats an axis tick at `ms`, given the tick step, with only the precision the step needs:
 * `250 ms`, `1.5 s`, `2 min`, `2 min 30 s`.
 */
export function formatTick(ms: number, stepMs: number): string {
  if (ms === 0) return '0';
  if (stepMs < 1000 && ms < 1000) return `${trimZeros(ms.toFixed(stepMs < 1 ? 2 : 0))} ms`;
  if (stepMs < 60_000 && ms < 60_000) {
    const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
    return `${trimZeros((ms / 1000).toFixed(decimals))} s`;
  }
  if (ms < 3_600_000 || stepMs < 3_600_000) {
    const minutes = Math.floor(ms / 60_000);
    const secondsMs = ms - minutes * 60_000;
    if (secondsMs === 0) return `${minutes} min`;
    const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
    return `${minutes} min ${trimZeros((secondsMs / 1000).toFixed(decimals))} s`;
  }
  return formatDuration(ms);
}

/** The short request ID shown on spans and tooltips: its first eight characters. */
export function shortRequestId(requestId: string): string {
  return requestId.slice(0, 8);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
