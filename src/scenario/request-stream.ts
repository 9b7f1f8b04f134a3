/**
 * Requests produced one at a time, in the order they are submitted. A load pattern of 100,000
 * requests then costs nothing until it is submitted, and the page can submit it in slices
 * instead of first building and sorting every request.
 */
import type { RequestInput } from '../engine/model';

/** A sequence of requests in ascending time: request `i` arrives at `timeAt(i)`. */
export interface RequestRun {
  readonly count: number;
  timeAt(index: number): number;
  /** Makes the request that arrives at `at`. */
  make(at: number): RequestInput;
}

export interface RequestStream {
  /** Number of requests not taken yet. */
  readonly size: number;
  /** Arrival time of the next request in ms, or undefined when none is left. */
  peekTime(): number | undefined;
  /** Takes the next request, or returns undefined when none is left. */
  next(): RequestInput | undefined;
}

interface Cursor {
  readonly run: RequestRun;
  /** Position of the run in the list given to `mergeRuns`, which breaks ties in time. */
  readonly order: number;
  index: number;
  time: number;
}

/**
 * Merges runs by arrival time. At equal times the run listed first goes first, and a run keeps
 * its own order, so the result is what a stable sort of all the runs, concatenated, gives.
 */
export function mergeRuns(runs: readonly RequestRun[]): RequestStream {
  const heap: Cursor[] = [];
  let size = 0;
  runs.forEach((run, order) => {
    if (run.count <= 0) return;
    size += run.count;
    push(heap, { run, order, index: 0, time: run.timeAt(0) });
  });
  return {
    get size() {
      return size;
    },
    peekTime: () => heap[0]?.time,
    next() {
      const cursor = heap[0];
      if (cursor === undefined) return undefined;
      const request = cursor.run.make(cursor.time);
      size--;
      cursor.index++;
      if (cursor.index < cursor.run.count) {
        cursor.time = cursor.run.timeAt(cursor.index);
        siftDown(heap, 0);
      } else {
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          siftDown(heap, 0);
        }
      }
      return request;
    },
  };
}

/** Takes every request left in the stream. */
export function drain(stream: RequestStream): RequestInput[] {
  const requests: RequestInput[] = [];
  for (let request = stream.next(); request !== undefined; request = stream.next()) requests.push(request);
  return requests;
}

function before(a: Cursor, b: Cursor): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}

function push(heap: Cursor[], cursor: Cursor): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: Cursor[], start: number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let first = i;
    if (left < heap.length && before(heap[left]!, heap[first]!)) first = left;
    if (right < heap.length && before(heap[right]!, heap[first]!)) first = right;
    if (first === i) return;
    [heap[i], heap[first]] = [heap[first]!, heap[i]!];
    i = first;
  }
}
