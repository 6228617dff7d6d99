import { Button } from 'react-aria-components';
import type { EntityDef } from '../domain/data-model';

const cardinalityText = { 'one-to-one': 'one to one', 'many-to-one': 'many to one', 'one-to-many': 'one to many (collection)' } as const;

/** The links of an entity: target, cardinality and join keys; a target opens that entity. */
export function LinksTable({ entity, entityLabel, onOpenEntity }: { entity: EntityDef; entityLabel: (name: string) => string; onOpenEntity: (name: string) => void }) {
  if (entity.links.length === 0) return <p className="dx-empty">{entity.label || entity.name} has no links to other entities.</p>;
  return (
    <table className="dx-table" aria-label={`Links of ${entity.label || entity.name}`}>
      <thead>
        <tr>
          <th scope="col">Link</th>
          <th scope="col">Target</th>
          <th scope="col">Cardinality</th>
          <th scope="col">Join keys</th>
        </tr>
      </thead>
      <tbody>
        {entity.links.map((l) => (
          <tr key={l.name}>
            <th scope="row">
              <code>{l.name}</code>
              {l.label && <span className="dx-muted"> {l.label}</span>}
            </th>
            <td>
              <Button className="dx-link-button" onPress={() => onOpenEntity(l.target)}>
                {entityLabel(l.target)}
              </Button>
            </td>
            <td>{cardinalityText[l.cardinality]}</td>
            <td>
              {l.on.map((pair) => (
                <div key={`${pair.from}-${pair.to}`}>
                  <code>
                    {entity.name}.{pair.from} = {l.target}.{pair.to}
                  </code>
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
