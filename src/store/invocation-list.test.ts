import { describe, expect, it } from 'vitest';
import { listLimitNote } from './invocation-list';

describe('invocation list limit note', () => {
  it('names the shown and total counts', () => {
    expect(listLimitNote(200, 1000)).toBe(
      'Showing the latest 200 of 1,000 invocations. To inspect an older one, click it on the timeline.',
    );
  });
});
