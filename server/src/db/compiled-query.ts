import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Compiles a query once and fills in new values on each call, for the few queries that run
 * on every request or every save: building and compiling with Kysely each time cost more than
 * running the statement (docs/decisions/0003). `build` receives one stand-in per named value
 * (a string no person can send: it starts with NUL) and must use each exactly where the real
 * value goes; every other parameter is kept as compiled.
 */
export function compileOnce<Name extends string, Row = unknown>(
  names: readonly Name[],
  build: (standIns: Record<Name, never>) => CompiledQuery<Row>,
): (values: Record<Name, unknown>) => CompiledQuery<Row> {
  const standIns = Object.fromEntries(
    names.map((name) => [name, `\u0000stand-in:${name}`]),
  ) as unknown as Record<Name, never>;
  const byStandIn = new Map<unknown, Name>(names.map((name) => [standIns[name], name]));
  const compiled = build(standIns);
  const slots = compiled.parameters.map((parameter) => byStandIn.get(parameter));
  const missing = names.filter((name) => !slots.includes(name));
  if (missing.length > 0) {
    throw new Error(`compileOnce: ${missing.join(', ')} did not reach the compiled query.`);
  }
  return (values) => ({
    ...compiled,
    parameters: slots.map((name, index) =>
      name === undefined ? compiled.parameters[index] : values[name],
    ),
  });
}

/**
 * An `insert into table (…all columns…) values (…)` compiled once. `columns` names every
 * column of the table (the type makes that complete); each call fills in one row.
 */
export function insertOnce<Table extends keyof Database & string>(
  db: Kysely<Database>,
  table: Table,
  columns: Record<keyof Database[Table] & string, true>,
): (row: Database[Table]) => CompiledQuery {
  const names = Object.keys(columns) as (keyof Database[Table] & string)[];
  const fill = compileOnce(names, (standIns) =>
    db
      .insertInto(table)
      .values(standIns as never)
      .compile(),
  );
  return (row) => fill(row as Record<keyof Database[Table] & string, unknown>);
}
