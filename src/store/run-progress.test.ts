import { describe, expect, it } from 'vitest';
import { runProgressLabel } from './run-progress';

describe('run progress label', () => {
  it('names the batch while none has ended', () => {
    expect(runProgressLabel(0, 1000)).toEqual({ text: 'Running 1,000 handlers…', fraction: undefined });
  });

  it('uses the singular for one request', () => {
    expect(runProgressLabel(0, 1).text).toBe('Running 1 handler…');
  });

  it('counts once requests have ended', () => {
    expect(runProgressLabel(250, 1000)).toEqual({ text: 'Running handlers… 250 of 1,000 requests done', fraction: 0.25 });
  });

  it('shows no count before any request', () => {
    expect(runProgressLabel(0, 0)).toEqual({ text: 'Running handlers…', fraction: undefined });
  });
});
