/**
 * The simulation's future: scheduled events ordered by simulated time, then by insertion
 * sequence, so two events due at the same time run in the order they were scheduled.
 *
 * Events live in a binary min-heap, where every entry records its own position, which lets a
 * scheduled event be cancelled in O(log n) (an idle environment's reclaim, when the
 * environment is reused). Events scheduled in time order, as submitted traffic usually is,
 * can go to a sorted run beside the heap instead (`pushInOrder`): there they cost O(1) and
 * keep the heap small.
 */

/** Fields the queue maintains on each entry; callers set only `time`. */
export interface Scheduled {
  /** Simulated time the event is due, in ms. */
  time: number;
  /** Insertion sequence, assigned by `push`; breaks ties between equal times. */
  seq: number;
  /** Position in the heap array; -1 when the entry is not queued, -2 when it is in the sorted run. */
  heapIndex: number;
}

const NOT_QUEUED = -1;
const IN_RUN = -2;

export class EventQueue<T extends Scheduled> {
  private readonly heap: T[] = [];
  /** The sorted run: entries in (time, seq) order from `runHead`. */
  private run: T[] = [];
  private runHead = 0;
  private nextSeq = 0;

  get size(): number {
    return this.heap.length + this.run.length - this.runHead;
  }

  /** Schedules `item` at `item.time`. Throws if it is already queued. */
  push(item: T): void {
    if (item.heapIndex !== NOT_QUEUED) throw new Error('EventQueue.push: the entry is already queued; remove it first.');
    item.seq = this.nextSeq++;
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.siftUp(item.heapIndex);
  }

  /**
   * Schedules `item` like `push`, in the sorted run when it is due no earlier than the run's
   * last entry. An entry in the run cannot be removed before it is due.
   */
  pushInOrder(item: T): void {
    const run = this.run;
    const last = run.length > this.runHead ? run[run.length - 1]! : undefined;
    if (last !== undefined && item.time < last.time) {
      this.push(item);
      return;
    }
    if (item.heapIndex !== NOT_QUEUED) throw new Error('EventQueue.pushInOrder: the entry is already queued; remove it first.');
    item.seq = this.nextSeq++;
    item.heapIndex = IN_RUN;
    run.push(item);
  }

  /** Returns the earliest entry without removing it. */
  peek(): T | undefined {
    const top = this.heap[0];
    const next = this.run[this.runHead];
    if (next === undefined) return top;
    if (top === undefined) return next;
    return before(next, top) ? next : top;
  }

  /** Removes and returns the earliest entry. */
  pop(): T | undefined {
    const heap = this.heap;
    const first = heap[0];
    const next = this.run[this.runHead];
    if (next !== undefined && (first === undefined || before(next, first))) return this.shiftRun(next);
    if (first === undefined) return undefined;
    const last = heap.pop()!;
    if (last !== first) {
      last.heapIndex = 0;
      heap[0] = last;
      this.siftDown(0);
    }
    first.heapIndex = NOT_QUEUED;
    return first;
  }

  /**
   * Cancels a queued entry. Returns false when it was not queued (already run or removed).
   * Throws for an entry in the sorted run.
   */
  remove(item: T): boolean {
    const index = item.heapIndex;
    if (index === IN_RUN) throw new Error('EventQueue.remove: an entry scheduled with pushInOrder cannot be removed.');
    const heap = this.heap;
    if (index < 0 || heap[index] !== item) return false;
    const last = heap.pop()!;
    item.heapIndex = NOT_QUEUED;
    if (last !== item) {
      last.heapIndex = index;
      heap[index] = last;
      this.siftDown(index);
      this.siftUp(last.heapIndex);
    }
    return true;
  }

  private shiftRun(item: T): T {
    this.runHead++;
    item.heapIndex = NOT_QUEUED;
    const run = this.run;
    if (this.runHead === run.length) {
      this.run = [];
      this.runHead = 0;
    } else if (this.runHead >= 4096 && this.runHead * 2 >= run.length) {
      // Drop the consumed half now and then, so the run does not grow without bound.
      this.run = run.slice(this.runHead);
      this.runHead = 0;
    }
    return item;
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const item = heap[start]!;
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(item, parent)) break;
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = item;
    item.heapIndex = index;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const length = heap.length;
    const item = heap[start]!;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && before(heap[right]!, heap[left]!)) child = right;
      const childItem = heap[child]!;
      if (!before(childItem, item)) break;
      heap[index] = childItem;
      childItem.heapIndex = index;
      index = child;
    }
    heap[index] = item;
    item.heapIndex = index;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
