import { describe, expect, it } from 'vitest';
import { EventQueue, type Scheduled } from './event-queue';
import { SeededRandom } from '../lib/random';

interface Item extends Scheduled {
  label: string;
}

const item = (time: number, label: string): Item => ({ time, label, seq: -1, heapIndex: -1 });

function drain(queue: EventQueue<Item>): string[] {
  const labels: string[] = [];
  for (let next = queue.pop(); next; next = queue.pop()) labels.push(next.label);
  return labels;
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const queue = new EventQueue<Item>();
    for (const [time, label] of [[5, 'e'], [1, 'a'], [3, 'c'], [2, 'b'], [4, 'd']] as const) {
      queue.push(item(time, label));
    }
    expect(drain(queue)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('breaks ties by insertion order', () => {
    const queue = new EventQueue<Item>();
    queue.push(item(10, 'first'));
    queue.push(item(5, 'early'));
    queue.push(item(10, 'second'));
    queue.push(item(10, 'third'));
    expect(drain(queue)).toEqual(['early', 'first', 'second', 'third']);
  });

  it('keeps ties in order after many pushes', () => {
    const queue = new EventQueue<Item>();
    for (let i = 0; i < 100; i++) queue.push(item(i % 3, `${i % 3}:${i}`));
    const popped = drain(queue);
    const expected = [0, 1, 2].flatMap((time) =>
      Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === time).map((i) => `${time}:${i}`),
    );
    expect(popped).toEqual(expected);
  });

  it('peek returns the earliest entry without removing it', () => {
    const queue = new EventQueue<Item>();
    expect(queue.peek()).toBeUndefined();
    queue.push(item(2, 'b'));
    queue.push(item(1, 'a'));
    expect(queue.peek()?.label).toBe('a');
    expect(queue.size).toBe(2);
  });

  it('removes an entry from the middle', () => {
    const queue = new EventQueue<Item>();
    const entries = [1, 2, 3, 4, 5, 6, 7].map((time) => item(time, String(time)));
    for (const entry of entries) queue.push(entry);
    expect(queue.remove(entries[3]!)).toBe(true);
    expect(entries[3]!.heapIndex).toBe(-1);
    expect(drain(queue)).toEqual(['1', '2', '3', '5', '6', '7']);
  });

  it('push rejects an entry already queued', () => {
    const queue = new EventQueue<Item>();
    const entry = item(1, 'a');
    queue.push(entry);
    expect(() => queue.push(entry)).toThrow(/already queued/);
    expect(queue.size).toBe(1);
  });

  it('remove returns false for an entry not queued', () => {
    const queue = new EventQueue<Item>();
    const entry = item(1, 'a');
    expect(queue.remove(entry)).toBe(false);
    queue.push(entry);
    queue.pop();
    expect(queue.remove(entry)).toBe(false);
  });

  it('matches a sorted reference under random pushes, pops and removes', () => {
    const random = new SeededRandom(7);
    const queue = new EventQueue<Item>();
    const live: Item[] = [];
    const popped: Item[] = [];
    for (let i = 0; i < 5000; i++) {
      const action = random.next();
      if (action < 0.5) {
        const entry = item(Math.floor(random.uniform(0, 50)), `#${i}`);
        queue.push(entry);
        live.push(entry);
      } else if (action < 0.8) {
        const entry = queue.pop();
        if (entry) {
          popped.push(entry);
          live.splice(live.indexOf(entry), 1);
        }
      } else if (live.length > 0) {
        const victim = live[Math.floor(random.uniform(0, live.length))]!;
        expect(queue.remove(victim)).toBe(true);
        live.splice(live.indexOf(victim), 1);
      }
      expect(queue.size).toBe(live.length);
    }
    const order = (a: Item, b: Item) => a.time - b.time || a.seq - b.seq;
    expect(drain(queue)).toEqual([...live].sort(order).map((entry) => entry.label));
  });
});

describe('EventQueue sorted run', () => {
  it('merges in-order entries with the heap by time, then by scheduling order', () => {
    const queue = new EventQueue<Item>();
    queue.pushInOrder(item(10, 'run-10'));
    queue.push(item(5, 'heap-5'));
    queue.pushInOrder(item(20, 'run-20'));
    queue.push(item(10, 'heap-10'));
    queue.pushInOrder(item(20, 'run-20b'));
    expect(queue.size).toBe(5);
    const order: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) order.push(next.label);
    expect(order).toEqual(['heap-5', 'run-10', 'heap-10', 'run-20', 'run-20b']);
  });

  it('sends an entry earlier than the run to the heap', () => {
    const queue = new EventQueue<Item>();
    queue.pushInOrder(item(30, 'late'));
    const early = item(10, 'early');
    queue.pushInOrder(early);
    expect(early.heapIndex).toBeGreaterThanOrEqual(0);
    expect(queue.remove(early)).toBe(true);
    expect(queue.pop()?.label).toBe('late');
  });

  it('rejects removing an entry of the run', () => {
    const queue = new EventQueue<Item>();
    const entry = item(1, 'x');
    queue.pushInOrder(entry);
    expect(() => queue.remove(entry)).toThrow(/cannot be removed/);
    expect(() => queue.pushInOrder(entry)).toThrow(/already queued/);
  });

  it('keeps order across many entries', () => {
    const queue = new EventQueue<Item>();
    for (let i = 0; i < 10_000; i++) queue.pushInOrder(item(i, `r${i}`));
    for (let i = 0; i < 10_000; i += 3) queue.push(item(i + 0.5, `h${i}`));
    let last = -1;
    let count = 0;
    for (let next = queue.pop(); next; next = queue.pop()) {
      expect(next.time).toBeGreaterThanOrEqual(last);
      last = next.time;
      count++;
    }
    expect(count).toBe(10_000 + 3334);
  });
});
