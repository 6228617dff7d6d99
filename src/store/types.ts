import type { CampaignDoc, PortRef, Position } from '../domain/campaign';
import type { CampaignFragment } from '../domain/clipboard';
import type { DataModel } from '../domain/data-model';
import type { CampaignVariable } from '../domain/variables';

/** What is selected on the canvas. Not part of the document, never an undo step. */
export interface Selection {
  activityIds: readonly string[];
  transitionIds: readonly string[];
}

/** A short message for the person editing: why a connection was refused, what was pasted. */
export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'error';
}

export interface DocumentSlice {
  /** The campaign being edited; the only part of the state that undo/redo records. */
  doc: CampaignDoc;
  /** Replaces the document from outside the editor (an import, a rename in the header). */
  replaceDoc: (doc: CampaignDoc) => void;
  addActivity: (type: string, position: Position) => string;
  insertActivityOnTransition: (type: string, transitionId: string, position: Position) => string | null;
  connect: (source: PortRef, target: PortRef) => boolean;
  /** Adds an activity connected from `source` (one undo step); refused with a notice when the rules say no. */
  addActivityFrom: (type: string, position: Position, source: PortRef) => string | null;
  moveActivities: (positions: Readonly<Record<string, Position>>) => void;
  removeSelection: () => void;
  removeElements: (ids: Partial<Selection>) => void;
  duplicateSelection: () => void;
  setDisabled: (activityIds: readonly string[], disabled: boolean) => void;
  relabelActivity: (id: string, label: string) => void;
  relabelTransition: (id: string, label: string) => void;
  /**
   * Replaces an activity's config. Consecutive calls for the same activity with the same `group`
   * (keystrokes in one field) are one undo step; without a group every call is its own step.
   */
  updateConfig: (id: string, config: Record<string, unknown>, group?: string) => void;
  /** Switches orientation; with `positions` (a tidy-up in the new direction) in the same undo step. */
  setOrientation: (
    orientation: CampaignDoc['settings']['orientation'],
    positions?: Readonly<Record<string, Position>>,
  ) => void;
  /** Sets the campaign's seed. */
  setSeed: (seed: number) => void;
  /** Replaces the simulation settings as typed (undefined: all defaults). */
  setSimulationSettings: (simulation: Record<string, unknown> | undefined) => void;
  /** Replaces the schedule as set (undefined: no schedule, the campaign runs on demand). */
  setSchedule: (schedule: Record<string, unknown> | undefined) => void;
  /** Replaces the campaign variables that Test activities compare with. */
  setVariables: (variables: readonly CampaignVariable[]) => void;
  pasteFragment: (fragment: CampaignFragment, at?: Position) => void;
}

export interface SelectionSlice {
  selection: Selection;
  setSelection: (selection: Partial<Selection>) => void;
  clearSelection: () => void;
}

export interface ViewSlice {
  /** Sizes React Flow measured, kept so that re-derived nodes keep them. */
  measured: Readonly<Record<string, { width: number; height: number }>>;
  notice: Notice | null;
  /**
   * Activities the canvas should bring into view: `centre` moves the view to them (the problems
   * panel), `reveal` only when they are not already fully visible (a paste, a duplicate).
   */
  focusRequest: { activityIds: readonly string[]; mode: 'centre' | 'reveal'; id: number } | null;
  /** A connection dropped on empty canvas, waiting for the activity to create at its end. */
  pendingConnection: { source: PortRef; at: Position; screen: Position } | null;
  setPendingConnection: (pending: ViewSlice['pendingConnection']) => void;
  /** The transition an activity dragged from the palette would be inserted on if dropped now. */
  dropTransitionId: string | null;
  /**
   * Positions of nodes being dragged, written to the store's drag overlay (`store.drag`), not to
   * this state: see drag-overlay.ts. Committed to the document once, when the drag ends.
   */
  setDragPositions: (positions: Readonly<Record<string, Position>> | null) => void;
  setMeasured: (sizes: Readonly<Record<string, { width: number; height: number }>>) => void;
  /** Forgets every measured size, so that activities are measured again (large campaigns, after a flip). */
  forgetMeasured: () => void;
  notify: (message: string, tone?: Notice['tone']) => void;
  dismissNotice: () => void;
  requestFocus: (activityIds: readonly string[], mode?: 'centre' | 'reveal') => void;
  setDropTransition: (id: string | null) => void;
  /**
   * The data model of the loaded dataset, once the engine has it. Validation reads it to check
   * rules against real fields; it is not part of the document and never an undo step.
   */
  dataModel: DataModel | null;
  setDataModel: (model: DataModel | null) => void;
}

export type EditorState = DocumentSlice & SelectionSlice & ViewSlice & {
  /** A shared campaign shown read-only: every document edit is refused (see editor-store.ts). */
  readOnly: boolean;
  /**
   * Why the document is locked (a published version: "Version 3 is published…"), or null while it
   * can be edited. Every document change, undo and redo included, is refused with this reason.
   */
  lockReason: string | null;
  /** Locks (a version was published) or unlocks (a new draft starts, with a fresh history). */
  setLockReason: (reason: string | null) => void;
};
