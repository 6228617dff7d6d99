import type { Edge, Node } from '@xyflow/react';
import type { Activity, Transition } from '../domain/campaign';

/**
 * A canvas node is a view of one activity. `data` holds the activity object itself (the same
 * reference as in the document, so unchanged activities keep unchanged nodes) and nothing else:
 * no callbacks, no derived state. Components read everything else from the editor store.
 */
export type ActivityNodeType = Node<{ activity: Activity }, 'activity'>;

/** A canvas edge is a view of one transition. */
export type TransitionEdgeType = Edge<{ transition: Transition }, 'transition'>;
