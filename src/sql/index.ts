// The `netspear/sql` entry point: predicates compiled to parameterised SQL conditions.
export { compileSql } from './compile.js';
export type { ColumnSpec, ColumnType, SqlDialect, SqlOptions, SqlParameter, SqlPredicate } from './compile.js';
