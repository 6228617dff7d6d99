import { describe, expect, test } from 'vitest';
import { parseDataModel } from '../data-model';

const entity = (name: string, fields: string[], links: { name: string; target: string; from: string; to: string }[] = []) => ({
  name,
  primaryKey: fields[0],
  fields: fields.map((f) => ({ name: f, type: 'integer' })),
  links: links.map((l) => ({ name: l.name, target: l.target, cardinality: 'many-to-one', on: [{ from: l.from, to: l.to }] })),
});
const model = (...entities: unknown[]) => ({ name: 'm', referenceDate: '2025-06-30', entities });
const errors = (input: unknown) => {
  const r = parseDataModel(input);
  return r.ok ? [] : r.errors;
};

describe('data model names', () => {
  test('a model whose names all differ is accepted', () => {
    expect(errors(model(entity('orders', ['id', 'customer_id'], [{ name: 'customer', target: 'customers', from: 'customer_id', to: 'id' }]), entity('customers', ['id'])))).toEqual([]);
  });

  test('fields that differ only by case are refused at the later one, naming the first', () => {
    expect(errors(model(entity('customers', ['id', 'name', 'ID'])))).toEqual([
      { path: 'entities.0.fields.2.name', message: 'field ID of customers has the same name as id (names are compared without case)' },
    ]);
  });

  test('entities that differ only by case are refused', () => {
    expect(errors(model(entity('orders', ['id']), entity('Orders', ['id'])))).toEqual([
      { path: 'entities.1.name', message: 'entity Orders has the same name as orders (names are compared without case)' },
    ]);
  });

  test('the same name twice is refused with its path', () => {
    expect(errors(model(entity('orders', ['id', 'id']), entity('orders', ['id'])))).toEqual([
      { path: 'entities.1.name', message: 'entity orders appears twice' },
      { path: 'entities.0.fields.1.name', message: 'field id of orders appears twice' },
    ]);
  });

  test('links that differ only by case, or from a field only by case, are refused', () => {
    const links = [
      { name: 'customer', target: 'customers', from: 'customer_id', to: 'id' },
      { name: 'Customer', target: 'customers', from: 'customer_id', to: 'id' },
      { name: 'Customer_ID', target: 'customers', from: 'customer_id', to: 'id' },
    ];
    expect(errors(model(entity('orders', ['id', 'customer_id'], links), entity('customers', ['id'])))).toEqual([
      { path: 'entities.0.links.1.name', message: 'link orders.Customer has the same name as customer (names are compared without case)' },
      { path: 'entities.0.links.2.name', message: 'link orders.Customer_ID has the name of field customer_id (names are compared without case)' },
    ]);
  });
});
