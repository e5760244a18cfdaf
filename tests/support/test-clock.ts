import type { Clock } from '../../server/src/services/clock';

/** Where every test clock starts: a fixed instant, so runs are repeatable. */
export const TEST_EPOCH = new Date('2026-12-01T09:00:00.000Z');

/** A frozen clock that only moves when a test moves it: no sleeps, no flaky timing. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date = TEST_EPOCH) {
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(date: Date): void {
    this.current = new Date(date.getTime());
  }

  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}
