import { useEffect } from 'react';
import { useAppStore } from '../store';

/** Drives playback: one `tick` per animation frame while the run plays. */
export function usePlaybackLoop() {
  const playing = useAppStore((state) => state.playing);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const onFrame = (now: number) => {
      useAppStore.getState().tick(now - last);
      last = now;
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
