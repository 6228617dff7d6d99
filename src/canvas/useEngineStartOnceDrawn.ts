import { useEffect } from 'react';
import { useNodesInitialized } from '@xyflow/react';
import { useEngineClient } from '../queries/EngineClientContext';

/**
 * Lets the engine start once the canvas has drawn its activities (app/main.tsx holds its start
 * while a campaign opens): the frame after React Flow has measured them, or at once on an empty
 * canvas. Does nothing when the engine was not held or has started.
 */
export function useEngineStartOnceDrawn(isEmpty: boolean): void {
  const client = useEngineClient();
  const drawn = useNodesInitialized() || isEmpty;
  useEffect(() => {
    if (!drawn || !client.startHeld) return;
    // After the frame that paints them: the next task, once that frame is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => client.releaseStart(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, client]);
}
