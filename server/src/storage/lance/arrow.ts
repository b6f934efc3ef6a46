/**
 * apache-arrow as LanceDB sees it, plus the few column builders the record and catalog tables
 * need. LanceDB loads apache-arrow through `require` (its CommonJS build); an ESM `import`
 * would give a second copy whose classes fail LanceDB's `instanceof` checks (addColumns with a
 * Schema, for one), so this module loads the same CommonJS instance and everything else in
 * lance/ builds Arrow data through it.
 */
import { createRequire } from "node:module";
import type * as ArrowModule from "apache-arrow";

export const arrow: typeof ArrowModule = createRequire(import.meta.url)("apache-arrow");
export type { ArrowModule };

/** A schema field of a catalog-side table (catalog, lineage, leases): non-null unless `nullable`. */
export function utf8Field(name: string, nullable = false): ArrowModule.Field {
  return new arrow.Field(name, new arrow.Utf8(), nullable);
}

export function int64Field(name: string, nullable = false): ArrowModule.Field {
  return new arrow.Field(name, new arrow.Int64(), nullable);
}

/** A boolean column as boolAsInt8Data writes it. */
export function boolAsInt8Field(name: string, nullable = false): ArrowModule.Field {
  return new arrow.Field(name, new arrow.Int8(), nullable);
}

/** Validity bitmap for `present` (null when every value is present, as Arrow allows). */
function validity(present: (i: number) => boolean, length: number): { bitmap: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) {
    if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap: nulls === 0 ? undefined : bitmap, nulls };
}

/** A Utf8 column built straight into one buffer (no per-value Arrow builder calls). */
export function utf8Data(values: readonly (string | null | undefined)[]): ArrowModule.Data<ArrowModule.Utf8> {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  let bytes = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v != null) bytes += Buffer.byteLength(v, "utf8");
    offsets[i + 1] = bytes;
  }
  const data = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v != null && v.length > 0) data.write(v, offsets[i], "utf8");
  }
  const { bitmap, nulls } = validity((i) => values[i] != null, length);
  return arrow.makeData({
    type: new arrow.Utf8(),
    length,
    nullCount: nulls,
    nullBitmap: bitmap,
    valueOffsets: offsets,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}

export function float64Data(values: readonly (number | null | undefined)[]): ArrowModule.Data<ArrowModule.Float64> {
  const length = values.length;
  const data = new Float64Array(length);
  // -0 is stored as 0: DataFusion orders floats totally (-0 < 0, so {"$gte": 0} and {"$eq": 0}
  // missed a stored -0), where upstream (SQLite REAL) and IEEE comparison treat them as equal.
  for (let i = 0; i < length; i++) data[i] = (values[i] ?? 0) + 0;
  const { bitmap, nulls } = validity((i) => values[i] != null, length);
  return arrow.makeData({ type: new arrow.Float64(), length, nullCount: nulls, nullBitmap: bitmap, data });
}

/**
 * Booleans as an Int8 0/1 column. Not Arrow Bool: apache-arrow's IPC writer emits an empty
 * values buffer for an all-null Bool column, which LanceDB's Rust side rejects, and every
 * batch that lacks a key writes exactly such a column.
 */
export function boolAsInt8Data(values: readonly (boolean | null | undefined)[]): ArrowModule.Data<ArrowModule.Int8> {
  const length = values.length;
  const data = new Int8Array(length);
  for (let i = 0; i < length; i++) if (values[i] === true) data[i] = 1;
  const { bitmap, nulls } = validity((i) => values[i] != null, length);
  return arrow.makeData({ type: new arrow.Int8(), length, nullCount: nulls, nullBitmap: bitmap, data });
}

export function int64Data(values: BigInt64Array): ArrowModule.Data<ArrowModule.Int64> {
  return arrow.makeData({ type: new arrow.Int64(), length: values.length, nullCount: 0, data: values });
}

/** An Int64 column of integral numbers (below 2^53; fractions are truncated), null for null / undefined. */
export function nullableInt64Data(values: readonly (number | null | undefined)[]): ArrowModule.Data<ArrowModule.Int64> {
  const data = BigInt64Array.from(values, (v) => BigInt(Math.trunc(v ?? 0)));
  const { bitmap, nulls } = validity((i) => values[i] != null, values.length);
  return arrow.makeData({ type: new arrow.Int64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data });
}

export function float32Data(values: Float32Array): ArrowModule.Data<ArrowModule.Float32> {
  return arrow.makeData({ type: new arrow.Float32(), length: values.length, nullCount: 0, data: values });
}

/**
 * A List column (array metadata values): `elements` builds the child column from all rows' values
 * flattened; a null row is a null list.
 */
export function listData<T>(
  type: ArrowModule.List,
  rows: readonly (readonly T[] | null | undefined)[],
  elements: (flat: T[]) => ArrowModule.Data,
): ArrowModule.Data<ArrowModule.List> {
  const length = rows.length;
  const offsets = new Int32Array(length + 1);
  const flat: T[] = [];
  for (let i = 0; i < length; i++) {
    const r = rows[i];
    if (r) for (const v of r) flat.push(v);
    offsets[i + 1] = flat.length;
  }
  const { bitmap, nulls } = validity((i) => rows[i] != null, length);
  return arrow.makeData({ type, length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, child: elements(flat) });
}

/** A column of `length` nulls of any of the types our tables use. */
export function nullData(type: ArrowModule.DataType, length: number): ArrowModule.Data {
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  if (arrow.DataType.isList(type)) {
    const child = nullData(type.children[0].type, 0);
    return arrow.makeData({ type, length, nullCount: length, nullBitmap, valueOffsets: new Int32Array(length + 1), child });
  }
  if (arrow.DataType.isUtf8(type)) {
    return arrow.makeData({ type, length, nullCount: length, nullBitmap, valueOffsets: new Int32Array(length + 1), data: new Uint8Array(0) });
  }
  if (arrow.DataType.isFloat(type)) {
    return arrow.makeData({ type, length, nullCount: length, nullBitmap, data: type.precision === arrow.Precision.SINGLE ? new Float32Array(length) : new Float64Array(length) });
  }
  if (arrow.DataType.isInt(type)) {
    return arrow.makeData({ type, length, nullCount: length, nullBitmap, data: type.bitWidth === 64 ? new BigInt64Array(length) : type.bitWidth === 8 ? new Int8Array(length) : new Int32Array(length) });
  }
  throw new Error(`no null column builder for Arrow type ${String(type)}`);
}

/** Assembles columns (by field name) into a one-batch Arrow table with exactly `schema`. */
export function tableFromColumns(
  schema: ArrowModule.Schema,
  length: number,
  columns: ReadonlyMap<string, ArrowModule.Data>,
): ArrowModule.Table {
  const children = schema.fields.map((f) => columns.get(f.name) ?? nullData(f.type, length));
  const struct = arrow.makeData({ type: new arrow.Struct(schema.fields), length, nullCount: 0, children });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]);
}

