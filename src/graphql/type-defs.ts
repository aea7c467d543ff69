// The API contract, schema.graphql, read once when the process starts.
import { readFileSync } from 'node:fs';

export const typeDefs = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
