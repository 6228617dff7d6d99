import type { NodeTypes } from '@xyflow/react';
import { ActivityNode } from './ActivityNode';

/** Node types at module scope, so React Flow never sees a new object and never remounts nodes. */
export const nodeTypes = { activity: ActivityNode } satisfies NodeTypes;
