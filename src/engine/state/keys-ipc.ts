import { Table, Utf8, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';

/**
 * One column of keys as Arrow IPC stream bytes: numeric keys stay a typed array (4 or 8 bytes a
 * record), others become text. The table is rebuilt from the column's values because a result of
 * DuckDB's Node binding may come from another copy of the Arrow library, which the IPC writer
 * would not recognise.
 */
export function keysToIPC(result: Table, column: string): Uint8Array {
  const values: unknown = result.getChild(column)?.toArray() ?? [];
  const vector =
    ArrayBuffer.isView(values) && !(values instanceof DataView)
      ? makeVector(values as Int32Array | Float64Array | BigInt64Array)
      : vectorFromArray(
          [...(values as Iterable<unknown>)].map((v) => (v === null || v === undefined ? null : String(v))),
          new Utf8(),
        );
  return tableToIPC(new Table({ [column]: vector }), 'stream');
}
