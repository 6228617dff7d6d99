import { findEntity } from '../../domain/data-model';
import type { DataModel, EntityDef } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import { isFileDimension } from '../working-table';
import type { ChangeDimensionConfig } from './definition';

/**
 * Why the chosen links cannot be followed from the records that come in, in a marketer's words, or
 * undefined when they can. It catches a path that an upstream edit made stale (the Build audience
 * now targets accounts, but the links start from profiles) before any count is asked for.
 */
export function pathProblem(
  config: ChangeDimensionConfig,
  model: DataModel,
  from: string,
): { message: string; path: 'path' | 'targetDimension' } | undefined {
  if (isFileDimension(from))
    return {
      message: 'The records come from a file: map them onto a dimension with a Reconciliation first.',
      path: 'targetDimension',
    };
  const first = findEntity(model, from);
  if (!first) return undefined;
  const start = labelOf(first);
  let entity: EntityDef = first;
  for (const name of config.path) {
    const link = entity.links.find((l) => l.name === name);
    const next: EntityDef | undefined = link && findEntity(model, link.target);
    if (!next)
      return {
        message: `${start} have no link “${name}”: the records coming in changed; choose where to switch to again.`,
        path: 'path',
      };
    entity = next;
  }
  if (entity.name !== config.targetDimension) {
    const target = findEntity(model, config.targetDimension);
    return {
      message: `These links lead to ${labelOf(entity).toLowerCase()}, not to ${target ? labelOf(target).toLowerCase() : config.targetDimension}; choose where to switch to again.`,
      path: 'path',
    };
  }
  return undefined;
}
