import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Activity } from '../../domain/campaign';
import { useDataset } from '../../queries/useDataset';
import { useEngineClient } from '../../queries/EngineClientContext';
import { recipientPreviewQuery } from '../../queries/engine-queries';
import { useEditorStore } from '../../store/useEditorStore';
import { useInboundSchema } from '../../query-modeler/useInboundSchema';
import { channelAudienceDoc } from './channel-audience';
import { builtinTokens, tokenSources, type TokenSource } from './token-sources';
import type { TokenValue } from './tokens';

/** What a channel's form offers as tokens: every field, link field and inbound column it may use. */
export function useTokenSources(activityId: string, channel: string): TokenSource[] {
  const model = useDataset().data?.model;
  const scope = useInboundSchema(activityId);
  return useMemo(() => (model && scope ? tokenSources(model, scope, builtinTokens[channel] ?? []) : []), [model, scope, channel]);
}

/** The first transition into a channel activity: the records it sends to. */
export function useInboundTransitionId(activityId: string): string | undefined {
  return useEditorStore((s) => s.doc.transitions.find((t) => t.target.activityId === activityId && t.target.port === 'in')?.id);
}

/** A record of the channel's audience as the preview shows it. */
export interface PreviewRecord {
  /** The record's key. */
  key: TokenValue;
  valueOf: (path: string) => TokenValue;
}

export type RecipientPreviewState =
  | { status: 'no-audience' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'empty' }
  | { status: 'ready'; record: PreviewRecord; offset: number; total: number };

/**
 * The recipient at a position of the channel's audience (by key) with the values its tokens need,
 * and Previous / Next to move through the audience. Asks the engine about the part of the campaign
 * upstream of the channel only, so that editing the message does not recompute its audience.
 */
export function useRecipientPreview(activity: Activity, paths: readonly string[]) {
  const [offset, setOffset] = useState(0);
  const doc = useEditorStore((s) => s.doc);
  const client = useEngineClient();
  const version = useDataset().data?.version;
  const transitionId = useInboundTransitionId(activity.id);
  const upstream = useMemo(() => channelAudienceDoc(doc, transitionId), [doc, transitionId]);
  const sorted = useMemo(() => [...paths].sort(), [paths]);
  const query = useQuery({
    ...recipientPreviewQuery(client, version ?? '', upstream ?? doc, transitionId ?? '', sorted, offset),
    enabled: version !== undefined && upstream !== undefined,
    placeholderData: keepPreviousData,
  });
  let state: RecipientPreviewState;
  if (!upstream) state = { status: 'no-audience' };
  else if (query.error) state = { status: 'error', message: query.error.message };
  else if (!query.data) state = { status: 'loading' };
  else if (query.data.total === 0) state = { status: 'empty' };
  else {
    const row = query.data.rows[0] ?? {};
    state = { status: 'ready', record: { key: row.__key, valueOf: (p) => row[p] }, offset: query.data.offset, total: query.data.total };
  }
  const total = state.status === 'ready' ? state.total : 0;
  const at = state.status === 'ready' ? state.offset : 0;
  return {
    state,
    fetching: query.isFetching,
    previous: at > 0 ? () => setOffset(at - 1) : undefined,
    next: at < total - 1 ? () => setOffset(at + 1) : undefined,
  };
}
