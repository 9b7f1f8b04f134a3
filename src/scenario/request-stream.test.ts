import { describe, expect, it } from 'vitest';
import type { RequestInput } from '../engine/model';
import { drain, mergeRuns, type RequestRun } from './request-stream';

/** Returns a run whose requests name the run and their place in it, so the merged order can be read back. */
function run(name: string, times: readonly number[]): RequestRun {
  let position = 0;
  return {
    count: times.length,
    timeAt: (i) => times[i]!,
    make: (at) => ({ at, functionName: name, event: position++ }),
  };
}

const labels = (requests: readonly RequestInput[]) =>
  requests.map((request) => ('functionName' in request ? `${request.functionName}${String(request.event)}@${request.at}` : '?'));

describe('mergeRuns', () => {
  it('orders requests by time and breaks ties by the order of the runs', () => {
    const merged = drain(mergeRuns([run('a', [0, 10, 10, 30]), run('b', [10, 20]), run('c', [0])]));
    expect(labels(merged)).toEqual(['a0@0', 'c0@0', 'a1@10', 'a2@10', 'b0@10', 'b1@20', 'a3@30']);
  });

  it('gives what a stable sort of the concatenated runs gives', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const runs = Array.from({ length: 40 }, (_, r) => {
      const times: number[] = [];
      let time = Math.floor(random() * 5);
      for (let i = Math.floor(random() * 30); i > 0; i--) {
        times.push(time);
        time += Math.floor(random() * 3);
      }
      return { name: `r${r}-`, times };
    });
    const concatenated = labels(drain(mergeRuns(runs.map(({ name, times }) => run(name, times)))));
    const sorted = labels(
      runs
        .flatMap(({ name, times }) => times.map((at, i) => ({ at, functionName: name, event: i })))
        .sort((a, b) => a.at - b.at),
    );
    expect(concatenated).toEqual(sorted);
  });

  it('makes each request only when it is taken, and counts what is left', () => {
    let made = 0;
    const stream = mergeRuns([
      { count: 100_000, timeAt: (i) => i * 2, make: (at) => (made++, { at, functionName: 'f', event: {} }) },
      { count: 0, timeAt: () => 0, make: (at) => ({ at, functionName: 'never', event: {} }) },
    ]);
    expect(stream.size).toBe(100_000);
    expect(stream.peekTime()).toBe(0);
    expect(made).toBe(0);
    stream.next();
    stream.next();
    expect(made).toBe(2);
    expect(stream.size).toBe(99_998);
    expect(stream.peekTime()).toBe(4);
  });

  it('ends with undefined', () => {
    const stream = mergeRuns([run('a', [5])]);
    expect(stream.next()?.at).toBe(5);
    expect(stream.next()).toBeUndefined();
    expect(stream.peekTime()).toBeUndefined();
    expect(stream.size).toBe(0);
  });
});