/** The part of lancedb's native table (`LocalTable.inner`, not public API) that appendTable calls. */
interface NativeAppend {
  add(buf: Buffer, mode: string): Promise<{ version: number }>;
}

/**
 * `table.add(data)` for a table without embedding functions (every table chromaspec creates):
 * the same native call with the same Arrow IPC file, minus what lancedb's Table.add does around it
 * on the main thread for every batch: a round trip to its threads for the table's schema (read
 * only to apply embedding functions), a sanitizing pass over the data, and a second copy of the
 * IPC bytes (Buffer.from of the joined file; ~1.6 MB per 1000 x 384 add, issue 18). Falls back to
 * `table.add` when the native table is not where lancedb 0.x keeps it (test/storage checks it is).
 */
export function appendTable(table: { add(data: ArrowModule.Table): Promise<{ version: number }> }, data: ArrowModule.Table): Promise<{ version: number }> {
  const inner = (table as unknown as { inner?: Partial<NativeAppend> }).inner;
  if (typeof inner?.add !== "function") return table.add(data);
  const file = arrow.RecordBatchFileWriter.writeAll(data).toUint8Array(true);
  return (inner as NativeAppend).add(Buffer.from(file.buffer, file.byteOffset, file.byteLength), "append");
}

/** Whether appendTable reaches lancedb's native table directly (tests). */
export function appendsNatively(table: object): boolean {
  return typeof (table as { inner?: Partial<NativeAppend> }).inner?.add === "function";
}

/** A column of a query result or a streamed batch; null for an empty result without columns. */
function column(table: ArrowModule.Table | ArrowModule.RecordBatch, name: string): ArrowModule.Vector | null {
  const col = table.getChild(name);
  // An empty result may come back without any columns at all.
  if (!col && table.numRows === 0) return null;
  if (!col) throw new Error(`query result has no column ${name}`);
  return col;
}

/** Strings of a Utf8 column of a query result or a streamed batch (null stays null). */
export function readStrings(table: ArrowModule.Table | ArrowModule.RecordBatch, name: string): (string | null)[] {
  const col = column(table, name);
  if (!col) return [];
  const out = new Array<string | null>(table.numRows);
  let i = 0;
  for (const v of col) out[i++] = (v as string | null) ?? null;
  return out;
}

/** An Int8 0/1 column (boolAsInt8Data's) of a query result as booleans (null reads false). */
export function readBoolsAsInt8(table: ArrowModule.Table | ArrowModule.RecordBatch, name: string): boolean[] {
  const col = column(table, name);
  if (!col) return [];
  const out = new Array<boolean>(table.numRows);
  let i = 0;
  for (const v of col) out[i++] = Number(v) !== 0;
  return out;
}

/**
 * A non-null Int64 column of a query result or a streamed batch as numbers (seqs, versions, ords
 * and lease counters all stay below 2^53), read from its buffers without a BigInt per value.
 */
export function readInt64s(table: ArrowModule.Table | ArrowModule.RecordBatch, name: string): Float64Array {
  const col = column(table, name);
  const out = new Float64Array(table.numRows);
  if (!col) return out;
  let row = 0;
  for (const chunk of col.data) {
    const values = chunk.values as BigInt64Array;
    for (let i = 0; i < chunk.length; i++) out[row++] = Number(values[chunk.offset + i]);
  }
  return out;
}
