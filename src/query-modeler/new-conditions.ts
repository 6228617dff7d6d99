import type { DataModel } from '../domain/data-model';
import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup, DeliveryCondition, SavedFilterCondition } from '../domain/rule';
import { collectionChoices } from '../domain/rule-paths';
import { newConditionId } from './tree-edits';

/** Kinds of condition the "Add" menu offers. */
export type NewConditionKind = 'attribute' | 'collection' | 'group' | 'delivery' | 'saved-filter';

/** A fresh condition of `kind` over `entity`, ready to be completed. */
export function newCondition(kind: NewConditionKind, model: DataModel, entity: string, options: { channelId?: string; filterId?: string } = {}): Condition {
  switch (kind) {
    case 'attribute':
      return { kind: 'attribute', id: newConditionId(), path: [], operator: 'equals' } satisfies AttributeCondition;
    case 'collection': {
      const first = collectionChoices(model, entity)[0];
      return {
        kind: 'collection',
        id: newConditionId(),
        path: first?.path ?? [],
        quantifier: 'exists',
        where: { kind: 'group', id: newConditionId(), combinator: 'and', children: [] },
      } satisfies CollectionCondition;
    }
    case 'group':
      return { kind: 'group', id: newConditionId(), combinator: 'or', children: [newCondition('attribute', model, entity)] } satisfies ConditionGroup;
    case 'delivery':
      return { kind: 'delivery', id: newConditionId(), activityId: options.channelId ?? '', event: 'opened' } satisfies DeliveryCondition;
    case 'saved-filter':
      return { kind: 'saved-filter', id: newConditionId(), filterId: options.filterId ?? '' } satisfies SavedFilterCondition;
  }
}
