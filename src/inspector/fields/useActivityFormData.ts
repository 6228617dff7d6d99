import { useMemo } from 'react';
import type { Activity, Transition } from '../../domain/campaign';
import type { DataModel } from '../../domain/data-model';
import type { Problem } from '../../domain/problems';
import { useDataset } from '../../queries/useDataset';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEngineClient } from '../../queries/EngineClientContext';
import { previewSchemaQuery } from '../../queries/engine-queries';
import { upstreamDoc } from '../../domain/graph';
import { selectActivityProblems } from '../../store/selectors';
import { useEditorStore } from '../../store/useEditorStore';
import { dimensionOfTransition } from './dimension-of';
import { branchName } from '../../domain/ports';

/** An inbound transition with the label of the activity it comes from, for pickers. */
export interface InboundSet {
  transition: Transition;
  /** The source activity's label, its output's when it has several, and the transition's own label when it has one. */
  name: string;
  /** Dimension of its records, when it can be told from the document. */
  dimension: string | undefined;
}

/** What most settings forms need besides their config: the data model, inbound sets and problems. */
export interface ActivityFormData {
  model: DataModel | undefined;
  modelError: Error | null;
  /** Inbound transitions on `port` (default `in`), in document order. */
  inbound: InboundSet[];
  /** Problems of the activity (schema, settings, graph), from the same validation as the canvas. */
  problems: readonly Problem[];
  /** Problems whose config path starts with one of `prefixes` (e.g. `subsets[0]`). */
  problemsAt: (...prefixes: string[]) => Problem[];
}

/** Data shared by the settings forms of one activity (see ActivityFormData). */
export function useActivityFormData(activity: Activity, port = 'in'): ActivityFormData {
  const dataset = useDataset();
  const transitions = useEditorStore((s) => s.doc.transitions);
  const activities = useEditorStore((s) => s.doc.activities);
  const problems = useEditorStore(selectActivityProblems(activity.id));
  const inbound = useMemo(() => {
    const doc = { activities, transitions };
    return transitions
      .filter((t) => t.target.activityId === activity.id && t.target.port === port)
      .map((t) => ({ transition: t, name: branchName(activities, t), dimension: dimensionOfTransition(doc, t) }));
  }, [activities, transitions, activity.id, port]);
  return {
    model: dataset.data?.model,
    modelError: dataset.error,
    inbound,
    problems,
    problemsAt: (...prefixes) => problems.filter((p) => p.path !== undefined && prefixes.some((x) => p.path === x || p.path!.startsWith(`${x}.`) || p.path!.startsWith(`${x}[`))),
  };
}

/**
 * Columns of the working table a transition carries (key and enrichment columns), from the engine's
 * preview schema; empty while computing or when there is no transition.
 */
export function useWorkingTableColumns(transitionId: string | undefined): { name: string; type: string }[] {
  const doc = useEditorStore((s) => s.doc);
  const client = useEngineClient();
  const version = useDataset().data?.version;
  // Only what is upstream of the transition decides its columns: asking about that part of the
  // campaign keeps the answer cached while the activity being edited changes.
  const upstream = useMemo(() => upstreamDoc(doc, transitionId), [doc, transitionId]);
  const schema = useQuery({
    ...previewSchemaQuery(client, version ?? '', upstream ?? doc, transitionId ?? ''),
    enabled: version !== undefined && upstream !== undefined,
    placeholderData: keepPreviousData,
  });
  return upstream ? (schema.data ?? []) : [];
}

