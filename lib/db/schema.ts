/** The stored types come from lib/domain/model.ts (zod schemas, one source per type). */
export * from '../domain/model';
