import type { EdgeTypes } from '@xyflow/react';
import { TransitionEdge } from './TransitionEdge';

/** Edge types at module scope, so React Flow never sees a new object. */
export const edgeTypes = { transition: TransitionEdge } satisfies EdgeTypes;
