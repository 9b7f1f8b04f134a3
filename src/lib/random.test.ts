import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

describe('SeededRandom.uuid', () => {
  it('is a version 4 UUID', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 1000; i++) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  // Saved traces and shared links replay request IDs, so the sequence for a seed must not change.
  it('gives the same IDs for a seed as it always has', () => {
    const random = new SeededRandom(42);
    expect([random.uuid(), random.uuid(), random.uuid()]).toEqual([
      'aa09c307-f688-4ba1-832a-31654b44d529',
      'd84c791d-ead1-42e2-b5fb-04d773e1fbae',
      '4a1c71c2-528a-474a-b740-e455d89fa9a4',
    ]);
    const digest = createHash('sha256');
    for (let seed = 0; seed < 50; seed++) {
      const seeded = new SeededRandom(seed);
      for (let i = 0; i < 200; i++) digest.update(seeded.uuid());
    }
    expect(digest.digest('hex')).toBe('ab9168fd1cae0c405a13bf36dcfee44a28dead05358cafcaf6921c0ceca37ec3');
  });
});
