/**
 * The simulation's future: a binary min-heap of scheduled events ordered by simulated time,
 * then by insertion sequence, so two events due at the same time run in the order they were
 * scheduled. Every entry records its own position in the heap, which lets a scheduled event
 * be cancelled in O(log n) (an idle environment's reclaim, when the environment is reused).
 */

/** Fields the queue maintains on each entry; callers set only `time`. */
export interface Scheduled {
  /** Simulated time the event is due, in ms. */
  time: number;
  /** Insertion sequence, assigned by `push`; breaks ties between equal times. */
  seq: number;
  /** Position in the heap array, or -1 when the entry is not queued. */
  heapIndex: number;
}

export class EventQueue<T extends Scheduled> {
  private readonly heap: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `item` at `item.time`. Throws if it is already queued. */
  push(item: T): void {
    if (item.heapIndex >= 0) throw new Error('EventQueue.push: the entry is already queued; remove it first.');
    item.seq = this.nextSeq++;
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.siftUp(item.heapIndex);
  }

  /** Returns the earliest entry without removing it. */
  peek(): T | undefined {
    return this.heap[0];
  }

  /** Removes and returns the earliest entry. */
  pop(): T | undefined {
    const heap = this.heap;
    const first = heap[0];
    if (first === undefined) return undefined;
    const last = heap.pop()!;
    if (last !== first) {
      last.heapIndex = 0;
      heap[0] = last;
      this.siftDown(0);
    }
    first.heapIndex = -1;
    return first;
  }

  /** Cancels a queued entry. Returns false when it was not queued (already run or removed). */
  remove(item: T): boolean {
    const index = item.heapIndex;
    const heap = this.heap;
    if (index < 0 || heap[index] !== item) return false;
    const last = heap.pop()!;
    item.heapIndex = -1;
    if (last !== item) {
      last.heapIndex = index;
      heap[index] = last;
      this.siftDown(index);
      this.siftUp(last.heapIndex);
    }
    return true;
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
